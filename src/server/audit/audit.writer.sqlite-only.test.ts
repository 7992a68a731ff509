import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import type { Actor } from '../context.ts'
import { createDb } from '../db/database.ts'
import type { AuditEntry } from './audit.chain.ts'
import { decodeJournal, encodeJournalHeader, encodeJournalLines } from './audit.journal.ts'
import { listAuditEvents, recordAuditEvent, recordAuditedRead } from './audit.service.ts'
import { verifyAuditTrail } from './audit.verify.ts'
import { FOLD_AT, JOURNAL_BYTES, journalOf, startAuditWriter } from './audit.writer.ts'

// Audited reads on the embedded database (audit.writer.ts): each group made durable by one append
// to the read journal, the entries chained into the trail in batches; the audit entries of changes
// keep their own transactions, with synchronous=FULL. SQLite only: on PostgreSQL each group of
// reads is one transaction on the chain.

const actor: Actor = {
  kind: 'user',
  userId: 'u-writer',
  email: 'writer@test.invalid',
  name: 'Writer test',
  orgCode: 'ICC-REGISTRY',
  orgKind: 'court_organ',
  role: 'officer',
  compartments: [],
  via: 'session',
  sessionId: null,
  scopes: ['read', 'write'],
}

let db: TestDb
let writer: Awaited<ReturnType<typeof startAuditWriter>>
const errors: unknown[] = []
beforeAll(async () => {
  db = await createTestDb()
  writer = await startAuditWriter(db.db, db.sqlitePath as string, { onError: (error) => errors.push(error) })
})
afterAll(async () => {
  await writer.close()
  await db.destroy()
})
/** Runs `test` on a database of its own, with no writer started. */
async function withOwnDb(test: (own: TestDb) => Promise<void>) {
  const own = await createTestDb()
  try {
    await test(own)
  } finally {
    await own.destroy()
  }
}
/** A writer started on `own`, its journal, and a context whose reads go through it. */
async function startJournaled(own: TestDb) {
  const started = await startAuditWriter(own.db, own.sqlitePath as string)
  const journal = journalOf(own.db)
  if (!journal) throw new Error('no journal')
  return { started, journal, ctx: systemCtx(own.db, actor) }
}
const trailOf = (t: TestDb) => t.db.selectFrom('audit_events').selectAll().orderBy('id').execute()
const trail = () => trailOf(db)
const journalPath = () => `${db.sqlitePath}-audit-journal`
const synchronous = async () =>
  Number((await sql<{ synchronous: number }>`pragma synchronous`.execute(db.db)).rows[0]?.synchronous)
const headerOf = async (t: TestDb) =>
  encodeJournalHeader(
    (await t.db.selectFrom('audit_chain_head').select('journal_database_id').executeTakeFirstOrThrow())
      .journal_database_id,
  )
const entry = (recordId: string): AuditEntry => ({
  occurredAt: new Date().toISOString(),
  actor: 'user:u-writer',
  actorOrg: 'ICC-REGISTRY',
  action: 'test.read',
  recordType: 'test',
  recordId,
  classification: null,
  requestId: null,
  detailsText: recordId.startsWith('d') ? JSON.stringify({ note: recordId }) : undefined,
})

