import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { AuditSigner } from '../audit/audit.signing.ts'
import type { Db } from '../db/database.ts'
import { fromBool, toJson } from '../db/values.ts'
import { loadDemoMessages, removeDemoMessages } from '../messages/messages.demo.ts'
import { type AddressedTo, addressedTo, mayOriginate } from '../reference/reference.request-rules.ts'
import {
  DEMO_CASE_ID,
  DEMO_FURTHER_SITUATIONS,
  DEMO_PERSONS,
  DEMO_SITUATION_ID,
} from '../situations/situations.demo.ts'
import { DEMO_SUSPECT_WARRANT, nameOnDemoSuspectWarrant } from '../warrants/warrants.demo.ts'
import { checklistFor } from './requests.checklist.ts'
import { addDays, deadlineDefaults } from './requests.deadlines.ts'
import * as delegationsRepo from './requests.delegations.repository.ts'
import { FINAL_STATUSES, REQUEST_STATUSES, type RequestStatus } from './requests.lifecycle.ts'
import { RECEIPT_OF_STEP, type ReceiptRequest, receiptFor } from './requests.receipts.ts'
import * as records from './requests.records.repository.ts'
import { indexRequestsText } from './requests.search-index.ts'
import type { NewRequestEventRow, NewRequestRow, RequestReceiptTable } from './requests.table.ts'

// Several hundred fictional requests across every type and every state, addressed to real States
// and organisations, with the events of their path and deadlines (some overdue). Loaded with
// multi-row inserts in the demo's transaction. Transmitted and acknowledged ones carry their
// receipts, signed with the server's key as a real step's are (requests.receipts.ts).

type Pick = <T>(seed: string, options: readonly T[]) => T

const COUNT = 400
const TYPES = [
  'ARREST_AND_SURRENDER',
  'PROVISIONAL_ARREST',
  'TRANSIT',
  'IDENTIFY_LOCATE',
  'TAKE_EVIDENCE',
  'QUESTION_PERSON',
  'SERVE_DOCUMENTS',
  'FACILITATE_VOLUNTARY_APPEARANCE',
  'TEMPORARY_TRANSFER',
  'EXAMINE_SITES',
  'SEARCH_SEIZURE',
  'PROVIDE_RECORDS',
  'PROTECT_VICTIMS_WITNESSES_PRESERVE_EVIDENCE',
  'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE',
  'OTHER_ASSISTANCE',
  'IGO_REQUEST',
  'NON_PARTY_AD_HOC',
  'ENFORCEMENT_OF_SENTENCE',
  'FINES_FORFEITURE_REPARATIONS_ENFORCEMENT',
  'PRELIMINARY_EXAMINATION_INFORMATION',
]
// The demo accounts' States come up often so every screen has something to show them. All are
// States Parties; an invitation under 87(5)(a) goes to a State not party, a request under 87(6) to
// an organisation (reference.request-rules.ts: the rule drafting applies).
const ADDRESSEES = [
  'NLD',
  'KEN',
  'ARG',
  'NLD',
  'KEN',
  'ARG',
  'DEU',
  'FRA',
  'ZAF',
  'BRA',
  'JPN',
  'SEN',
  'CAN',
  'GBR',
  'UGA',
]
const NOT_PARTY = ['USA', 'IND', 'IDN']
const ORGANISATIONS = ['IO-UN', 'IO-INTERPOL']
const COURT_ORGANS = ['ICC-OTP', 'ICC-OTP', 'ICC-OTP', 'ICC-REGISTRY', 'ICC-CHAMBERS', 'ICC-REGISTRY-VWS']
const ORIGINATORS = [...COURT_ORGANS, 'ICC-DEFENCE-DEMO-A1']
const originatorsOf = (type: string) =>
  ORIGINATORS.filter((code) =>
    mayOriginate({ code, kind: code.startsWith('ICC-DEFENCE') ? 'defence' : 'court_organ' }, type),
  )
