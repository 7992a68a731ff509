import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { auditAssetReads } from './assets.audit.ts'
import { todayOf } from './assets.dates.ts'
import { type Currency, convertMinor, formatMinor, MoneyError, normaliseRate, parseRate } from './assets.money.ts'
import { toFilters } from './assets.read.ts'
import * as repo from './assets.repository.ts'
import type { ExchangeRateBody, Totals, TotalsQuery } from './assets.schemas.ts'
import type { ExchangeRateRow } from './assets.table.ts'

// Totals of the visible assets' latest valuations, by case and currency, summed exactly. A
// converted total uses only rates the Court recorded (from → to, the latest on or before the
// date asked): each line states its rate, date and source, and a currency without a recorded rate
// is listed as unconverted — never dropped, never guessed, never converted through an inverse.

type Converted = NonNullable<Totals['cases'][number]['converted']>

export async function getTotals(ctx: Ctx, query: TotalsQuery): Promise<Totals> {
  const today = todayOf(ctx)
  const asOf = query.asOf ?? today
  const target = query.currency ?? null
  const rows = await repo.listVisibleAssetValues(ctx.db, ctx.actor, toFilters(query, today))
  await auditAssetReads(ctx, rows, 'asset.totals')

  const byCase = new Map<string, { sums: Map<Currency, { minor: bigint; count: number }>; unvalued: number }>()
  for (const row of rows) {
    const entry = byCase.get(row.case_id) ?? { sums: new Map(), unvalued: 0 }
    byCase.set(row.case_id, entry)
    if (row.value_minor === null || row.value_currency === null) {
      entry.unvalued += 1
      continue
    }
    const currency = row.value_currency as Currency
    const sum = entry.sums.get(currency) ?? { minor: 0n, count: 0 }
    entry.sums.set(currency, { minor: sum.minor + BigInt(row.value_minor), count: sum.count + 1 })
  }

  const rates = new Map<Currency, ExchangeRateRow | undefined>()
  const rateFor = async (from: Currency, to: Currency) => {
    if (!rates.has(from)) rates.set(from, await repo.findLatestExchangeRate(ctx.db, from, to, asOf))
    return rates.get(from)
  }

  const cases: Totals['cases'] = []
  for (const [caseId, entry] of byCase) {
    const currencies = [...entry.sums.keys()].sort()
    const byCurrency = currencies.map((c) => {
      const sum = entry.sums.get(c) as { minor: bigint; count: number }
      return { amount: formatMinor(sum.minor, c), currency: c, assetCount: sum.count }
    })
    let converted: Totals['cases'][number]['converted'] = null
    if (target) {
      let total = 0n
      const lines: Converted['lines'] = []
      const unconverted: Converted['unconverted'] = []
      for (const c of currencies) {
        const minor = (entry.sums.get(c) as { minor: bigint }).minor
        const from = { amount: formatMinor(minor, c), currency: c }
        if (c === target) {
          total += minor
          lines.push({ from, to: from, rate: null })
          continue
        }
        const rate = await rateFor(c, target)
        if (!rate) {
          unconverted.push({ ...from, reason: `No ${c}→${target} rate recorded on or before ${asOf}` })
          continue
        }
        const value = convertMinor(minor, c, target, parseRate(rate.rate))
        total += value
        lines.push({
          from,
          to: { amount: formatMinor(value, target), currency: target },
          rate: { id: rate.id, rate: rate.rate, asOf: rate.as_of, source: rate.source },
        })
      }
      converted = { currency: target, total: formatMinor(total, target), lines, unconverted }
    }
    cases.push({ caseId, byCurrency, unvaluedCount: entry.unvalued, converted })
  }
  return { asOf, target, cases }
}

export async function recordExchangeRate(ctx: Ctx, input: ExchangeRateBody) {
  const actor = ctx.actor
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Rates are recorded by Court staff')
  if (input.from === input.to) throw new AppError('RECORD_INVALID', 'A rate converts between two different currencies')
  if (input.asOf > todayOf(ctx)) throw new AppError('RECORD_INVALID', 'A rate is recorded for today or an earlier date')
  let rate: string
  try {
    rate = normaliseRate(input.rate)
  } catch (error) {
    if (error instanceof MoneyError) throw new AppError('AMOUNT_INVALID', error.message)
    throw error
  }
  const nowIso = ctx.now().toISOString()
  const id = randomUUID()
  const row = await ctx.db.transaction().execute(async (trx) => {
    // One rate per pair and date: a correction is a decision to make explicitly, not an overwrite.
    const existing = await repo.findExchangeRate(trx, input.from, input.to, input.asOf)
    if (existing) {
      throw new AppError(
        'EXCHANGE_RATE_EXISTS',
        `A ${input.from}→${input.to} rate is already recorded for ${input.asOf} (${existing.rate})`,
      )
    }
    const values = {
      id,
      from_currency: input.from,
      to_currency: input.to,
      rate,
      as_of: input.asOf,
      source: input.source,
      is_demo: 0 as const,
      recorded_by: actor.email,
      recorded_at: nowIso,
    }
    await repo.insertExchangeRates(trx, [values])
    await recordAuditEvent(ctx, trx, {
      action: 'exchange_rate.recorded',
      recordType: 'exchange_rate',
      recordId: id,
      details: { from: input.from, to: input.to, rate, asOf: input.asOf, source: input.source },
    })
    return values
  })
  return toExchangeRate(row)
}

export async function listExchangeRates(ctx: Ctx, query: { from?: string | undefined; to?: string | undefined }) {
  return { items: (await repo.listExchangeRates(ctx.db, query)).map(toExchangeRate) }
}

function toExchangeRate(r: Omit<ExchangeRateRow, 'is_demo'> & { is_demo: unknown }) {
  return {
    id: r.id,
    from: r.from_currency as Currency,
    to: r.to_currency as Currency,
    rate: r.rate,
    asOf: r.as_of,
    source: r.source,
    isDemo: toBool(r.is_demo),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }
}
