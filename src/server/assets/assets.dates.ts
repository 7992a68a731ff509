import type { Ctx } from '../context.ts'

// Orders, valuations and claims carry calendar dates (YYYY-MM-DD). "Today" is the UTC date of
// the context's clock, so tests move it and the server, the CLI and the sweep agree on it.

export function todayOf(ctx: Pick<Ctx, 'now'>): string {
  return ctx.now().toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000)
}
