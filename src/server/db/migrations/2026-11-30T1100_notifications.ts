import type { Kysely } from 'kysely'

// Notifications by e-mail (notifications/): an outbox. A row is written in the transaction of the
// change it tells of, so a change rolled back tells nobody and a change committed is told even if
// the server stops before the mail leaves; the sender delivers due rows afterwards, at least once.
// The row holds no text of the request: the mail is composed when sent, and says nothing of it.
// A request removed (the demo's) takes its notifications with it: they would tell of nothing.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    // transmitted | delegated | step | message | deadline | due_soon | overdue: what happened, which the mail
    // names in general terms.
    .addColumn('event', 'text', (c) => c.notNull())
    // For a notice the clock gives (due_soon, overdue): the deadline it is about, e.g.
    // response:2026-12-01T00:00:00.000Z, so that each deadline is told once, however many
    // processes look (unique below; null, as for a change, is never equal to anything).
    .addColumn('about', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // pending → sent, or failed (the SMTP server refused it for good, or attempts ran out), or
    // dropped (the recipient may no longer see the request, or is no longer active).
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute()
  // The sender's question: which pending rows are due now.
  await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'next_attempt_at']).execute()
  await db.schema
    .createIndex('notifications_once')
    .on('notifications')
    .columns(['user_id', 'request_id', 'event', 'about'])
    .unique()
    .execute()
  await db.schema.createIndex('notifications_request').on('notifications').columns(['request_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute()
}
