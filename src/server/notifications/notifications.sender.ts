import nodemailer from 'nodemailer'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Config, MailConfig } from '../config.ts'
import { isLoopbackUrl } from '../config.ts'
import type { Ctx, UserActor } from '../context.ts'
import type { RootDb } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { getRequestParticipation, queueDeadlineNotices } from '../requests/requests.participation.ts'
import { composeNotification, composeSummary, type NotificationMail } from './notifications.mail.ts'
import * as repo from './notifications.repository.ts'
import type { NotificationMode, NotificationRow } from './notifications.table.ts'

// Sends the queued notifications (notifications.service.ts) through the SMTP server of
// config.mail, at least once each: a row is claimed for one attempt (a lease, so a sender that
// stops mid-attempt leaves it due again), and settled after. Before each mail the recipient must
// still be active and still see the request through the visibility rule: rights withdrawn since
// the change drop the notification rather than tell someone who may no longer know.
// A refusal for good (an SMTP 5xx: no such mailbox…) fails the notification at once; anything
// else (server down, 4xx) is tried again later, up to MAX_ATTEMPTS, waiting longer each time.
// How each ends (sent, failed, dropped) is audited with the row's change, in one transaction.
// One who asked for a summary a day gets whatever is due to them in one mail (their rows are due
// at the summary's hour, notifications.service.ts); one who asked for no mail has what was queued
// before they said so dropped.
// Every SWEEP_MS the polling sender also queues the notices of deadlines near or just passed.

const BATCH = 50
/** The most notifications one summary a day holds; any more go in a mail of the next round, 2 s later. */
const SUMMARY_MAX = 200
const LEASE_MS = 5 * 60_000
/** How often the sender looks for deadlines near or just passed. */
const SWEEP_MS = 10 * 60_000
export const MAX_ATTEMPTS = 8
const AS_A_READER = { via: 'session', sessionId: null, scopes: ['read'] } as const

/** The wait before attempt `attempts + 1`: 1 min, 2, 4 … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1))
}

export type DeliveryTally = { sent: number; failed: number; dropped: number; retried: number }

export type NotificationSender = {
  /** Sends what is due now; resolves with what became of it. */
  deliverDue(): Promise<DeliveryTally>
  /** Queues the notices of deadlines near or just passed (requests.notify.ts); returns how many. */
  sweepDeadlines(): Promise<number>
  /** Stops the timer, waits for a round under way, closes the SMTP transport. */
  close(): Promise<void>
}

/** nodemailer's SMTP options for `mail.smtpUrl`: TLS required off loopback (STARTTLS or smtps). */
export function smtpOptions(mail: MailConfig) {
  const url = new URL(mail.smtpUrl)
  const secure = url.protocol === 'smtps:'
  const loopback = isLoopbackUrl(mail.smtpUrl)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // A relay on the machine itself is reached in the clear; anything else only encrypted.
    requireTLS: !secure && !loopback,
    ignoreTLS: !secure && loopback,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  }
}

