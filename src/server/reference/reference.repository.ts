import type { Db } from '../db/database.ts'
import type {
  NewPublicWarrantRow,
  NewReferenceSourceRow,
  NewRequestTypeRow,
  NewStatuteArticleRow,
} from './reference.table.ts'

export function listSourcesByKeys(db: Db, keys: readonly string[]) {
  if (keys.length === 0) return Promise.resolve([])
  return db.selectFrom('reference_sources').selectAll().where('key', 'in', keys).orderBy('key').execute()
}

export async function upsertSources(db: Db, rows: NewReferenceSourceRow[]) {
  for (const row of rows) {
    await db
      .insertInto('reference_sources')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ title: row.title, url: row.url, date: row.date, reliability: row.reliability }),
      )
      .execute()
  }
}

export async function upsertStatuteArticles(db: Db, rows: NewStatuteArticleRow[]) {
  for (const row of rows) {
    const { article: _article, ...update } = row
    await db
      .insertInto('statute_articles')
      .values(row)
      .onConflict((oc) => oc.column('article').doUpdateSet(update))
      .execute()
  }
}

export async function upsertRequestTypes(db: Db, rows: NewRequestTypeRow[]) {
  for (const row of rows) {
    const { code: _code, ...update } = row
    await db
      .insertInto('request_types')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(update))
      .execute()
  }
}

export async function upsertPublicWarrants(db: Db, rows: NewPublicWarrantRow[]) {
  for (const row of rows) {
    const { id: _id, ...update } = row
    await db
      .insertInto('public_warrants')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute()
  }
}

export function listRequestTypes(db: Db) {
  return db.selectFrom('request_types').selectAll().orderBy('sort_order').execute()
}

export function listStatuteArticles(db: Db) {
  return db.selectFrom('statute_articles').selectAll().orderBy('sort_order').execute()
}

export function findStatuteArticle(db: Db, article: string) {
  return db.selectFrom('statute_articles').selectAll().where('article', '=', article).executeTakeFirst()
}

export function listPublicWarrants(db: Db) {
  return db.selectFrom('public_warrants').selectAll().orderBy('person_name').execute()
}
