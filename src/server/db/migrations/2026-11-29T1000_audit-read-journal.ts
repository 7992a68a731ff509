import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'

// The audited reads of the embedded server are made durable in a journal file beside the
// database, then chained into audit_events in batches (audit/audit.writer.ts). The chain head
// remembers the last journal entry chained, in the same transaction as the entries, so that a
// journal read again after a crash chains each entry exactly once; and it names the database, as
// a journal does in its first line, so that a journal left beside another database (one deleted
// and created anew, a copy) is never chained into it. PostgreSQL holds the same columns (one
// schema for both); a server there commits its reads straight into the chain.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_chain_head')
    .addColumn('journal_folded_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('audit_chain_head')
    .addColumn('journal_database_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.updateTable('audit_chain_head').set({ journal_database_id: randomUUID() }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_chain_head').dropColumn('journal_database_id').execute()
  await db.schema.alterTable('audit_chain_head').dropColumn('journal_folded_seq').execute()
}
