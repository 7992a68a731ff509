import { randomUUID } from 'node:crypto'
import { hashPassword } from '../auth/passwords.ts'
import { sealSecret } from '../crypto/secret-box.ts'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import * as repo from './identity.repository.ts'

// The fictional demo world's people: one account per role, for several States and compartments.
// Every account shares one password and one TOTP secret, shown on the sign-in page in demo mode
// only; the server refuses to start without the demo while any of them is active.

export const DEMO_PASSWORD = 'demo passphrase for part nine'
/** Base32 TOTP secret of every demo account (20 bytes). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
export const DEMO_COMPARTMENTS = [
  { code: 'SIT-DEMO-A', name: 'Situation in the Republic of Demoland (fictional)' },
  { code: 'CASE-DEMO-A1', name: 'The Prosecutor v. Fictional Person A (fictional)' },
  { code: 'SIT-DEMO-B', name: 'Situation in the Federal Republic of Fictonia (fictional)' },
  { code: 'SIT-DEMO-C', name: 'Situation in the Kingdom of Exemplaria (fictional)' },
  { code: 'UNIT-VWS', name: 'Victims and Witnesses Section — protection unit (fictional demo)' },
]
export const DEMO_DEFENCE_ORG = {
  code: 'ICC-DEFENCE-DEMO-A1',
  nameEn: 'Defence of Fictional Person A (demo)',
  nameFr: 'Défense de la personne fictive A (démo)',
}

export const DEMO_ACCOUNTS: {
  email: string
  name: string
  orgCode: string
  role: string
  compartments: string[]
  description: string
}[] = [
  {
    email: 'registry.officer@demo.invalid',
    name: 'Rita Registry (fictional)',
    orgCode: 'ICC-REGISTRY',
    role: 'officer',
    compartments: ['SIT-DEMO-A', 'CASE-DEMO-A1', 'SIT-DEMO-B', 'SIT-DEMO-C'],
    description: 'Registry cooperation officer',
  },
  {
    email: 'registry.approver@demo.invalid',
    name: 'Rémi Registry-Approver (fictional)',
    orgCode: 'ICC-REGISTRY',
    role: 'approver',
    compartments: ['SIT-DEMO-A', 'CASE-DEMO-A1', 'SIT-DEMO-B', 'SIT-DEMO-C'],
    description: 'Registry approver (approves Defence requests routed through the Registry)',
  },
  {
    email: 'otp.officer@demo.invalid',
    name: 'Omar Prosecution (fictional)',
    orgCode: 'ICC-OTP',
    role: 'officer',
    compartments: ['SIT-DEMO-A', 'CASE-DEMO-A1', 'SIT-DEMO-B', 'SIT-DEMO-C'],
    description: 'OTP staff',
  },
  {
    email: 'otp.approver@demo.invalid',
    name: 'Olga Approver (fictional)',
    orgCode: 'ICC-OTP',
    role: 'approver',
    compartments: ['SIT-DEMO-A', 'CASE-DEMO-A1', 'SIT-DEMO-B', 'SIT-DEMO-C'],
    description: 'OTP approver',
  },
  {
    email: 'chambers.officer@demo.invalid',
    name: 'Chen Chambers (fictional)',
    orgCode: 'ICC-CHAMBERS',
    role: 'officer',
    compartments: ['CASE-DEMO-A1'],
    description: 'Chamber staff',
  },
  {
    email: 'chambers.approver@demo.invalid',
    name: 'Chiara Chambers-Approver (fictional)',
    orgCode: 'ICC-CHAMBERS',
    role: 'approver',
    compartments: ['CASE-DEMO-A1'],
    description: 'Chamber approver (approves the requests the Chamber makes, such as arrest and surrender)',
  },
  {
    email: 'defence.counsel@demo.invalid',
    name: 'Dana Defence (fictional)',
    orgCode: DEMO_DEFENCE_ORG.code,
    role: 'counsel',
    compartments: ['CASE-DEMO-A1'],
    description: 'Defence counsel',
  },
  {
    email: 'vws.officer@demo.invalid',
    name: 'Victor Witness-Protection (fictional)',
    orgCode: 'ICC-REGISTRY-VWS',
    role: 'officer',
    compartments: ['UNIT-VWS'],
    description: 'Victims and Witnesses Section officer',
  },
  {
    email: 'vws.approver@demo.invalid',
    name: 'Vera Witness-Protection-Approver (fictional)',
    orgCode: 'ICC-REGISTRY-VWS',
    role: 'approver',
    compartments: ['UNIT-VWS'],
    description: 'Victims and Witnesses Section approver',
  },
  {
    email: 'tfv.officer@demo.invalid',
    name: 'Tara Trust-Fund (fictional)',
    orgCode: 'ICC-TFV',
    role: 'officer',
    compartments: [],
    description: 'Trust Fund for Victims officer',
  },
  {
    email: 'nld.focal-point@demo.invalid',
    name: 'Noor Netherlands (fictional)',
    orgCode: 'NLD',
    role: 'focal-point',
    compartments: [],
    description: 'State focal point (Netherlands)',
  },
  {
    email: 'nld.officer@demo.invalid',
    name: 'Nils Netherlands (fictional)',
    orgCode: 'NLD',
    role: 'officer',
    compartments: [],
    description: 'State authority officer (Netherlands)',
  },
  {
    email: 'ken.focal-point@demo.invalid',
    name: 'Kofi Kenya (fictional)',
    orgCode: 'KEN',
    role: 'focal-point',
    compartments: [],
    description: 'State focal point (Kenya)',
  },
  {
    email: 'arg.focal-point@demo.invalid',
    name: 'Ana Argentina (fictional)',
    orgCode: 'ARG',
    role: 'focal-point',
    compartments: [],
    description: 'State focal point (Argentina)',
  },
  {
    email: 'un.focal-point@demo.invalid',
    name: 'Uma United-Nations (fictional)',
    orgCode: 'IO-UN',
    role: 'focal-point',
    compartments: [],
    description: 'International organisation focal point',
  },
  {
    email: 'asp.officer@demo.invalid',
    name: 'Abel Assembly (fictional)',
    orgCode: 'ASP',
    role: 'officer',
    compartments: [],
    description: 'Assembly of States Parties officer',
  },
  {
    email: 'auditor@demo.invalid',
    name: 'Aude Auditor (fictional)',
    orgCode: 'ICC-REGISTRY',
    role: 'auditor',
    compartments: [],
    description: 'Auditor (no content)',
  },
  {
    email: 'admin@demo.invalid',
    name: 'Adam Administrator (fictional)',
    orgCode: 'ICC-REGISTRY',
    role: 'admin',
    compartments: [],
    description: 'Administrator (no content)',
  },
]

export async function loadDemoIdentities(trx: Db, encryptionKey: string, nowIso: string): Promise<Map<string, string>> {
  await repo.upsertOrganisations(trx, [{ ...DEMO_DEFENCE_ORG, kind: 'defence', isDemo: true }])
  for (const c of DEMO_COMPARTMENTS) {
    if (!(await repo.findCompartment(trx, c.code))) await repo.insertCompartment(trx, { ...c, isDemo: true, nowIso })
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ids = new Map<string, string>()
  for (const account of DEMO_ACCOUNTS) {
    const existing = await repo.findUserByEmail(trx, account.email)
    if (existing) {
      ids.set(account.email, existing.id)
      continue
    }
    const id = randomUUID()
    await repo.insertUser(trx, {
      id,
      email: account.email,
      display_name: account.name,
      org_code: account.orgCode,
      role: account.role,
      status: 'active',
      password_hash: passwordHash,
      mfa_secret: sealSecret(encryptionKey, 'totp-secret', DEMO_TOTP_SECRET),
      mfa_enabled: fromBool(true),
      mfa_last_step: null,
      oidc_issuer: null,
      oidc_subject: null,
      is_demo: fromBool(true),
      created_at: nowIso,
      updated_at: nowIso,
      last_login_at: null,
    })
    await repo.replaceUserCompartments(trx, id, account.compartments)
    ids.set(account.email, id)
  }
  return ids
}

/** Demo accounts are removed by disabling them (their audit history stays meaningful). */
export async function disableDemoIdentities(trx: Db, nowIso: string) {
  await trx
    .updateTable('users')
    .set({ status: 'disabled', updated_at: nowIso })
    .where('is_demo', '=', fromBool(true))
    .execute()
  await trx
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', 'in', trx.selectFrom('users').select('id').where('is_demo', '=', fromBool(true)))
    .where('revoked_at', 'is', null)
    .execute()
}

export function countActiveDemoUsers(db: Db) {
  return repo.countDemoUsers(db)
}
