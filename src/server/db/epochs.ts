import { type Db, readEmbeddedNow } from './database.ts'

/** The epochs an API call checks what the server keeps against, as committed when it was read. */
export type CommittedEpochs = {
  /** Moved by every change to a token, a user, an organisation or a membership (migration 0920). */
  credential: number
  /** The request counts epoch of all addressees ('*', migration 0940): moved by every change. */
  allRequests: string
}

/**
 * Both epochs as committed now, in one statement, on the embedded database; undefined on
 * PostgreSQL, while a transaction is open (readEmbeddedNow), or before migration 0920. Each SQLite
 * statement opens a read transaction of its own (its locks, the WAL index): 16–25 µs of the
 * server's CPU under load, about what the rest of a kept answer costs to find. Read once, with
 * the token (auth/auth.tokens.ts), they serve the whole call: the token's kept row, and the
 * answers kept since a moment when '*' was the same (requests/requests.kept.ts).
 */
export function committedEpochsNow(db: Db): CommittedEpochs | undefined {
  return readEmbeddedNow(db, (sqlite) => {
    const row = sqlite
      .prepare(
        `select value as credential, (select value from request_counts_epochs where scope = '*') as all_requests
         from credential_epoch where id = 1`,
      )
      .get() as { credential: number | bigint; all_requests: number | bigint | null } | undefined
    return row === undefined
      ? undefined
      : { credential: Number(row.credential), allRequests: String(row.all_requests ?? 0) }
  })
}