describe('the audited reads of the embedded server', () => {
  it('chains reads and changes interleaved in one line, and leaves changes with synchronous=FULL', async () => {
    const ctx = systemCtx(db.db, actor)
    const before = (await trail()).length
    // Reads and changes interleaved: 60 reads in three bursts, 20 changes in their own transactions.
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) =>
        new Promise((r) => setTimeout(r, (i % 3) * 3)).then(() =>
          recordAuditedRead(ctx, { action: 'test.read', recordType: 'test', recordId: `r${i}` }),
        ),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        db.db.transaction().execute(async (trx) => {
          // Whatever batch of reads was chained before, this change commits with FULL.
          const [mode] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows
          expect(Number(mode?.synchronous)).toBe(2)
          await recordAuditEvent(ctx, trx, { action: 'test.change', recordId: `c${i}` })
        }),
      ),
    ])
    const added = (await trail()).slice(before)
    expect(added).toHaveLength(80)
    expect(new Set(added.map((e) => e.record_id)).size).toBe(80)
    expect(new Set(added.map((e) => e.prev_hash)).size).toBe(80)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    expect(Number(head.event_count)).toBe((await trail()).length)
    expect(await synchronous()).toBe(2)
  })

  it('answers a read once its entry is in the journal on disk, and an idle server has chained it', async () => {
    const ctx = systemCtx(db.db, actor)
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'visible-after' })
    expect(readFileSync(journalPath(), 'utf8')).toContain('"recordId":"visible-after"')
    const other = createDb({ dialect: 'sqlite', sqlitePath: db.sqlitePath, databaseUrl: `sqlite:${db.sqlitePath}` })
    try {
      const last = await other.db
        .selectFrom('audit_events')
        .select('record_id')
        .orderBy('id', 'desc')
        .executeTakeFirst()
      expect(last?.record_id).toBe('visible-after')
    } finally {
      await other.close()
    }
  })

  it('chains in batches while reads keep coming, and has chained every one once they stop', async () => {
    const ctx = systemCtx(db.db, actor)
    const before = (await trail()).length
    let answered = 0
    let answeredBeforeChained = 0
    let mostWaiting = 0
    // Ten callers, each reading again as soon as its read answers; half of them start a turn later,
    // so their reads wait while the others' group is on its way to the disk, and so on: there is
    // always a read waiting when a group has been appended.
    await Promise.all(
      Array.from({ length: 10 }, async (_, caller) => {
        if (caller % 2 === 1) await new Promise((r) => setImmediate(r))
        for (let i = 0; i < 60; i++) {
          await recordAuditedRead(ctx, { action: 'test.read', recordId: `load-${caller}-${i}` })
          answered += 1
          const chained = Number(
            (
              await db.db
                .selectFrom('audit_events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
          if (chained - before < answered) answeredBeforeChained += 1
          mostWaiting = Math.max(mostWaiting, answered - (chained - before))
          // Read again a turn later: after the next group has left, so this read waits for the one after.
          await new Promise((r) => setImmediate(r))
        }
      }),
    )
    expect(answeredBeforeChained).toBeGreaterThan(0)
    // Never more than a batch and two groups of ten (the one appended while it is chained) waiting.
    expect(mostWaiting).toBeLessThanOrEqual(FOLD_AT + 20)
    const added = (await trail()).slice(before)
    expect(added).toHaveLength(600)
    expect(new Set(added.map((e) => e.record_id)).size).toBe(600)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
    expect(FOLD_AT).toBeLessThan(600)
  })

  it('answers reads it cannot chain yet, keeps them journaled, and chains them once it can', async () => {
    const ctx = systemCtx(db.db, actor)
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    await db.db.deleteFrom('audit_chain_head').execute()
    errors.length = 0
    const lastBefore = (await trail()).at(-1)?.id
    const reads = await Promise.allSettled([
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'waiting-1' }),
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'waiting-2' }),
    ])
    expect(reads.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    expect(String(errors[0])).toContain('chain head is missing')
    expect(await synchronous()).toBe(2)
    expect((await trail()).some((e) => e.record_id?.startsWith('waiting-'))).toBe(false)
    expect(readFileSync(journalPath(), 'utf8')).toContain('"recordId":"waiting-2"')

    await db.db.insertInto('audit_chain_head').values(head).execute()
    // Listing the trail chains what waits first.
    const page = await listAuditEvents(systemCtx(db.db), { limit: 200, cursor: String(lastBefore) })
    expect(page.items.map((e) => e.recordId)).toEqual(['waiting-1', 'waiting-2'])
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'after-waiting' })
    const all = await trail()
    expect(all.at(-1)?.record_id).toBe('after-waiting')
    expect(all.filter((e) => e.record_id?.startsWith('waiting-'))).toHaveLength(2)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
  })

  it('lets the appends in flight finish when it stops, chains them, and empties its journal', () =>
    withOwnDb(async (own) => {
      const other = await startAuditWriter(own.db, own.sqlitePath as string)
      const ctx = systemCtx(own.db, actor)
      const reads = Array.from({ length: 5 }, (_, i) =>
        recordAuditedRead(ctx, { action: 'test.read', recordId: `q${i}` }),
      )
      await new Promise((r) => setImmediate(r))
      await other.close()
      await Promise.all(reads)
      expect((await trailOf(own)).slice(-5).map((e) => e.record_id)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
      // Everything it holds is chained: the next start finds nothing to chain.
      const path = `${own.sqlitePath}-audit-journal`
      const { journal_folded_seq: folded } = await own.db
        .selectFrom('audit_chain_head')
        .select('journal_folded_seq')
        .executeTakeFirstOrThrow()
      const held = decodeJournal(readFileSync(path, 'utf8'), path).entries
      expect(held.map((e) => e.entry.recordId)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
      expect(held.every((e) => e.seq <= Number(folded))).toBe(true)
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'in-process' })
      expect((await trailOf(own)).at(-1)?.record_id).toBe('in-process')
      expect(await verifyAuditTrail(own.db)).toMatchObject({ ok: true })
    }))
})

