import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import { listDemoRequestsOfTypes } from '../requests/requests.links.ts'
import { DEMO_CASE_ID, DEMO_PERSONS } from '../situations/situations.demo.ts'
import { raiseAlertsForAssets } from './assets.alerts.ts'
import { addDays } from './assets.dates.ts'
import { ASSET_REQUEST_TYPE, FORFEITURE_REQUEST_TYPE, STEPS, type StepAction } from './assets.lifecycle.ts'
import { type Currency, parseAmount } from './assets.money.ts'
import * as repo from './assets.repository.ts'
import type { AssetKind, AssetStage, NewAssetStepRow } from './assets.table.ts'

// Fictional assets of the demo case, one of every kind and every stage, valued in several
// currencies; some freezing orders lapse within 30 days so the register shows its alerts. Each
// step rests on one of the demo's transmitted 93(1)(k) requests, and the asset lies in the State
// that request is addressed to. Recorded exchange rates leave one currency (ARS) without a rate,
// so the register shows an unconverted line. Every description says it is fictional.

type DemoAsset = {
  kind: AssetKind
  description: string
  path: StepAction[]
  /** Days from today to the expiry of the last freezing or seizure order. */
  expiresInDays?: number
  value: [amount: string, currency: Currency]
  purposes: ('evidence' | 'reparations' | 'legal_aid' | 'forfeiture')[]
  reparationsOrderRef?: string
  claim?: { claimant: string; nature: string; status: 'pending' | 'upheld' | 'dismissed' }
}

const ASSETS: DemoAsset[] = [
  {
    kind: 'bank_account',
    description: 'Current account at Fictional Savings Bank, ending 4471 (fictional)',
    path: ['trace', 'freeze'],
    expiresInDays: 12,
    value: ['1250000.00', 'EUR'],
    purposes: ['reparations', 'forfeiture'],
  },
  {
    kind: 'real_estate',
    description: 'Villa at 3 Imaginary Coast Road (fictional)',
    path: ['trace', 'freeze'],
    expiresInDays: 26,
    value: ['2400000.00', 'USD'],
    purposes: ['reparations'],
    claim: {
      claimant: 'Fictional Mortgage Bank plc',
      nature: 'Registered mortgage (bona fide creditor)',
      status: 'pending',
    },
  },
  {
    kind: 'vehicle',
    description: 'Armoured SUV, fictional registration DEMO-001 (fictional)',
    path: ['trace', 'seize'],
    expiresInDays: 140,
    value: ['85000.00', 'EUR'],
    purposes: ['evidence', 'forfeiture'],
  },
  {
    kind: 'company_share',
    description: '60% of Imaginary Mining Holdings Ltd (fictional)',
    path: ['trace', 'freeze'],
    expiresInDays: 95,
    value: ['310000000.00', 'KES'],
    purposes: ['reparations', 'forfeiture'],
    claim: {
      claimant: 'Minority shareholder (fictional)',
      nature: 'Ownership of 10% of the shares',
      status: 'dismissed',
    },
  },
  {
    kind: 'vessel',
    description: 'Motor yacht “Fiction” (fictional)',
    path: ['trace', 'freeze', 'seize', 'forfeit'],
    value: ['3100000.00', 'EUR'],
    purposes: ['reparations', 'forfeiture'],
    reparationsOrderRef: 'ICC-DEMO-A1 Reparations Order (fictional)',
  },
  {
    kind: 'aircraft',
    description: 'Light business jet, fictional tail number DM-XYZ (fictional)',
    path: ['trace'],
    value: ['4200000.00', 'USD'],
    purposes: ['forfeiture'],
  },
  {
    kind: 'cash',
    description: 'Cash found in a safe deposit box (fictional)',
    path: ['trace', 'freeze', 'release'],
    value: ['45000.00', 'CHF'],
    purposes: ['legal_aid'],
    claim: { claimant: 'Fictional relative', nature: 'Ownership of the cash (inheritance)', status: 'upheld' },
  },
  {
    kind: 'virtual_asset',
    description: 'Wallet holding stablecoins, fictional address 0xDEMO (fictional)',
    path: [],
    value: ['98000.00', 'USD'],
    purposes: ['reparations'],
  },
  {
    kind: 'other',
    description: 'Collection of paintings (fictional)',
    path: ['freeze'],
    expiresInDays: 5,
    value: ['52000000.00', 'ARS'],
    purposes: ['reparations', 'evidence'],
  },
  {
    kind: 'real_estate',
    description: 'Farmland, fictional parcel 12/B (fictional)',
    path: ['trace', 'seize'],
    expiresInDays: 20,
    value: ['150000000', 'JPY'],
    purposes: ['reparations'],
  },
]

