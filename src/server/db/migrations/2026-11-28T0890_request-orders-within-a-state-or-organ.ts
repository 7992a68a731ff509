import type { Kysely } from 'kysely'

// One State's requests (the Court's view of a State, `addressee=…`) in any order but by deadline
// had no index in that order: the database fetched every request of the State and sorted them
// for one page. At 1,000,000 requests, with some 5,200 requests a State, a first page by update
// (the default order), by creation or by reference took 50–90 ms on SQLite, a cost that grows
// with the State's history. By deadline, requests_addressee_deadline (migration 0840) serves.
//
// References begin with the originating organ's code, so one organ's requests by reference sit
// together in reference order: walking that order under an organ filter passed over every other
// organ's requests first (700–780 ms at 1,000,000). requests_originator_reference walks the
// organ's own.

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES)
    await db.schema
      .createIndex(name)
      .on('requests')
      .columns([...columns])
      .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute()
}

const INDEXES = [
  ['requests_addressee_updated', ['addressee', 'updated_at', 'id']],
  ['requests_addressee_created', ['addressee', 'created_at', 'id']],
  ['requests_addressee_reference', ['addressee', 'reference']],
  ['requests_originator_reference', ['originator', 'reference']],
] as const
