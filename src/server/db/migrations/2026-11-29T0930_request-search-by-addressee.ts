import { type Kysely, sql } from 'kysely'
import { addresseeWords } from '../../requests/requests.search-index.ts'
import { isSqlite } from '../dialect.ts'

// SQLite: a second full-text index, request_search_by_addressee, in which every word of a
// document stands behind its request's addressee ('p9a4e4c44xvessel' for "vessel" in a request to
// NLD; addresseeWordPrefix). A search of one State's requests is then a prefix query over that
// State's words alone. The `scope` token of migration 0850 only let FTS5 intersect the postings:
// a prefix term ("vessel"*) was still merged over every State's documents first, and bm25 counted
// its documents over the whole index, ≈ 110 ms of the 167 ms such a search took at 1,000,000
// requests. The token is no longer needed and leaves the main index.
//
// The index is contentless (its words are made in JavaScript, requests.search-index.ts writes
// them with the document); a deleted document leaves it by trigger, cascades included. The words
// come from the code that writes them now: a change to how words are made needs a migration that
// rebuilds this index.

const TOKENIZE = `tokenize='unicode61 remove_diacritics 2'`

async function dropMainIndex(db: Kysely<any>) {
  for (const trigger of ['request_search_ai', 'request_search_ad', 'request_search_au'])
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db)
  await sql`drop table if exists request_search_fts`.execute(db)
}

/** The external-content FTS5 table over `columns` of request_search, its triggers, rebuilt. */
async function createMainIndex(db: Kysely<any>, columns: readonly string[]) {
  const list = columns.join(', ')
  const values = (from: 'new' | 'old') => columns.map((c) => `${from}.${c}`).join(', ')
  const remove = `insert into request_search_fts(request_search_fts, rowid, ${list}) values ('delete', old.id, ${values('old')});`
  const add = `insert into request_search_fts(rowid, ${list}) values (new.id, ${values('new')});`
  await sql
    .raw(`create virtual table request_search_fts using fts5(${list},
      content='request_search', content_rowid='id', ${TOKENIZE}, prefix='2 3')`)
    .execute(db)
  await sql.raw(`create trigger request_search_ai after insert on request_search begin ${add} end`).execute(db)
  await sql.raw(`create trigger request_search_ad after delete on request_search begin ${remove} end`).execute(db)
  await sql
    .raw(`create trigger request_search_au after update on request_search begin ${remove} ${add} end`)
    .execute(db)
  await sql`insert into request_search_fts(request_search_fts) values ('rebuild')`.execute(db)
}

type Document = { id: number; addressee: string; reference: string; summary: string; body: string }

/** Every document's words into request_search_by_addressee, in keyset batches. */
async function fillAddresseeIndex(db: Kysely<any>) {
  let after = 0
  for (;;) {
    const { rows } = await sql<Document>`select s.id, r.addressee, s.reference, s.summary, s.body
      from request_search s join requests r on r.id = s.request_id
      where s.id > ${after} order by s.id limit 2000`.execute(db)
    for (let k = 0; k < rows.length; k += 200) {
      const tuples = rows.slice(k, k + 200).map(
        (d) =>
          sql`(cast(${d.id} as integer), ${addresseeWords(d.addressee, d.reference)}, ${addresseeWords(d.addressee, d.summary)},
            ${addresseeWords(d.addressee, d.body)})`,
      )
      await sql`insert into request_search_by_addressee (rowid, reference, summary, body)
        values ${sql.join(tuples)}`.execute(db)
    }
    const last = rows.at(-1)
    if (!last) return
    after = last.id
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await sql
    .raw(`create virtual table request_search_by_addressee using fts5(reference, summary, body,
      content='', contentless_delete=1, ${TOKENIZE})`)
    .execute(db)
  await sql`create trigger request_search_by_addressee_ad after delete on request_search begin
      delete from request_search_by_addressee where rowid = old.id;
    end`.execute(db)
  await fillAddresseeIndex(db)
  await dropMainIndex(db)
  await sql`alter table request_search drop column scope`.execute(db)
  await createMainIndex(db, ['reference', 'summary', 'body'])
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await sql`drop trigger if exists request_search_by_addressee_ad`.execute(db)
  await sql`drop table if exists request_search_by_addressee`.execute(db)
  await dropMainIndex(db)
  await sql`alter table request_search add column scope text not null default ''`.execute(db)
  await sql`update request_search set scope = 'p9a' || lower(hex(
    (select r.addressee from requests r where r.id = request_search.request_id)))`.execute(db)
  await createMainIndex(db, ['reference', 'summary', 'body', 'scope'])
}