const RATES: [from: Currency, to: Currency, rate: string][] = [
  ['USD', 'EUR', '0.9215'],
  ['KES', 'EUR', '0.00712'],
  ['CHF', 'EUR', '1.0632'],
  ['JPY', 'EUR', '0.00612'],
  ['EUR', 'USD', '1.0852'],
]

export async function loadDemoAssets(trx: Db, nowIso: string): Promise<number> {
  const existing = await trx.selectFrom('assets').select('id').where('is_demo', '=', fromBool(true)).limit(1).execute()
  if (existing.length > 0) return 0
  const requests = await listDemoRequestsOfTypes(trx, [ASSET_REQUEST_TYPE, FORFEITURE_REQUEST_TYPE])
  // Requests the case team can see (not the Defence's), addressed to a State (not an organisation).
  const assetRequests = requests.filter(
    (r) =>
      r.request_type === ASSET_REQUEST_TYPE &&
      /^[A-Z]{3}$/.test(r.addressee) &&
      ['SIT-DEMO-A', 'CASE-DEMO-A1'].includes(r.compartment_code ?? ''),
  )
  if (assetRequests.length === 0) return 0
  const today = nowIso.slice(0, 10)
  const actor = 'otp.officer@demo.invalid'
  let count = 0
  for (const [i, a] of ASSETS.entries()) {
    const request = assetRequests[i % assetRequests.length] as (typeof assetRequests)[number]
    // Forfeiture rests on an article 109 request to the same State when the demo has one.
    const forfeiture = requests.find(
      (r) => r.request_type === FORFEITURE_REQUEST_TYPE && r.addressee === request.addressee,
    )
    const id = `demo:asset:${i + 1}`
    const created = addDays(today, -120 + i)
    const steps: NewAssetStepRow[] = [
      step(id, 1, 'identify', null, 'identified', null, `${created}T09:00:00.000Z`, actor),
    ]
    let stage: AssetStage = 'identified'
    let orderStep: string | null = null
    let expires: string | null = null
    for (const [k, action] of a.path.entries()) {
      const on = addDays(created, 15 * (k + 1))
      const rule = STEPS[action]
      const to: AssetStage = action === 'renew' ? stage : rule.to
      const isLastOrder = rule.isExpiryRequired && !a.path.slice(k + 1).some((x) => STEPS[x].isExpiryRequired)
      const expiresOn = rule.isExpiryRequired
        ? isLastOrder && a.expiresInDays !== undefined
          ? addDays(today, a.expiresInDays)
          : addDays(on, 180)
        : null
      const s = step(
        id,
        k + 2,
        action,
        stage,
        to,
        action === 'forfeit' && forfeiture ? forfeiture.id : request.id,
        `${on}T10:00:00.000Z`,
        actor,
      )
      if (rule.isOrderRequired) {
        s.order_authority = `${request.addressee} competent court (fictional)`
        s.order_reference = `DEMO-${action.toUpperCase()}-${i + 1}`
        s.order_date = on
        s.order_expires_on = expiresOn
      }
      steps.push(s)
      stage = to
      if (rule.isExpiryRequired) {
        orderStep = s.id as string
        expires = expiresOn
      } else if (action !== 'trace') {
        orderStep = null
        expires = null
      }
    }
    const [amount, currency] = a.value
    await repo.insertAsset(trx, {
      id,
      classification: 'confidential',
      compartment_code: 'CASE-DEMO-A1',
      ex_parte_party: null,
      case_id: DEMO_CASE_ID,
      person_id: DEMO_PERSONS.suspect,
      kind: a.kind,
      description: a.description,
      jurisdiction: request.addressee,
      purpose_evidence: fromBool(a.purposes.includes('evidence')),
      purpose_reparations: fromBool(a.purposes.includes('reparations')),
      purpose_legal_aid: fromBool(a.purposes.includes('legal_aid')),
      purpose_forfeiture: fromBool(a.purposes.includes('forfeiture')),
      reparations_order_ref: a.reparationsOrderRef ?? null,
      stage,
      current_order_step_id: orderStep,
      order_expires_on: expires,
      value_minor: parseAmount(amount, currency).toString(),
      value_currency: currency,
      valued_on: addDays(created, 3),
      is_demo: fromBool(true),
      created_by: 'system:demo',
      created_at: `${created}T09:00:00.000Z`,
      updated_at: steps.at(-1)?.recorded_at ?? `${created}T09:00:00.000Z`,
    })
    await repo.insertSteps(trx, steps)
    // The Trust Fund for Victims may know of the assets held for reparations (article 75, 79).
    if (a.purposes.includes('reparations')) await repo.insertNamedOrganisations(trx, id, ['ICC-TFV'])
    await repo.insertValuations(trx, [
      {
        id: randomUUID(),
        asset_id: id,
        amount_minor: parseAmount(amount, currency).toString(),
        currency,
        valued_on: addDays(created, 3),
        basis: 'Financial investigator estimate (fictional)',
        recorded_by: actor,
        recorded_at: `${addDays(created, 3)}T12:00:00.000Z`,
      },
    ])
    if (a.claim) {
      await repo.insertClaims(trx, [
        {
          id: randomUUID(),
          asset_id: id,
          claimant: a.claim.claimant,
          nature: a.claim.nature,
          amount_minor: null,
          currency: null,
          lodged_on: addDays(created, 40),
          status: a.claim.status,
          status_note: a.claim.status === 'pending' ? null : 'Decision of the Chamber (fictional)',
          recorded_by: actor,
          recorded_at: `${addDays(created, 40)}T12:00:00.000Z`,
          updated_at: `${addDays(created, 50)}T12:00:00.000Z`,
        },
      ])
    }
    count += 1
  }
  await repo.insertExchangeRates(
    trx,
    RATES.map(([from, to, rate]) => ({
      id: randomUUID(),
      from_currency: from,
      to_currency: to,
      rate,
      as_of: addDays(today, -1),
      source: 'Fictional demo rates (not market data)',
      is_demo: fromBool(true),
      recorded_by: actor,
      recorded_at: nowIso,
    })),
  )
  // The alerts of orders already inside the window exist from the start, as after a sweep.
  await raiseAlertsForAssets(trx, today, nowIso)
  return count
}

function step(
  assetId: string,
  seq: number,
  action: StepAction,
  from: AssetStage | null,
  to: AssetStage,
  requestId: string | null,
  at: string,
  actor: string,
): NewAssetStepRow {
  return {
    id: randomUUID(),
    asset_id: assetId,
    seq,
    action,
    from_stage: from,
    to_stage: to,
    request_id: requestId,
    order_authority: null,
    order_reference: null,
    order_date: null,
    order_expires_on: null,
    note: null,
    recorded_by: actor,
    recorded_at: at,
  }
}

export function removeDemoAssets(trx: Db) {
  return repo.deleteDemoAssets(trx)
}
