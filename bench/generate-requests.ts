// Generates a benchmark dataset of requests for cooperation: migrations and reference data go
// through the project's own prepareDatabase (so the schema is exactly the server's), then the
// requests, their timelines and their recipients are written with multi-row inserts in large
// transactions. SQLite by default (a file); PostgreSQL with --database-url.
//
//   node bench/generate-requests.ts --file /tmp/bench.db [--requests 200000] [--seed 1]
//   node bench/generate-requests.ts --database-url postgres://… [--requests 200000]
import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import SqliteDatabase from 'better-sqlite3'
import { prepareDatabase } from '../src/server/boot/prepare-database.ts'
import type { Ctx } from '../src/server/context.ts'
import { createDb, type DbHandle } from '../src/server/db/database.ts'
import { createCompartment, createUser, listCompartments } from '../src/server/identity/identity.service.ts'
import { addDays, deadlineDefaults } from '../src/server/requests/requests.deadlines.ts'
import { FINAL_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../src/server/requests/requests.lifecycle.ts'
import { addresseeWords } from '../src/server/requests/requests.search-index.ts'

/** The compartments the data is spread over; the bench's Court officer holds the first two. */
export const BENCH_COMPARTMENTS = [
  'SIT-BENCH-1',
  'SIT-BENCH-2',
  'SIT-BENCH-3',
  'SIT-BENCH-4',
  'SIT-BENCH-5',
  'SIT-BENCH-6',
]
const TYPES = [
  'ARREST_AND_SURRENDER',
  'IDENTIFY_LOCATE',
  'TAKE_EVIDENCE',
  'QUESTION_PERSON',
  'SERVE_DOCUMENTS',
  'SEARCH_SEIZURE',
  'PROVIDE_RECORDS',
  'PROTECT_VICTIMS_WITNESSES_PRESERVE_EVIDENCE',
  'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE',
  'OTHER_ASSISTANCE',
  'EXAMINE_SITES',
  'TRANSIT',
]
const ORIGINATORS = ['ICC-OTP', 'ICC-OTP', 'ICC-OTP', 'ICC-REGISTRY', 'ICC-CHAMBERS', 'ICC-REGISTRY-VWS']
const PATH = ['approve', 'transmit', 'acknowledge', 'begin_execution']
const STEPS: Record<RequestStatus, number> = {
  draft: 0,
  approved: 1,
  transmitted: 2,
  acknowledged: 3,
  in_execution: 4,
  consultation: 5,
  postponed: 5,
  executed: 5,
  partially_executed: 5,
  not_executed: 5,
  withdrawn: 3,
}
const ORDER: RequestStatus[] = ['draft', 'approved', 'transmitted', 'acknowledged', 'in_execution']
const WORDS = [
  'witness',
  'bank records',
  'surrender',
  'travel documents',
  'phone intercepts',
  'property',
  'hearing',
  'interview',
  'vessel',
  'company registry',
  'forensic report',
  'detention',
  'border crossing',
  'satellite imagery',
]

type Row = Record<string, string | number | null>
type Writer = {
  insert: (table: string, rows: Row[]) => Promise<void>
  commit: () => Promise<void>
  close: () => Promise<void>
}

/** A small deterministic generator (mulberry32), so two runs build the same dataset. */
/**
 * The host State, and its share of the requests. The Court's host State receives far more
 * requests than the average State (detention, transit, witnesses, the Court's own premises), and
 * the bench lists and counts its requests: with an even spread (0.5 % each over ~190 States) the
 * list page at 10,000 requests held 4 to 15 rows, so whether the list stays flat from 10,000 to
 * 1,000,000 could not be seen. At 2.5 % a focal point's page is full at every size.
 */
export const HOST_STATE = 'NLD'
export const HOST_STATE_SHARE = 0.025
/** Changes with any change to what is generated: cached datasets of another version are not reused. */
export const DATASET_VERSION = 2

function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function cliCtx(handle: DbHandle): Ctx {
  const log = { info: () => {}, warn: console.warn, error: console.error, debug: () => {} }
  return {
    db: handle.db,
    actor: { kind: 'operator', name: 'bench' },
    log: log as unknown as Ctx['log'],
    now: () => new Date(),
    requestId: null,
    secrets: {} as Ctx['secrets'],
  }
}

/** The tables the generator fills in bulk. */
const LOADED_TABLES = ['requests', 'request_events', 'record_recipients', 'request_messages', 'request_search']

/** SQLite: better-sqlite3 prepared multi-row inserts, one transaction per batch, no fsync while loading. */
function sqliteWriter(file: string): Writer {
  const db = new SqliteDatabase(file)
  db.pragma('journal_mode = wal')
  db.pragma('synchronous = off')
  // A page cache of up to 2 GB: the indexes on random ids (UUIDs) are written all over; with
  // SQLite's default 2 MB each insert read its pages back from the file, and a batch took longer
  // as the tables grew (200,000 requests at 611 a second).
  db.pragma('cache_size = -2000000')
  db.pragma('foreign_keys = off') // every reference below is to a row that exists; checked by the server's tests
  // The secondary indexes of the tables loaded here are dropped, and made again from their own
  // SQL once the rows are in: an index built from sorted rows is written once, where one kept up
  // row by row is written all over. The schema ends exactly as the migrations left it. (The
  // indexes behind primary keys and unique constraints have no SQL of their own and stay.)
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
        and tbl_name in (${LOADED_TABLES.map(() => '?').join(',')}) order by name`,
    )
    .all(...LOADED_TABLES) as { name: string; sql: string }[]
  for (const index of indexes) db.exec(`drop index "${index.name}"`)
  const statements = new Map<string, SqliteDatabase.Statement>()
  db.exec('begin')
  return {
    insert: async (table, rows) => {
      const columns = Object.keys(rows[0] ?? {})
      for (let k = 0; k < rows.length; k += 100) {
        const chunk = rows.slice(k, k + 100)
        const key = `${table}:${chunk.length}`
        let stmt = statements.get(key)
        if (!stmt) {
          const tuple = `(${columns.map(() => '?').join(',')})`
          stmt = db.prepare(
            `insert into ${table} (${columns.join(',')}) values ${Array(chunk.length).fill(tuple).join(',')}`,
          )
          statements.set(key, stmt)
        }
        stmt.run(chunk.flatMap((r) => columns.map((c) => r[c] ?? null)))
      }
    },
    commit: async () => {
      db.exec('commit')
      db.exec('begin')
    },
    close: async () => {
      db.exec('commit')
      process.stderr.write(`\n  building ${indexes.length} indexes…`)
      for (const index of indexes) db.exec(index.sql)
      db.exec('analyze')
      db.pragma('wal_checkpoint(truncate)')
      db.close()
    },
  }
}

/** PostgreSQL: Kysely multi-row inserts in one transaction per batch. */
function postgresWriter(handle: DbHandle): Writer {
  let pending: Promise<void> = Promise.resolve()
  let batch: { table: string; rows: Row[] }[] = []
  return {
    insert: async (table, rows) => {
      batch.push({ table, rows })
    },
    commit: async () => {
      const work = batch
      batch = []
      await pending
      pending = handle.db.transaction().execute(async (trx) => {
        for (const { table, rows } of work)
          for (let k = 0; k < rows.length; k += 500)
            await trx
              .insertInto(table as 'requests')
              .values(rows.slice(k, k + 500) as never)
              .execute()
      })
      await pending
    },
    close: async () => {
      await pending
      await handle.db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never)
    },
  }
}

export async function generateRequests(options: {
  file?: string
  databaseUrl?: string
  requests: number
  seed: number
}) {
  const started = Date.now()
  if (options.file && existsSync(options.file))
    for (const s of ['', '-wal', '-shm']) rmSync(options.file + s, { force: true })
  const handle = createDb(
    options.databaseUrl
      ? { dialect: 'postgres', databaseUrl: options.databaseUrl, sqlitePath: null }
      : { dialect: 'sqlite', databaseUrl: `sqlite:${options.file}`, sqlitePath: options.file ?? null },
  )
  const ctx = cliCtx(handle)
  await prepareDatabase(ctx, { demo: false, progress: () => {} })
  const existing = new Set((await listCompartments(ctx)).map((c) => c.code))
  for (const code of BENCH_COMPARTMENTS)
    if (!existing.has(code)) await createCompartment(ctx, { code, name: `Bench compartment ${code}` })
  const states = (await handle.db.selectFrom('organisations').select('code').where('kind', '=', 'state').execute()).map(
    (o) => o.code,
  )
  if (states.length === 0) throw new Error('no States in the reference data')
  const types = new Set((await handle.db.selectFrom('request_types').select('code').execute()).map((t) => t.code))
  const usable = TYPES.filter((t) => types.has(t))
  // The author of the generated messages: a real account, as the messages table requires.
  const author = await createUser(ctx, {
    email: 'author@bench.invalid',
    name: 'Bench author',
    orgCode: 'ICC-OTP',
    role: 'officer',
    compartments: [],
  })
  const schema = await handle.db.introspection.getTables()
  const tables = new Set(schema.map((t) => t.name))
  const hasMessages = tables.has('request_messages')
  // Full-text search documents, as requests.search.ts writes them (requestSearchParts), when the table exists.
  const hasSearch = tables.has('request_search')
  // SQLite: each document's words also go to its addressee's index (migration 2026-11-29T0930),
  // under the document's id, which is then given here rather than left to SQLite.
  const byAddressee = tables.has('request_search_by_addressee')
  let documentId = 0
  let wordRows: Row[] = []
  const documentOf = (
    addressee: string,
    d: { request_id: string; source: string; reference: string; summary: string; body: string },
  ) => {
    if (!byAddressee) return d
    documentId += 1
    wordRows.push({
      rowid: documentId,
      reference: addresseeWords(addressee, d.reference),
      summary: addresseeWords(addressee, d.summary),
      body: addresseeWords(addressee, d.body),
    })
    return { id: documentId, ...d }
  }
  if (options.file) await handle.close()
  const writer = options.file ? sqliteWriter(options.file) : postgresWriter(handle)

  const rnd = random(options.seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  const nowIso = new Date().toISOString()
  const year = Number(nowIso.slice(0, 4))
  const counters = new Map<string, number>()
  const batchSize = 20_000
  let events = 0
  let recipientRows = 0
  let messageRows = 0
  for (let start = 0; start < options.requests; start += batchSize) {
    const requests: Row[] = []
    const timeline: Row[] = []
    const recipients: Row[] = []
    const messages: Row[] = []
    const documents: Row[] = []
    for (let i = start; i < Math.min(options.requests, start + batchSize); i++) {
      const id = randomUUID()
      const type = pick(usable)
      const status = pick(REQUEST_STATUSES) as RequestStatus
      const originator = pick(ORIGINATORS)
      const addressee = rnd() < HOST_STATE_SHARE ? HOST_STATE : pick(states)
      const r = rnd()
      const classification = r < 0.1 ? 'public' : r < 0.75 ? 'confidential' : 'under_seal'
      const urgency = rnd() < 0.15 ? 'urgent' : 'normal'
      const n = (counters.get(originator) ?? 0) + 1
      counters.set(originator, n)
      const created = addDays(nowIso, -Math.floor(rnd() * 1500) - 3)
      const steps = STEPS[status]
      const transmittedAt = steps >= 2 ? addDays(created, 2) : null
      const defaults = deadlineDefaults(type, urgency)
      let at = created
      let from: string | null = null
      for (let k = 0; k <= steps; k++) {
        const action = k === 0 ? 'drafted' : (PATH[k - 1] ?? `to_${status}`)
        const to = k === 0 ? 'draft' : (ORDER[k] ?? status)
        const target = k === steps ? status : to
        if (k > 0) at = addDays(at, 1 + Math.floor(rnd() * 10))
        if (at > nowIso) at = nowIso
        timeline.push({
          id: randomUUID(),
          request_id: id,
          seq: k + 1,
          occurred_at: at,
          actor: k >= 3 ? `user:focal-point.${addressee.toLowerCase()}@bench.invalid` : 'user:officer@bench.invalid',
          actor_org: k >= 3 ? addressee : originator,
          action,
          from_status: from,
          to_status: target,
          note: k === steps && k > 0 ? `Step ${k}: ${pick(WORDS)} (generated)` : null,
          payload: null,
        })
        from = target
      }
      events += steps + 1
      requests.push({
        id,
        reference: `${originator}-${year}-B${String(n).padStart(7, '0')}`,
        originator,
        routed_through: null,
        addressee,
        request_type: type,
        legal_basis: 'Part 9 of the Rome Statute (generated)',
        situation_id: null,
        case_id: null,
        classification,
        compartment_code: pick(BENCH_COMPARTMENTS),
        ex_parte_party: null,
        urgency,
        language: 'en',
        channel: 'diplomatic',
        response_deadline: transmittedAt
          ? addDays(transmittedAt, defaults.responseDays + Math.floor(rnd() * 60))
          : null,
        acknowledgement_deadline: transmittedAt ? addDays(transmittedAt, defaults.acknowledgementDays) : null,
        summary: `Request ${i + 1}: ${type.toLowerCase().replaceAll('_', ' ')} concerning ${pick(WORDS)} and ${pick(WORDS)}`,
        facts: `Generated facts about ${pick(WORDS)}, ${pick(WORDS)} and ${pick(WORDS)}. No real events or people.`,
        assistance_sought: `Assistance with ${pick(WORDS)}.`,
        checklist: '{"answers":{}}',
        status,
        status_detail: null,
        group_id: null,
        drafted_by: 'bench',
        approved_by: steps >= 1 ? 'bench' : null,
        transmitted_at: transmittedAt,
        acknowledged_at: steps >= 3 ? transmittedAt && addDays(transmittedAt, 3) : null,
        closed_at: FINAL_STATUSES.includes(status) ? at : null,
        is_demo: 0,
        created_at: created,
        updated_at: at,
      })
      const request = requests.at(-1) as Record<string, string | null>
      if (hasSearch)
        documents.push(
          documentOf(addressee, {
            request_id: id,
            source: 'request',
            reference: request.reference ?? '',
            summary: request.summary ?? '',
            body: `${request.facts}\n${request.assistance_sought}`,
          }),
        )
      if (hasMessages && transmittedAt && rnd() < 0.5) {
        const message = {
          id: randomUUID(),
          request_id: id,
          author_user_id: author.id,
          author: 'user:author@bench.invalid',
          author_org: 'ICC-OTP',
          body: `Please confirm receipt of the ${pick(WORDS)} (generated).`,
          created_at: addDays(transmittedAt, 1),
        }
        messages.push(message)
        if (hasSearch)
          documents.push(
            documentOf(addressee, {
              request_id: id,
              source: `message:${message.id}`,
              reference: '',
              summary: '',
              body: message.body,
            }),
          )
      }
      // The addressee learns of a request when it is transmitted (docs/requests.md, need-to-know):
      // transmitted_at says so. Under seal it is also named.
      if (transmittedAt && classification === 'under_seal')
        recipients.push({ record_type: 'request', record_id: id, kind: 'named', org_code: addressee, user_id: null })
    }
    recipientRows += recipients.length
    await writer.insert('requests', requests)
    await writer.insert('request_events', timeline)
    if (recipients.length > 0) await writer.insert('record_recipients', recipients)
    if (messages.length > 0) await writer.insert('request_messages', messages)
    if (documents.length > 0) await writer.insert('request_search', documents)
    if (wordRows.length > 0) await writer.insert('request_search_by_addressee', wordRows)
    wordRows = []
    messageRows += messages.length
    await writer.commit()
    const done = Math.min(options.requests, start + batchSize)
    const rate = Math.round(done / ((Date.now() - started) / 1000))
    process.stderr.write(
      `\r  ${done.toLocaleString('en')}/${options.requests.toLocaleString('en')} requests, ${events.toLocaleString('en')} events (${rate.toLocaleString('en')} requests/s)   `,
    )
  }
  await writer.insert(
    'reference_counters',
    [...counters].map(([organ_code, last_value]) => ({ organ_code, year, last_value })),
  )
  await writer.close()
  if (!options.file) await handle.close()
  const seconds = (Date.now() - started) / 1000
  process.stderr.write(
    `\n  done in ${seconds.toFixed(1)} s: ${options.requests} requests, ${events} events, ${recipientRows} recipients, ${messageRows} messages\n`,
  )
  return { seconds, events, recipients: recipientRows }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'database-url': { type: 'string' },
      requests: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '1' },
    },
  })
  if (!values.file && !values['database-url']) {
    process.stderr.write(
      'usage: node bench/generate-requests.ts (--file F.db | --database-url URL) [--requests N] [--seed S]\n',
    )
    process.exit(2)
  }
  await generateRequests({
    file: values.file,
    databaseUrl: values['database-url'],
    requests: Number(values.requests),
    seed: Number(values.seed),
  })
}
