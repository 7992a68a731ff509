import type { Kysely } from 'kysely'

// GET /requests?personId=… (requests concerning a person) looks request_persons up by person;
// its primary key starts with request_id, so the person needs its own index.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('request_persons_person')
    .on('request_persons')
    .columns(['person_id', 'request_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('request_persons_person').execute()
}