/** Types whose checklist needs the person concerned linked, and the warrant it carries out. */
const PERSON_TYPES = new Set(['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST', 'TRANSIT'])

/** How long ago a request in each state was drafted, at most, in days: open ones are recent. */
const MAX_AGE: Record<RequestStatus, number> = {
  draft: 20,
  approved: 15,
  transmitted: 20,
  acknowledged: 45,
  in_execution: 120,
  consultation: 150,
  postponed: 200,
  executed: 330,
  partially_executed: 330,
  not_executed: 330,
  withdrawn: 330,
}

/**
 * A filled checklist for a request that was approved: the system refuses to approve one with a
 * required element missing, so the demo does not show one (drafts keep theirs empty, to show why).
 */
function demoChecklist(type: string) {
  const answers: Record<string, string> = {}
  for (const element of checklistFor(type, false))
    if (element.satisfiedBy === 'answer' || element.satisfiedBy === 'person_and_answer')
      answers[element.ref] = `${element.label} (fictional, for demonstration).`
  return { answers }
}

/** The steps that lead from a draft to each state. */
const PATHS: Record<RequestStatus, string[]> = {
  draft: [],
  approved: ['approve'],
  transmitted: ['approve', 'transmit'],
  acknowledged: ['approve', 'transmit', 'acknowledge'],
  in_execution: ['approve', 'transmit', 'acknowledge', 'begin_execution'],
  consultation: ['approve', 'transmit', 'acknowledge', 'begin_execution', 'raise_consultation'],
  postponed: ['approve', 'transmit', 'acknowledge', 'begin_execution', 'postpone'],
  executed: ['approve', 'transmit', 'acknowledge', 'begin_execution', 'report_executed'],
  partially_executed: ['approve', 'transmit', 'acknowledge', 'begin_execution', 'report_partially_executed'],
  not_executed: ['approve', 'transmit', 'acknowledge', 'begin_execution', 'report_not_executed'],
  withdrawn: ['approve', 'transmit', 'withdraw'],
}
const TO: Record<string, RequestStatus> = {
  approve: 'approved',
  transmit: 'transmitted',
  acknowledge: 'acknowledged',
  begin_execution: 'in_execution',
  raise_consultation: 'consultation',
  postpone: 'postponed',
  report_executed: 'executed',
  report_partially_executed: 'partially_executed',
  report_not_executed: 'not_executed',
  withdraw: 'withdrawn',
}
const ISSUES = ['insufficient_information', 'person_not_located', 'conflicting_obligation', 'other']
const GROUNDS = ['93(3)', '93(4)/72', '93(5)', '98', '90', 'other']

/** What a step records of itself, as the real step does (requests.transitions.ts). */
function detailOf(action: string, i: number, nowIso: string): object | null {
  if (action === 'raise_consultation') return { issue: ISSUES[i % ISSUES.length], legalBasis: '97' }
  // Article 94: for a period agreed with the Court, still running; article 95: while the
  // admissibility challenge is pending, no date.
  if (action === 'postpone')
    return i % 3 === 0
      ? { basis: '95', postponedUntil: null }
      : { basis: '94', postponedUntil: addDays(nowIso, 20 + (i % 70)).slice(0, 10) + 'T00:00:00.000Z' }
  if (action === 'report_not_executed') return { ground: GROUNDS[i % GROUNDS.length] }
  return null
}

const jsonOrNull = (value: object | null) => (value ? toJson(value) : null)