export function createNotificationSender(input: {
  db: RootDb
  mail: MailConfig
  publicUrl: string
  secrets: Config['secrets']
  log: Ctx['log']
  now: () => Date
  /** How often due notifications are looked for; null: only when deliverDue() is called. */
  pollMs: number | null
}): NotificationSender {
  const { db, mail, log, now } = input
  const transport = nodemailer.createTransport(smtpOptions(mail))
  const system: Ctx = {
    db,
    actor: { kind: 'system', name: 'notifier' },
    log,
    now,
    requestId: null,
    secrets: input.secrets,
  }

  /** Ends `rows` as `outcome`, each with its audit entry, in one transaction. */
  async function settle(
    rows: readonly NotificationRow[],
    outcome: 'sent' | 'failed' | 'dropped',
    error: string | null,
    /** How many notifications the mail held, when it was a summary. */
    summaryOf?: number,
  ) {
    const nowIso = now().toISOString()
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await repo.settleNotification(
          trx,
          row.id,
          outcome === 'sent' ? { status: 'sent', nowIso } : { status: outcome, error: error ?? '' },
        )
        await recordAuditEvent(system, trx, {
          action: `notification.${outcome}`,
          recordType: 'notification',
          recordId: row.id,
          details: {
            requestId: row.request_id,
            userId: row.user_id,
            event: row.event,
            attempts: row.attempts + 1,
            ...(summaryOf ? { inSummaryOf: summaryOf } : {}),
            ...(error ? { error } : {}),
          },
        })
      }
    })
  }

  /** Why `row` may no longer go to `who` (null: inactive), or null when it may. */
  async function reasonToDrop(row: NotificationRow, who: UserActor | null, mode: NotificationMode) {
    if (!who) return 'the recipient is no longer active'
    if (mode === 'none') return 'the recipient asked for no mail'
    try {
      await getRequestParticipation({ ...system, actor: who }, db, row.request_id)
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'RECORD_NOT_FOUND')) throw error
      return 'the recipient may no longer see the request'
    }
    return null
  }

  /** Sends `message` to `who` for `rows`, and ends or reschedules each as the SMTP server answers. */
  async function send(
    rows: readonly NotificationRow[],
    who: UserActor,
    message: NotificationMail,
    summaryOf: number | undefined,
    tally: DeliveryTally,
  ) {
    try {
      await transport.sendMail({ from: mail.from, to: who.email, ...message })
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode
      const reason = String((error as Error).message ?? error).slice(0, 500)
      const refusedForGood = code !== undefined && code >= 500
      const givenUp = rows.filter((row) => refusedForGood || row.attempts + 1 >= MAX_ATTEMPTS)
      if (givenUp.length > 0) {
        log.warn(`${givenUp.length} notification(s) failed for good: ${reason}`)
        await settle(givenUp, 'failed', reason, summaryOf)
        tally.failed += givenUp.length
      }
      for (const row of rows) {
        if (givenUp.includes(row)) continue
        const nextAttemptAt = new Date(now().getTime() + retryDelayMs(row.attempts + 1)).toISOString()
        await repo.settleNotification(db, row.id, { status: 'pending', error: reason, nextAttemptAt })
        tally.retried += 1
      }
      return
    }
    await settle(rows, 'sent', null, summaryOf)
    tally.sent += rows.length
  }

  /** The claimed `rows` of one recipient, those that may still go to them sent in one mail. */
  async function deliver(
    rows: readonly NotificationRow[],
    userId: string,
    mode: NotificationMode,
    tally: DeliveryTally,
  ) {
    const who = await loadUserActor(db, userId, AS_A_READER)
    const going: NotificationRow[] = []
    for (const row of rows) {
      const reason = await reasonToDrop(row, who, mode)
      if (reason === null) going.push(row)
      else {
        await settle([row], 'dropped', reason)
        tally.dropped += 1
      }
    }
    const [first] = going
    if (!who || !first) return
    const link = (row: NotificationRow) => `${input.publicUrl}/requests/${row.request_id}`
    const single = going.length === 1 && mode === 'each'
    const message = single
      ? composeNotification(first.event, link(first))
      : composeSummary(going.map((row) => ({ event: row.event, link: link(row) })))
    await send(going, who, message, single ? undefined : going.length, tally)
  }

  let sweptAt = Number.NEGATIVE_INFINITY
  const sweepDeadlines = () => queueDeadlineNotices({ ...system, notifyByMail: true })

  let running: Promise<DeliveryTally> | null = null
  async function round(withSweep: boolean): Promise<DeliveryTally> {
    if (withSweep && now().getTime() - sweptAt >= SWEEP_MS) {
      sweptAt = now().getTime()
      await sweepDeadlines()
    }
    const tally: DeliveryTally = { sent: 0, failed: 0, dropped: 0, retried: 0 }
    const nowIso = now().toISOString()
    const leaseUntil = new Date(now().getTime() + LEASE_MS).toISOString()
    const due = await repo.listDueNotifications(db, nowIso, BATCH)
    const modes = await repo.getNotificationModes(db, [...new Set(due.map((row) => row.user_id))])
    const summarised = new Set<string>()
    for (const row of due) {
      const mode = modes.get(row.user_id) ?? 'each'
      if (mode === 'daily') {
        // One mail for everything due to this person, however many rows of this round are theirs.
        if (summarised.has(row.user_id)) continue
        summarised.add(row.user_id)
        const claimed: NotificationRow[] = []
        for (const r of await repo.listDueNotifications(db, nowIso, SUMMARY_MAX, row.user_id))
          if (await repo.claimNotification(db, r, leaseUntil)) claimed.push(r)
        await deliver(claimed, row.user_id, mode, tally)
      } else if (await repo.claimNotification(db, row, leaseUntil)) await deliver([row], row.user_id, mode, tally)
    }
    return tally
  }
  function deliverDue(withSweep = false): Promise<DeliveryTally> {
    // One round at a time: a second caller waits for the round under way, then runs its own.
    const next = (running ?? Promise.resolve()).catch(() => {}).then(() => round(withSweep))
    running = next
    return next
  }

  let timer: NodeJS.Timeout | null = null
  let closed = false
  const schedule = () => {
    if (closed || input.pollMs === null) return
    timer = setTimeout(() => {
      deliverDue(true)
        .then(({ sent, failed, dropped, retried }) => {
          if (sent + failed + dropped + retried > 0)
            log.info(`notifications: ${sent} sent, ${failed} failed, ${dropped} dropped, ${retried} to try again`)
        })
        .catch((error) => log.error(`notifications could not be sent: ${(error as Error).message}`))
        .finally(schedule)
    }, input.pollMs)
    timer.unref()
  }
  schedule()

  return {
    deliverDue: () => deliverDue(),
    sweepDeadlines,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await running?.catch(() => {})
      transport.close()
    },
  }
}
