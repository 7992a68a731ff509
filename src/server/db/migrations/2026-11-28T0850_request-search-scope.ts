import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// SQLite: each search document also carries its request's addressee as one token, in a fourth
// FTS5 column, `scope` ('p9a' and the hex of the code: always a single token, never a word a user
// could type). Searching one State's requests then intersects the words' postings with that
// State's inside FTS5, which skips through them, instead of scoring every matching document
// of every State and keeping the State's ("vessel" in NLD at 1,000,000 requests: 388,238 matching
// documents for 7,407 of NLD). The query's own words are restricted to the three text columns,
// so the token never matches a search. The addressee of a request never changes, so the token
// written with a document stays right. PostgreSQL plans the same search well without it.

const TOKENIZE = `tokenize='unicode61 remove_diacritics 2', prefix='2 3'`

async function dropIndex(db: Kysely<any>) {
  await sql`drop trigger if exists request_search_ai`.execute(db)
  await sql`drop trigger if exists request_search_ad`.execute(db)
  await sql`drop trigger if exists request_search_au`.execute(db)
  await sql`drop table if exists request_search_fts`.execute(db)
}

/** The FTS5 table over `columns` of request_search, its triggers, and its content indexed anew. */
async function createIndex(db: Kysely<any>, columns: readonly string[]) {
  const list = columns.join(', ')
  const values = (from: 'new' | 'old') => columns.map((c) => `${from}.${c}`).join(', ')
  await sql
    .raw(`create virtual table request_search_fts using fts5(${list},
      content='request_search', content_rowid='id', ${TOKENIZE})`)
    .execute(db)
  await sql
    .raw(`create trigger request_search_ai after insert on request_search begin
      insert into request_search_fts(rowid, ${list}) values (new.id, ${values('new')});
    end`)
    .execute(db)
  await sql
    .raw(`create trigger request_search_ad after delete on request_search begin
      insert into request_search_fts(request_search_fts, rowid, ${list}) values ('delete', old.id, ${values('old')});
    end`)
    .execute(db)
  await sql
    .raw(`create trigger request_search_au after update on request_search begin
      insert into request_search_fts(request_search_fts, rowid, ${list}) values ('delete', old.id, ${values('old')});
      insert into request_search_fts(rowid, ${list}) values (new.id, ${values('new')});
    end`)
    .execute(db)
  await sql`insert into request_search_fts(request_search_fts) values ('rebuild')`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  // The old index goes first: its triggers would otherwise re-index every document on the update.
  await dropIndex(db)
  await sql`alter table request_search add column scope text not null default ''`.execute(db)
  await sql`update request_search set scope = 'p9a' || lower(hex(
    (select r.addressee from requests r where r.id = request_search.request_id)))`.execute(db)
  await createIndex(db, ['reference', 'summary', 'body', 'scope'])
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await dropIndex(db)
  await sql`alter table request_search drop column scope`.execute(db)
  await createIndex(db, ['reference', 'summary', 'body'])
}
