import type { Kysely } from 'kysely'

// How each person wants to be told by e-mail (notifications/): of each event as it happens (the
// default, and what a person without a row gets), in one summary a day, or not at all. Its own
// table rather than a column of users: a preference is not part of who a person is or what they
// may see, and changing it must not move the credential epochs that users' triggers keep.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    // each | daily | none
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute()
}
