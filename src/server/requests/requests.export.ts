import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { countVisibleRequests } from './requests.counts.ts'
import { effectiveSort, type ListKeyset, listRequestRows, toFilters, toRequestSummary } from './requests.read.ts'
import { REQUEST_RECORD } from './requests.repository.ts'
import type { ExportRequestsQuery, RequestSummary } from './requests.schemas.ts'
import { withSearch, withSearchInOrder } from './requests.search.ts'

// Exports of exactly what the list shows: the same filters, q, order and visibility (the rows
// are read through listRequestRows, the list's own function), the same columns. The file is
// built from batched reads inside one transaction that also writes the audit entry, and is sent
// only after that commit: an export leaves the server only once it is on the audit trail.

/** One file holds at most this many rows; beyond it the caller narrows the filters (422). */
export const MAX_EXPORT_ROWS = 50_000
const BATCH = 1_000

type Column = { header: string; width: number; value: (r: RequestSummary) => string }
const yesNo = (b: boolean) => (b ? 'yes' : 'no')

/** The list's columns, in its order. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'Reference', width: 26, value: (r) => r.reference },
  { header: 'Type', width: 28, value: (r) => r.requestType },
  { header: 'Addressee', width: 12, value: (r) => r.addressee },
  { header: 'Originator', width: 16, value: (r) => r.originator },
  { header: 'Status', width: 18, value: (r) => r.status },
  { header: 'Classification', width: 14, value: (r) => r.classification },
  { header: 'Urgency', width: 9, value: (r) => r.urgency },
  { header: 'Summary', width: 60, value: (r) => r.summary },
  { header: 'Acknowledgement deadline', width: 25, value: (r) => r.acknowledgementDeadline ?? '' },
  { header: 'Response deadline', width: 25, value: (r) => r.responseDeadline ?? '' },
  { header: 'Overdue', width: 9, value: (r) => yesNo(r.isOverdue) },
  { header: 'Transmitted', width: 25, value: (r) => r.transmittedAt ?? '' },
  { header: 'Updated', width: 25, value: (r) => r.updatedAt },
]

/**
 * A text cell that a spreadsheet will not run as a formula (OWASP "CSV injection"): a value
 * starting with = + - @ tab or carriage return gets a leading single quote.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function csvField(value: string): string {
  return `"${neutraliseFormula(value).replaceAll('"', '""')}"`
}

export type ExportFormat = 'csv' | 'xlsx'
export type ExportFile = { content: Buffer; mediaType: string; filename: string; rows: number }

/** Reads every matching visible row in batches, handing each batch to `write`. */
async function readAll(
  ctx: Ctx,
  trx: Db,
  query: ExportRequestsQuery,
  write: (rows: RequestSummary[]) => void,
  maxRows: number,
) {
  const nowIso = ctx.now().toISOString()
  const sort = effectiveSort(query)
  const { filters, terms } =
    sort === 'relevance'
      ? withSearch(trx, toFilters(query), query.q)
      : await withSearchInOrder(trx, toFilters(query), query.q)
  const { total } = await countVisibleRequests(trx, ctx.actor, filters, nowIso)
  if (total > maxRows)
    throw new AppError('EXPORT_TOO_LARGE', `${total} requests match; an export holds at most ${maxRows}`, {
      total,
      limit: maxRows,
    })
  const nonPublic: string[] = []
  let after: ListKeyset | null = null
  let count = 0
  for (;;) {
    const batch = await listRequestRows(trx, ctx.actor, {
      sort,
      terms,
      filters,
      after,
      limit: BATCH,
      nowIso,
    })
    // The count guards the file's size; a row committed meanwhile must not push it past the cap.
    const rows = batch.slice(0, maxRows - count)
    for (const { row } of rows) if (row.classification !== 'public') nonPublic.push(row.id)
    write(rows.map((r) => toRequestSummary(r.row, nowIso)))
    count += rows.length
    const last = batch.at(-1)
    if (batch.length < BATCH || !last || count >= maxRows) break
    after = last.key
  }
  return { count, nonPublic }
}

/** Builds the export file of the list's query and audits it, in one transaction. */
export async function exportRequests(
  ctx: Ctx,
  query: ExportRequestsQuery,
  format: ExportFormat,
  maxRows = MAX_EXPORT_ROWS,
): Promise<ExportFile> {
  const day = ctx.now().toISOString().slice(0, 10)
  return ctx.db.transaction().execute(async (trx) => {
    const file = format === 'csv' ? csvBuilder() : xlsxBuilder()
    const { count, nonPublic } = await readAll(ctx, trx, query, file.write, maxRows)
    const content = await file.finish()
    await recordAuditEvent(ctx, trx, {
      action: 'request.exported',
      recordType: REQUEST_RECORD,
      details: { format, filters: query, rows: count, ids: nonPublic },
    })
    return {
      content,
      mediaType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE,
      filename: `requests-${day}.${format}`,
      rows: count,
    }
  })
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function csvBuilder() {
  // The byte order mark makes Excel read UTF-8 (French accents) rather than the local code page.
  const lines: string[] = [`\uFEFF${EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')}`]
  return {
    write: (rows: RequestSummary[]) => {
      for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(r))).join(','))
    },
    finish: async () => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
  }
}

function xlsxBuilder() {
  // exceljs's streaming writer: each row is committed (serialised) as it is written, so memory
  // holds the compressed output, not a workbook model of 50,000 rows.
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true })
  const sheet = workbook.addWorksheet('Requests')
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  return {
    write: (rows: RequestSummary[]) => {
      for (const r of rows) sheet.addRow(EXPORT_COLUMNS.map((c) => neutraliseFormula(c.value(r)))).commit()
    },
    finish: async () => {
      sheet.commit()
      await workbook.commit()
      await done
      return Buffer.concat(chunks)
    },
  }
}
