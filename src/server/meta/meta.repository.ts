import type { Db } from '../db/database.ts'

export async function findMetaValue(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

export async function upsertMetaValue(db: Db, key: string, value: string, nowIso: string): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value, updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso }))
    .execute()
}

export async function removeMetaValue(db: Db, key: string): Promise<void> {
  await db.deleteFrom('app_meta').where('key', '=', key).execute()
}