describe('the read journal left by a server that did not stop', () => {
  it('is chained when the next server starts: each entry once, an unfinished last group left out', () =>
    withOwnDb(async (own) => {
      const journal = `${own.sqlitePath}-audit-journal`
      // Entries 1–2 were chained before the crash (the head says so); 3–4 were not; the last
      // group's write was cut short.
      await own.db.updateTable('audit_chain_head').set({ journal_folded_seq: 2 }).execute()
      const lines = encodeJournalLines([
        { seq: 1, entry: entry('chained-1') },
        { seq: 2, entry: entry('chained-2') },
        { seq: 3, entry: entry('left-3') },
        { seq: 4, entry: entry('d-left-4') },
      ])
      const torn = encodeJournalLines([{ seq: 5, entry: entry('torn-5') }]).subarray(0, 40)
      writeFileSync(journal, Buffer.concat([await headerOf(own), lines, torn]))
      const before = (await trailOf(own)).length

      const started = await startAuditWriter(own.db, own.sqlitePath as string)
      const added = (await trailOf(own)).slice(before)
      expect(added.map((e) => e.record_id)).toEqual(['left-3', 'd-left-4'])
      expect(JSON.parse(String(added[1]?.details))).toEqual({ note: 'd-left-4' })
      // It starts anew: its header, then zeros to its length.
      expect(decodeJournal(readFileSync(journal, 'utf8'), journal).entries).toEqual([])
      expect(readFileSync(journal).subarray(0, (await headerOf(own)).length)).toEqual(await headerOf(own))
      expect(readFileSync(journal).length).toBe(JOURNAL_BYTES)
      const head = await own.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
      expect(Number(head.journal_folded_seq)).toBe(4)

      // The next entries continue the numbering: a later crash would not chain them again.
      await recordAuditedRead(systemCtx(own.db, actor), { action: 'test.read', recordId: 'next' })
      expect(readFileSync(journal, 'utf8')).toContain('"seq":5,')
      await started.close()
      expect(await verifyAuditTrail(own.db)).toMatchObject({ ok: true })
    }))

  it('stops the server from starting when a line in the middle is damaged, and chains nothing', () =>
    withOwnDb(async (own) => {
      const journal = `${own.sqlitePath}-audit-journal`
      const good = encodeJournalLines([{ seq: 1, entry: entry('one') }])
      writeFileSync(journal, Buffer.concat([await headerOf(own), good, Buffer.from('{"seq":2,"actor":\n'), good]))
      const before = (await trailOf(own)).length
      await expect(startAuditWriter(own.db, own.sqlitePath as string)).rejects.toThrow(/damaged at line 3/)
      expect(await trailOf(own)).toHaveLength(before)
      expect(readFileSync(journal).length).toBeGreaterThan(0)
    }))

  it('stops the server from starting beside the journal of another database, and chains nothing', () =>
    withOwnDb(async (own) => {
      const journal = `${own.sqlitePath}-audit-journal`
      const lines = encodeJournalLines([{ seq: 1, entry: entry('elsewhere') }])
      writeFileSync(journal, Buffer.concat([encodeJournalHeader('another-database'), lines]))
      const before = (await trailOf(own)).length
      await expect(startAuditWriter(own.db, own.sqlitePath as string)).rejects.toThrow(/belongs to another database/)
      expect(await trailOf(own)).toHaveLength(before)
    }))

  it('does not start when its journal cannot be written (a full disk)', () =>
    withOwnDb(async (own) => {
      // /dev/full refuses every write with ENOSPC: the journal's first line cannot be written.
      await expect(startAuditWriter(own.db, own.sqlitePath as string, { journalPath: '/dev/full' })).rejects.toThrow(
        /ENOSPC/,
      )
    }))

  it('does not start on a migrated database whose chain head cannot be read, rather than audit reads without it', () =>
    withOwnDb(async (own) => {
      // A migration edited after it had run once left a database so: its record says current, its
      // head lacks a column. Reads must not then go on without the journal, unnoticed.
      await sql`alter table audit_chain_head drop column journal_database_id`.execute(own.db)
      await expect(startAuditWriter(own.db, own.sqlitePath as string)).rejects.toThrow(/journal_database_id/)
      expect(existsSync(`${own.sqlitePath}-audit-journal`)).toBe(false)
    }))

  it('does not start on a migrated database without its chain head', () =>
    withOwnDb(async (own) => {
      await sql`delete from audit_chain_head`.execute(own.db)
      await expect(startAuditWriter(own.db, own.sqlitePath as string)).rejects.toThrow(/chain head is missing/)
    }))

  it('refuses every later read when a failed group cannot be zeroed either', () =>
    withOwnDb(async (own) => {
      const { started, journal, ctx } = await startJournaled(own)
      const write = journal.handle.write
      // Every write fails: the group's, and the zeros meant to cut it off.
      journal.handle.write = (async () => {
        throw new Error('EIO: write')
      }) as unknown as typeof write
      await expect(recordAuditedRead(ctx, { action: 'test.read', recordId: 'first' })).rejects.toThrow('EIO: write')
      journal.handle.write = write
      await expect(recordAuditedRead(ctx, { action: 'test.read', recordId: 'later' })).rejects.toThrow(
        /cannot be written/,
      )
      await started.close()
      const ids = (await trailOf(own)).map((e) => e.record_id)
      expect(ids).not.toContain('first')
      expect(ids).not.toContain('later')
    }))

  it('refuses every later read when a full journal, once chained, cannot start anew', () =>
    withOwnDb(async (own) => {
      const { started, journal, ctx } = await startJournaled(own)
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'before-full' })
      const write = journal.handle.write.bind(journal.handle)
      // The next group does not fit, and the disk refuses the zeros that start the journal anew.
      journal.bytes = JOURNAL_BYTES - 10
      journal.handle.write = (async (buffer: Buffer, offset: number, length: number, position: number) => {
        if (buffer.length === JOURNAL_BYTES) throw new Error('EIO: zeros')
        return write(buffer, offset, length, position)
      }) as unknown as typeof journal.handle.write
      await expect(recordAuditedRead(ctx, { action: 'test.read', recordId: 'not-written' })).rejects.toThrow(
        'EIO: zeros',
      )
      journal.handle.write = write
      await expect(recordAuditedRead(ctx, { action: 'test.read', recordId: 'later' })).rejects.toThrow(
        /cannot be written/,
      )
      await started.close()
      const ids = (await trailOf(own)).map((e) => e.record_id)
      expect(ids).toContain('before-full')
      expect(ids).not.toContain('not-written')
    }))

  it('syncs the WAL before a full journal starts anew, even with nothing left to chain', () =>
    withOwnDb(async (own) => {
      const { started, journal, ctx } = await startJournaled(own)
      // An idle server chains a read at once, with synchronous=NORMAL: in the WAL, not yet synced.
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'chained-unsynced' })
      expect(journal.unfolded).toHaveLength(0)
      const steps: string[] = []
      const syncWal = journal.syncWal
      journal.syncWal = async () => {
        steps.push('sync the WAL')
        await syncWal()
      }
      const write = journal.handle.write.bind(journal.handle)
      journal.handle.write = (async (buffer: Buffer, offset: number, length: number, position: number) => {
        steps.push(buffer.length === JOURNAL_BYTES ? 'zero the journal' : 'write a group')
        return write(buffer, offset, length, position)
      }) as unknown as typeof journal.handle.write
      journal.bytes = JOURNAL_BYTES - 10
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'after-full' })
      journal.handle.write = write
      journal.syncWal = syncWal
      // The zeros erase the only durable copy of 'chained-unsynced' unless the WAL is synced first.
      expect(steps.slice(0, 3)).toEqual(['sync the WAL', 'zero the journal', 'write a group'])
      await started.close()
      const ids = (await trailOf(own)).map((e) => e.record_id)
      expect(ids).toEqual(expect.arrayContaining(['chained-unsynced', 'after-full']))
    }))

  it('zeros a group whose write failed halfway, so the journal still reads back line by line', () =>
    withOwnDb(async (own) => {
      const path = `${own.sqlitePath}-audit-journal`
      const { started, journal, ctx } = await startJournaled(own)
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'whole-1' })
      const write = journal.handle.write.bind(journal.handle)
      // The disk takes 30 bytes of the next group, then fails; it works again for what follows.
      let failures = 1
      journal.handle.write = (async (buffer: Buffer, offset: number, length: number, position: number) => {
        if (failures-- > 0) {
          await write(buffer, 0, 30, position)
          throw new Error('EIO: the disk failed halfway')
        }
        return write(buffer, offset, length, position)
      }) as unknown as typeof journal.handle.write
      await expect(recordAuditedRead(ctx, { action: 'test.read', recordId: 'cut' })).rejects.toThrow('halfway')
      journal.handle.write = write
      await recordAuditedRead(ctx, { action: 'test.read', recordId: 'whole-2' })
      expect(decodeJournal(readFileSync(path, 'utf8'), path).entries.map((e) => e.entry.recordId)).toEqual([
        'whole-1',
        'whole-2',
      ])
      await started.close()
      const ids = (await trailOf(own)).map((e) => e.record_id)
      expect(ids.slice(-2)).toEqual(['whole-1', 'whole-2'])
      expect(ids).not.toContain('cut')
    }))

  it(
    'starts anew once full, after chaining everything durably, and goes on with the reads after',
    () =>
      withOwnDb(async (own) => {
        const path = `${own.sqlitePath}-audit-journal`
        const started = await startAuditWriter(own.db, own.sqlitePath as string)
        const ctx = systemCtx(own.db, actor)
        const before = (await trailOf(own)).length
        // About 200 bytes an entry: 30,000 of them are more than the journal holds.
        for (let batch = 0; batch < 30; batch++)
          await Promise.all(
            Array.from({ length: 1000 }, (_, i) =>
              recordAuditedRead(ctx, { action: 'test.read', recordId: `full-${batch}-${i}` }),
            ),
          )
        expect(readFileSync(path).length).toBe(JOURNAL_BYTES)
        const held = decodeJournal(readFileSync(path, 'utf8'), path).entries
        expect(held.length).toBeGreaterThan(0)
        expect(held.length).toBeLessThan(30000)
        await started.close()
        const added = (await trailOf(own)).slice(before)
        expect(added).toHaveLength(30000)
        expect(new Set(added.map((e) => e.record_id)).size).toBe(30000)
        expect(await verifyAuditTrail(own.db)).toMatchObject({ ok: true })
      }),
    60_000,
  )
})
