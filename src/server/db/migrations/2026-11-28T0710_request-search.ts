import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// Full-text search over requests (issue 4, "Finding things"). One document table,
// `request_search`, keyed by (request id, source): the request itself is source 'request'; any
// feature may add its own texts under another source (e.g. 'message:<id>'), and a request matches
// when any of its documents does. Three weighted fields: the reference number (highest), the
// summary, and the body (facts, assistance sought, message text).
//
// SQLite: an external-content FTS5 table over request_search, kept in step by triggers; the
// unicode61 tokenizer folds case and accents (remove_diacritics 2), prefix indexes speed up
// "term*". PostgreSQL: a stored generated tsvector (the 'simple' configuration for exact words
// and references, 'english' and 'french' for stemming) with a GIN index. PostgreSQL's
// configurations do not fold accents and the unaccent extension is not always installed, so the
// text is folded first with lower/translate (both immutable, so allowed in a generated column).

const ACCENTED = 'àáâãäåāăąçćčďđèéêëēėęěìíîïīįłñńňòóôõöøōőùúûüūůűųýÿžźżśšşťțţŕřľĺ'
const UNDECOMPOSED: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o' }
const PLAIN = [...ACCENTED].map((c) => UNDECOMPOSED[c] ?? c.normalize('NFD')[0]).join('')

function folded(column: string) {
  const upper = ACCENTED.toUpperCase()
  // Hyphens and slashes become spaces: PostgreSQL's parser would read "ICC-OTP-2026-000123" as
  // a word and two negative numbers ("-2026"), which the query's plain words would never match.
  return `replace(replace(replace(translate(lower(coalesce(${column}, '')), '${ACCENTED}${upper}-/', '${PLAIN}${PLAIN}  '), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')`
}

function vector(config: string, column: string, weight: string) {
  return `setweight(to_tsvector('${config}', ${folded(column)}), '${weight}')`
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    // An integer primary key: FTS5 external content refers to rows by a stable rowid.
    await sql`create table request_search (
      id integer primary key,
      request_id text not null references requests(id) on delete cascade,
      source text not null,
      reference text not null default '',
      summary text not null default '',
      body text not null default '',
      unique (request_id, source)
    )`.execute(db)
    await sql`create virtual table request_search_fts using fts5(
      reference, summary, body,
      content='request_search', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`.execute(db)
    await sql`create trigger request_search_ai after insert on request_search begin
      insert into request_search_fts(rowid, reference, summary, body) values (new.id, new.reference, new.summary, new.body);
    end`.execute(db)
    await sql`create trigger request_search_ad after delete on request_search begin
      insert into request_search_fts(request_search_fts, rowid, reference, summary, body) values ('delete', old.id, old.reference, old.summary, old.body);
    end`.execute(db)
    await sql`create trigger request_search_au after update on request_search begin
      insert into request_search_fts(request_search_fts, rowid, reference, summary, body) values ('delete', old.id, old.reference, old.summary, old.body);
      insert into request_search_fts(rowid, reference, summary, body) values (new.id, new.reference, new.summary, new.body);
    end`.execute(db)
  } else {
    const document = [
      vector('simple', 'reference', 'A'),
      vector('simple', 'summary', 'B'),
      vector('english', 'summary', 'B'),
      vector('french', 'summary', 'B'),
      vector('simple', 'body', 'C'),
      vector('english', 'body', 'C'),
      vector('french', 'body', 'C'),
    ].join(' || ')
    await sql`create table request_search (
      request_id text not null references requests(id) on delete cascade,
      source text not null,
      reference text not null default '',
      summary text not null default '',
      body text not null default '',
      document tsvector generated always as (${sql.raw(document)}) stored,
      primary key (request_id, source)
    )`.execute(db)
    await sql`create index request_search_document on request_search using gin (document)`.execute(db)
  }
  // Existing requests get their document now (the same fields requests.search.ts indexes).
  await sql`insert into request_search (request_id, source, reference, summary, body)
    select id, 'request', reference, summary,
      coalesce(facts, '') || ' ' || coalesce(assistance_sought, '')
    from requests`.execute(db)

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull()) // the list's query string as JSON text
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_user_name', ['user_id', 'name'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // Drops the saved views (user data) and the search index (rebuilt from the requests by `up`).
  await db.schema.dropTable('saved_views').execute()
  if (isSqlite(db)) await sql`drop table request_search_fts`.execute(db)
  await db.schema.dropTable('request_search').execute()
}