export async function loadDemoRequests(
  trx: Db,
  users: Map<string, string>,
  nowIso: string,
  pick: Pick,
  signer: AuditSigner,
) {
  const existing = await trx
    .selectFrom('requests')
    .select('id')
    .where('is_demo', '=', fromBool(true))
    .limit(1)
    .execute()
  if (existing.length > 0) return 0
  // Each request is drafted by an officer of its originating organ and approved by another member
  // of it (four eyes); a Defence request is drafted by its counsel and approved by the Registry it
  // is routed through.
  const ACCOUNTS: Record<string, { drafter: string; approver: string; approverOrg: string }> = {
    'ICC-OTP': { drafter: 'otp.officer', approver: 'otp.approver', approverOrg: 'ICC-OTP' },
    'ICC-REGISTRY': { drafter: 'registry.officer', approver: 'registry.approver', approverOrg: 'ICC-REGISTRY' },
    'ICC-CHAMBERS': { drafter: 'chambers.officer', approver: 'chambers.approver', approverOrg: 'ICC-CHAMBERS' },
    'ICC-REGISTRY-VWS': { drafter: 'vws.officer', approver: 'vws.approver', approverOrg: 'ICC-REGISTRY-VWS' },
    'ICC-DEFENCE-DEMO-A1': { drafter: 'defence.counsel', approver: 'registry.approver', approverOrg: 'ICC-REGISTRY' },
  }
  const accountsOf = (originator: string) => ACCOUNTS[originator] ?? (ACCOUNTS['ICC-OTP'] as (typeof ACCOUNTS)[string])
  const userId = (name: string) => users.get(`${name}@demo.invalid`) ?? 'demo'
  const nldOfficer = users.get('nld.officer@demo.invalid')
  const nldFocalPoint = users.get('nld.focal-point@demo.invalid')
  const orgs = new Set(
    (
      await records.listOrganisationsByCodes(trx, [
        ...new Set([...ADDRESSEES, ...NOT_PARTY, ...ORGANISATIONS, ...ORIGINATORS]),
      ])
    ).map((o) => o.code),
  )
  const present = (codes: string[]) => codes.filter((c) => orgs.has(c))
  const addresseesOf: Record<AddressedTo, string[]> = {
    state: present(ADDRESSEES),
    state_not_party: present(NOT_PARTY),
    organisation: present(ORGANISATIONS),
    state_or_organisation: present([...ADDRESSEES, ...NOT_PARTY, ...ORGANISATIONS]),
  }
  const year = Number(nowIso.slice(0, 4))
  const counters = new Map<string, number>()
  const rows: NewRequestRow[] = []
  const events: NewRequestEventRow[] = []
  const recipients: { recordId: string; kind: 'named'; orgCode: string }[] = []
  const persons: { request_id: string; person_id: string }[] = []
  const warrants: { request_id: string; warrant_id: string }[] = []
  /** The States the arrest requests were transmitted to: they learn of the warrant (named on it). */
  const warrantAddressees: string[] = []
  const delegations: { recordId: string; userId: string; delegatedBy: string; nowIso: string }[] = []
  const receipts: RequestReceiptTable[] = []
  for (let i = 0; i < COUNT; i++) {
    const type = TYPES[i % TYPES.length] as string
    const status = REQUEST_STATUSES[(i * 7 + Math.floor(i / TYPES.length)) % REQUEST_STATUSES.length] as RequestStatus
    // Only organs that originate the type (an arrest: the Chambers or the Registry).
    const originator = pick(`request:${i}:organ`, originatorsOf(type))
    const isDefence = originator.startsWith('ICC-DEFENCE')
    // The first eleven have the eleven states (7 is prime to 11) and go to the host State, whose
    // focal point is the demo's main State account: it has a request in every state.
    const addressee =
      i < REQUEST_STATUSES.length && addressedTo(type) === 'state' && orgs.has('NLD')
        ? 'NLD'
        : pick(`request:${i}:to`, addresseesOf[addressedTo(type)])
    const urgency = type === 'PROVISIONAL_ARREST' || i % 9 === 0 ? 'urgent' : 'normal'
    const classification = isDefence
      ? 'confidential'
      : type.includes('ARREST')
        ? 'under_seal'
        : i % 10 === 0
          ? 'public'
          : 'confidential'
    // About a fifth in each further situation (no case there yet): not the Defence's (its case is
    // in the first), nor those that link the first situation's suspect.
    const inFurther =
      isDefence || PERSON_TYPES.has(type) || originator === 'ICC-CHAMBERS'
        ? undefined
        : i % 5 === 1
          ? DEMO_FURTHER_SITUATIONS[0]
          : i % 5 === 2
            ? DEMO_FURTHER_SITUATIONS[1]
            : undefined
    // In the first situation, a third of the requests are at the situation's level (no case): not
    // the Defence's nor the Chamber's (their staff are in the case), and always a preliminary
    // examination's, which precedes any case.
    const inCase =
      !inFurther &&
      type !== 'PRELIMINARY_EXAMINATION_INFORMATION' &&
      (isDefence || originator === 'ICC-CHAMBERS' || i % 3 !== 0)
    const compartment = isDefence
      ? originator
      : originator === 'ICC-REGISTRY-VWS'
        ? 'UNIT-VWS'
        : inFurther
          ? inFurther.code
          : inCase
            ? 'CASE-DEMO-A1'
            : 'SIT-DEMO-A'
    const n = (counters.get(originator) ?? 0) + 1
    counters.set(originator, n)
    const id = randomUUID()
    // Spread over the last year: open requests are recent, closed ones older. Each step follows the
    // last by one to six days, closer together where the request is too recent for that.
    const created = addDays(nowIso, -((i * 37) % MAX_AGE[status]) - 2)
    const defaults = deadlineDefaults(type, urgency)
    const path = PATHS[status]
    const gaps = path.map((action, k) => (action === 'transmit' ? 1 : 1 + ((i + k) % 6)))
    const room = (Date.parse(nowIso) - Date.parse(created)) / 86_400_000 - 0.5
    const scale = Math.min(1, room / gaps.reduce((a, b) => a + b, 1))
    let at = created
    let from: RequestStatus = 'draft'
    const timeline: NewRequestEventRow[] = [
      {
        id: randomUUID(),
        request_id: id,
        seq: 1,
        occurred_at: created,
        actor: `user:${accountsOf(originator).drafter}@demo.invalid`,
        actor_org: originator,
        action: 'drafted',
        from_status: null,
        to_status: 'draft',
        note: null,
        payload: null,
      },
    ]
    for (const [k, action] of path.entries()) {
      at = addDays(at, (gaps[k] as number) * scale)
      const toStatus = TO[action] as RequestStatus
      const byAddressee = !['approve', 'transmit', 'withdraw'].includes(action)
      timeline.push({
        id: randomUUID(),
        request_id: id,
        seq: k + 2,
        occurred_at: at,
        actor: byAddressee
          ? `user:focal-point.${addressee.toLowerCase()}@demo.invalid`
          : action === 'transmit'
            ? 'user:registry.officer@demo.invalid'
            : action === 'approve'
              ? `user:${accountsOf(originator).approver}@demo.invalid`
              : `user:${accountsOf(originator).drafter}@demo.invalid`,
        actor_org: byAddressee
          ? addressee
          : action === 'transmit'
            ? 'ICC-REGISTRY'
            : action === 'approve'
              ? accountsOf(originator).approverOrg
              : originator,
        action,
        from_status: from,
        to_status: toStatus,
        note: action === 'withdraw' ? 'No longer needed (fictional)' : null,
        // As the real step records it: the state's detail, and the channel a transmission took.
        payload: jsonOrNull(action === 'transmit' ? { channel: 'diplomatic' } : detailOf(action, i, nowIso)),
      })
      from = toStatus
    }
    events.push(...timeline)
    const transmittedAt = timeline.find((e) => e.action === 'transmit')?.occurred_at ?? null
    rows.push({
      id,
      reference: `${originator}-${year}-${String(n).padStart(6, '0')}`,
      originator,
      routed_through: isDefence ? 'ICC-REGISTRY' : null,
      addressee,
      request_type: type,
      legal_basis: 'Part 9 of the Rome Statute (fictional demo)',
      situation_id: inFurther?.id ?? DEMO_SITUATION_ID,
      case_id: inCase ? DEMO_CASE_ID : null,
      classification,
      compartment_code: compartment,
      ex_parte_party: null,
      urgency,
      language: 'en',
      channel: 'diplomatic',
      response_deadline: transmittedAt ? addDays(transmittedAt, defaults.responseDays) : null,
      acknowledgement_deadline: transmittedAt ? addDays(transmittedAt, defaults.acknowledgementDays) : null,
      summary: `Demo request ${i + 1}: ${type.toLowerCase().replaceAll('_', ' ')} (fictional)`,
      facts: 'Fictional facts for demonstration. No real events, places or people.',
      assistance_sought: 'Fictional assistance sought, for demonstration.',
      checklist: toJson(status === 'draft' ? { answers: {} } : demoChecklist(type)),
      status,
      status_detail: jsonOrNull(detailOf(path.at(-1) ?? '', i, nowIso)),
      group_id: null,
      drafted_by: userId(accountsOf(originator).drafter),
      approved_by: path.includes('approve') ? userId(accountsOf(originator).approver) : null,
      transmitted_at: transmittedAt,
      acknowledged_at: path.includes('acknowledge') ? (timeline[3]?.occurred_at ?? null) : null,
      closed_at: FINAL_STATUSES.includes(status) ? at : null,
      is_demo: fromBool(true),
      created_at: created,
      updated_at: at,
    })
    const row = rows.at(-1) as ReceiptRequest
    for (const event of timeline) {
      const receipt = RECEIPT_OF_STEP[event.action]
      if (receipt) receipts.push(receiptFor(signer, row, event, receipt, []))
    }
    if (PERSON_TYPES.has(type)) {
      persons.push({ request_id: id, person_id: DEMO_PERSONS.suspect })
      warrants.push({ request_id: id, warrant_id: DEMO_SUSPECT_WARRANT })
      if (transmittedAt) warrantAddressees.push(addressee)
    }
    if (type === 'PROTECT_VICTIMS_WITNESSES_PRESERVE_EVIDENCE')
      persons.push({ request_id: id, person_id: DEMO_PERSONS.witness1 })
    if (isDefence) {
      recipients.push(
        { recordId: id, kind: 'named', orgCode: originator },
        { recordId: id, kind: 'named', orgCode: 'ICC-REGISTRY' },
      )
    }
    if (transmittedAt) {
      if (classification === 'under_seal') recipients.push({ recordId: id, kind: 'named', orgCode: addressee })
      if (addressee === 'NLD' && nldOfficer && nldFocalPoint && i % 2 === 0)
        delegations.push({ recordId: id, userId: nldOfficer, delegatedBy: nldFocalPoint, nowIso })
    }
  }
  for (let k = 0; k < rows.length; k += 200) await records.insertRequests(trx, rows.slice(k, k + 200))
  await indexRequestsText(trx, rows)
  for (let k = 0; k < events.length; k += 500) await records.insertRequestEvents(trx, events.slice(k, k + 500))
  for (let k = 0; k < recipients.length; k += 500) await records.insertRecipients(trx, recipients.slice(k, k + 500))
  await records.insertRequestPersons(trx, persons)
  await records.insertRequestWarrants(trx, warrants)
  await nameOnDemoSuspectWarrant(trx, warrantAddressees)
  for (let k = 0; k < receipts.length; k += 200) await records.insertReceipts(trx, receipts.slice(k, k + 200))
  await delegationsRepo.insertDelegations(trx, delegations)
  await loadDemoMessages(trx, users, rows)
  for (const [organ, last] of counters) {
    await trx
      .insertInto('reference_counters')
      .values({ organ_code: organ, year, last_value: last })
      .onConflict((oc) =>
        oc.columns(['organ_code', 'year']).doUpdateSet({ last_value: sql`reference_counters.last_value + ${last}` }),
      )
      .execute()
  }
  return rows.length
}

export async function removeDemoRequests(trx: Db) {
  await removeDemoMessages(trx)
  await records.deleteDemoRequests(trx)
}
