import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import { DEMO_PERSONS } from '../situations/situations.demo.ts'
import * as repo from './arrest.repository.ts'
import type { ArrestOutcome, NewArrestOpportunityRow } from './arrest.table.ts'
import { foldText } from './arrest-strategies.service.ts'

// Fictional arrest strategies and opportunities for the demo's person sought. The strategies
// belong to the situation's cell (SIT-DEMO-A: Registry and OTP staff of the demo), so Chambers
// staff of the case, the Defence and everyone else see none of them: the rule at work. The
// opportunities cover every outcome; those that concern a request point at a demo arrest request.

const CELL = 'SIT-DEMO-A'
const CASE_COMPARTMENT = 'CASE-DEMO-A1'
const BY = 'system:demo'

const STRATEGIES = [
  {
    id: 'demo:arrest-strategy:A:1',
    title: 'Initial tracking plan for Fictional Person A (fictional demo)',
    body: 'Superseded plan: rely on reported travel through regional hubs; ask States Parties in the region to alert the Registry. Fictional.',
    status: 'superseded' as const,
    reviewDate: null,
  },
  {
    id: 'demo:arrest-strategy:A:2',
    title: 'Arrest strategy for Fictional Person A (fictional demo)',
    body: 'Fictional strategy: watch announced attendance at regional summits; prepare provisional arrest requests (article 92) in advance for the States Parties likely to be visited; brief focal points only once a request is transmitted. Review after each reported travel.',
    status: 'active' as const,
    reviewDate: '2027-03-31',
  },
]

type DemoOpportunity = {
  id: string
  iso3: string
  kind: 'presence' | 'travel'
  place: string
  fromDate: string
  toDate: string | null
  urgency: 'normal' | 'urgent'
  grading: [string, string]
  outcome: ArrestOutcome
  outcomeDate?: string
  note?: string
  /** Link the demo arrest request addressed to this State, when there is one. */
  linkRequest?: boolean
}

const OPPORTUNITIES: DemoOpportunity[] = [
  {
    id: 'demo:arrest-opportunity:1',
    iso3: 'NLD',
    kind: 'travel',
    place: 'Fictional conference centre, The Hague',
    fromDate: '2026-12-08',
    toDate: '2026-12-10',
    urgency: 'urgent',
    grading: ['B', '2'],
    outcome: 'pending',
  },
  {
    id: 'demo:arrest-opportunity:2',
    iso3: 'IND',
    kind: 'travel',
    place: 'Fictional trade fair, New Delhi',
    fromDate: '2027-01-15',
    toDate: '2027-01-18',
    urgency: 'normal',
    grading: ['C', '3'],
    outcome: 'pending',
  },
  {
    id: 'demo:arrest-opportunity:3',
    iso3: 'ARG',
    kind: 'presence',
    place: 'Fictional hotel, Buenos Aires',
    fromDate: '2026-06-02',
    toDate: '2026-06-04',
    urgency: 'urgent',
    grading: ['A', '1'],
    outcome: 'arrested',
    outcomeDate: '2026-06-03',
    note: 'Arrested by the national authorities (fictional).',
    linkRequest: true,
  },
  {
    id: 'demo:arrest-opportunity:4',
    iso3: 'KEN',
    kind: 'travel',
    place: 'Fictional summit venue, Nairobi',
    fromDate: '2026-04-20',
    toDate: '2026-04-21',
    urgency: 'normal',
    grading: ['B', '2'],
    outcome: 'request_refused',
    outcomeDate: '2026-04-19',
    note: 'The request was refused before the visit (fictional).',
    linkRequest: true,
  },
  {
    id: 'demo:arrest-opportunity:5',
    iso3: 'ZAF',
    kind: 'presence',
    place: 'Fictional residence, Johannesburg',
    fromDate: '2026-02-10',
    toDate: null,
    urgency: 'normal',
    grading: ['C', '2'],
    outcome: 'person_left',
    outcomeDate: '2026-02-14',
    note: 'The person left before the request could be acted on (fictional).',
  },
  {
    id: 'demo:arrest-opportunity:6',
    iso3: 'DEU',
    kind: 'travel',
    place: 'Fictional clinic, Berlin',
    fromDate: '2026-08-01',
    toDate: '2026-08-15',
    urgency: 'normal',
    grading: ['B', '3'],
    outcome: 'no_response',
    outcomeDate: '2026-08-20',
    note: 'No answer to the request during the stay (fictional).',
    linkRequest: true,
  },
]

export async function loadDemoArrest(trx: Db, nowIso: string): Promise<number> {
  if (Number((await repo.countDemoArrestRecords(trx)).n) > 0) return 0
  const person = DEMO_PERSONS.suspect
  const base = { classification: 'under_seal', ex_parte_party: null, is_demo: fromBool(true), created_at: nowIso }
  for (const [i, s] of STRATEGIES.entries()) {
    const version = s.status === 'superseded' ? 2 : 1
    const at = new Date(Date.parse(nowIso) - (STRATEGIES.length - i) * 86_400_000).toISOString()
    await repo.insertStrategy(trx, {
      ...base,
      id: s.id,
      person_id: person,
      title: s.title,
      body: s.body,
      status: s.status,
      review_date: s.reviewDate,
      version,
      search_text: foldText(`${s.title} ${s.body}`),
      compartment_code: CELL,
      created_by: BY,
      updated_by: BY,
      updated_at: at,
    })
    const first = { strategy_id: s.id, title: s.title, body: s.body, review_date: s.reviewDate, changed_by: BY }
    await repo.insertStrategyVersions(trx, [
      { ...first, version: 1, status: 'active', note: null, changed_at: at },
      ...(version === 2
        ? [
            {
              ...first,
              version: 2,
              status: 'superseded' as const,
              note: 'Superseded by the current strategy',
              changed_at: at,
            },
          ]
        : []),
    ])
  }
  const requests = await repo.listDemoArrestRequestIds(trx, person)
  for (const [i, o] of OPPORTUNITIES.entries()) {
    const request = o.linkRequest ? requests.find((r) => r.addressee === o.iso3) : undefined
    const row: NewArrestOpportunityRow = {
      ...base,
      id: o.id,
      person_id: person,
      iso3: o.iso3,
      kind: o.kind,
      source_description: 'Fictional source for demonstration only.',
      source_reliability: o.grading[0],
      information_credibility: o.grading[1],
      place: o.place,
      from_date: o.fromDate,
      to_date: o.toDate,
      urgency: o.urgency,
      reported_by: BY,
      reported_at: new Date(Date.parse(nowIso) - i * 3_600_000).toISOString(),
      outcome: o.outcome,
      outcome_date: o.outcomeDate ?? null,
      outcome_note: o.note ?? null,
      request_id: request?.id ?? null,
      compartment_code: CASE_COMPARTMENT,
      created_by: BY,
      updated_at: nowIso,
    }
    await repo.insertOpportunity(trx, row)
    if (o.outcome !== 'pending') {
      await repo.insertOutcome(trx, {
        opportunity_id: o.id,
        seq: 1,
        outcome: o.outcome,
        outcome_date: o.outcomeDate ?? nowIso.slice(0, 10),
        note: o.note ?? null,
        request_id: row.request_id ?? null,
        recorded_by: BY,
        recorded_at: nowIso,
      })
    }
  }
  return STRATEGIES.length + OPPORTUNITIES.length
}

export function removeDemoArrest(trx: Db) {
  return repo.deleteDemoArrestRecords(trx)
}
