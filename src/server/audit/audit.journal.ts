import { constants } from 'node:fs'
import { type FileHandle, open, readFile, stat } from 'node:fs/promises'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import type { AuditEntry } from './audit.chain.ts'

// The read journal of the embedded server (audit.writer.ts): audited reads' entries, one JSON
// line each, written a group at a time after the last by one write that returns once on disk
// (O_DSYNC: the write and its fdatasync in one call on libuv's thread pool). A line carries the
// entry's sequence number, which the chain head records once the entry is chained, so a journal
// read again after a crash chains each entry exactly once.

/** An entry as journaled: its place in the journal, and the entry. */
export type JournaledEntry = { seq: number; entry: AuditEntry }

const lineSchema = z.object({
  seq: z.number().int().positive(),
  occurredAt: z.string(),
  actor: z.string(),
  actorOrg: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  classification: z.string().nullable(),
  requestId: z.string().nullable(),
  detailsText: z.string().optional(),
})

/** The lines of a group, in order: what one append writes. */
export function encodeJournalLines(entries: readonly JournaledEntry[]): Buffer {
  let text = ''
  for (const { seq, entry } of entries) text += `${JSON.stringify({ seq, ...entry })}\n`
  return Buffer.from(text, 'utf8')
}

/**
 * The first line of a journal: the database it belongs to (`journal_database_id` of the chain
 * head, migration 1000). A journal left beside another database — one deleted and created anew, a
 * copy — is never chained into it.
 */
export function encodeJournalHeader(database: string): Buffer {
  return Buffer.from(`${JSON.stringify({ database })}\n`, 'utf8')
}

const headerSchema = z.object({ database: z.string() }).strict()

export type JournalContent = { database: string | null; entries: JournaledEntry[] }

/**
 * A journal's text: its database and its entries. A last line without its newline is a group
 * whose write did not finish (a crash in the middle): none of its reads was answered, so it is
 * left out. Any other line that is not what it should be means the file was damaged, and nothing
 * is guessed.
 */
export function decodeJournal(text: string, file: string): JournalContent {
  // A journal is written with zeros before use (audit.writer.ts): what it holds ends at the first.
  const end = text.indexOf('\0')
  const lines = (end === -1 ? text : text.slice(0, end)).split('\n')
  lines.pop() // what follows the last newline: nothing, or an unfinished group
  const damaged = (line: number) =>
    new AppError('DATABASE_UNAVAILABLE', `The audit read journal ${file} is damaged at line ${line}`)
  const [first, ...rest] = lines
  if (first === undefined) return { database: null, entries: [] }
  let database: string
  try {
    database = headerSchema.parse(JSON.parse(first)).database
  } catch {
    throw damaged(1)
  }
  const entries = rest.map((line, index) => {
    let parsed: z.infer<typeof lineSchema>
    try {
      parsed = lineSchema.parse(JSON.parse(line))
    } catch {
      throw damaged(index + 2)
    }
    const { seq, detailsText, ...fields } = parsed
    return { seq, entry: { ...fields, detailsText } }
  })
  return { database, entries }
}

/** What a journal file holds now; nothing when there is no such file, or it is not a regular file. */
export async function readJournal(file: string): Promise<JournalContent> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (!info?.isFile() || info.size === 0) return { database: null, entries: [] }
  return decodeJournal(await readFile(file, 'utf8'), file)
}

/** Opens a journal to write to, durably (every write reaches the disk before it returns). */
export function openJournal(file: string): Promise<FileHandle> {
  return open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_DSYNC, 0o600)
}
