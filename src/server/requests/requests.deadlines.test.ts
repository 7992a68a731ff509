import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type DeadlineState,
  isAcknowledgementOverdue,
  isResponseOverdue,
  overdueUnchangedUntil,
} from './requests.deadlines.ts'
import { REQUEST_STATUSES } from './requests.lifecycle.ts'

// overdueUnchangedUntil says how long a kept answer's overdue flags hold (requests.kept.ts).

const base = Date.parse('2030-01-01T00:00:00.000Z')
const instant = fc.integer({ min: -10_000, max: 10_000 }).map((ms) => new Date(base + ms).toISOString())
const flags = (r: DeadlineState, at: string) => [isAcknowledgementOverdue(r, at), isResponseOverdue(r, at)]

describe('overdueUnchangedUntil', () => {
  it('is the last instant at which the flags are as now: the next instant turns one', () => {
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom(...REQUEST_STATUSES),
          acknowledgementDeadline: fc.option(instant),
          responseDeadline: fc.option(instant),
        }),
        instant,
        instant,
        (r, now, later) => {
          const until = overdueUnchangedUntil(r, now)
          const hold = later >= now && (until === null || later <= until)
          if (hold) expect(flags(r, later)).toEqual(flags(r, now))
          if (until !== null) {
            expect(until >= now).toBe(true)
            expect(flags(r, until)).toEqual(flags(r, now))
            expect(flags(r, new Date(Date.parse(until) + 1).toISOString())).not.toEqual(flags(r, now))
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('is null when no deadline runs', () => {
    const r = { status: 'executed', acknowledgementDeadline: '2030-01-01T00:00:00.000Z', responseDeadline: null }
    expect(overdueUnchangedUntil(r, '2029-01-01T00:00:00.000Z')).toBeNull()
    const running = {
      status: 'transmitted',
      acknowledgementDeadline: '2030-01-01T00:00:00.000Z',
      responseDeadline: '2030-02-01T00:00:00.000Z',
    }
    expect(overdueUnchangedUntil(running, '2029-01-01T00:00:00.000Z')).toBe('2030-01-01T00:00:00.000Z')
    expect(overdueUnchangedUntil(running, '2030-01-15T00:00:00.000Z')).toBe('2030-02-01T00:00:00.000Z')
    expect(overdueUnchangedUntil(running, '2030-03-01T00:00:00.000Z')).toBeNull()
  })
})
