import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx, testSecrets } from '../../../test/context.ts'
import { createDocumentsWorld, type DocumentsWorld } from '../../../test/documents-world.ts'
import { startSmtpPeer } from '../../../test/smtp-peer.ts'
import { fromBool } from '../db/values.ts'
import { removeDemoRequests } from '../requests/requests.demo.ts'
import { createNotificationSender, MAX_ATTEMPTS, retryDelayMs, smtpOptions } from './notifications.sender.ts'
import { nextSummaryAt, queueNotifications, SUMMARY_HOUR_UTC } from './notifications.service.ts'

// Notifications by e-mail, on both databases, through a real SMTP server on loopback: who is told
// of what (the other side of the request, still with need-to-know), what the mail says (where to
// read, nothing of the request), and how delivery ends (sent, failed for good, tried again,
// dropped), each end audited.

const FROM = 'Part IX <no-reply@partnine.test>'
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>
let w: DocumentsWorld

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }
function sender(options: { smtpUrl?: string; now?: () => Date } = {}) {
  return createNotificationSender({
    db: w.db.db,
    mail: { smtpUrl: options.smtpUrl ?? smtp.url, from: FROM },
    publicUrl: 'https://partnine.test',
    secrets: testSecrets,
    log: silent,
    now: options.now ?? (() => new Date()),
    pollMs: null,
  })
}
const user = (label: string) => {
  const found = w.users[label]
  if (!found) throw new Error(`no user ${label}`)
  return found
}
/** The one notification of a request to `label` (by default the addressee's focal point). */
async function only(requestId: string, label = 'nldFocal') {
  const rows = (await queued(requestId)).filter((n) => n.user_id === user(label).id)
  expect(rows).toHaveLength(1)
  const [row] = rows
  if (!row) throw new Error('none')
  return row
}
const queued = (requestId: string) =>
  w.db.db
    .selectFrom('notifications')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
/** Who the notifications of a request go to (of `event`; queued after `after`, ids of earlier ones). */
const recipients = async (requestId: string, event?: string, after: readonly string[] = []) =>
  (await queued(requestId))
    .filter((n) => (event === undefined || n.event === event) && !after.includes(n.id))
    .map((n) => Object.entries(w.users).find(([, u]) => u.id === n.user_id)?.[0])
    .sort()
/** The mails received since `from` that link to request `id` and went to `label`. */
const mailsOf = (from: number, id: string, label = 'nldFocal') =>
  smtp.received
    .slice(from)
    .filter((m) => m.text.includes(`/requests/${id}`) && m.envelopeTo.includes(user(label).email))
const step = (id: string, as: string, payload: object) =>
  w.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: w.who[as], payload })
const say = (id: string, as: string, body: string) =>
  w.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/messages`, headers: w.who[as], payload: { body } })
/** Sends what is due through a sender of its own, then drops what is left, so tests stay apart. */
async function deliver(options?: Parameters<typeof sender>[0]) {
  const s = sender(options)
  try {
    return await s.deliverDue()
  } finally {
    await s.close()
  }
}

beforeAll(async () => {
  smtp = await startSmtpPeer()
  w = await createDocumentsWorld({
    config: { mail: { smtpUrl: smtp.url, from: FROM } },
    build: { notificationPollMs: null },
  })
})
afterAll(async () => {
  await w.close()
  await smtp.close()
})

describe('who is told', () => {
  it("tells the Registry of an approval, then the addressee's focal point of the transmission, and no one else", async () => {
    const id = await w.draftRequest()
    expect(await step(id, 'otpApprover', { action: 'approve' }).then((r) => r.statusCode)).toBe(200)
    // The Registry, which transmits, if it sees the request; the drafter. Not the approver who
    // acted, not the addressee, which knows nothing before transmission.
    expect(await recipients(id, 'awaiting_transmission')).toEqual(['registryOfficer'])
    expect(await recipients(id)).toEqual(['otpOfficer', 'registryOfficer'])
    expect(await step(id, 'registryOfficer', { action: 'transmit' }).then((r) => r.statusCode)).toBe(200)
    // Not the State's officer (nothing delegated to them), not another State, not the Court.
    expect(await recipients(id, 'transmitted')).toEqual(['nldFocal'])
    expect(await recipients(id)).toEqual(['nldFocal', 'otpOfficer', 'registryOfficer'])
  })

  it("tells the Court's drafter and approver of the State's steps and messages, and the State of the Court's", async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const earlier = (await queued(id)).map((n) => n.id) // the approval's and the transmission's
    expect((await step(id, 'nldFocal', { action: 'acknowledge' })).statusCode).toBe(200)
    expect(await recipients(id, 'step', earlier)).toEqual(['otpApprover', 'otpOfficer'])
    expect((await say(id, 'otpOfficer', 'When may the witness be heard? (fictional)')).statusCode).toBe(201)
    expect((await say(id, 'nldFocal', 'On Tuesday. (fictional)')).statusCode).toBe(201)
    // Each message tells the other side; its author is never told of it.
    expect(await recipients(id, 'message')).toEqual(['nldFocal', 'otpApprover', 'otpOfficer'])
    const deadline = new Date(Date.now() + 40 * 86_400_000).toISOString()
    const changed = await w.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/deadline-changes`,
      headers: w.who.otpOfficer,
      payload: { deadline: 'response', to: deadline, reason: 'The State asked for more time (fictional)' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(await recipients(id, 'deadline')).toEqual(['nldFocal'])
  })

  it('tells a State officer of what the focal point delegated to them, and nothing else', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const delegated = await w.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/delegations`,
      headers: w.who.nldFocal,
      payload: { userId: user('nldOfficer').id },
    })
    expect(delegated.statusCode, delegated.body).toBe(201)
    expect(await recipients(id, 'delegated')).toEqual(['nldOfficer'])
    expect((await say(id, 'registryOfficer', 'Please confirm receipt. (fictional)')).statusCode).toBe(201)
    expect(await recipients(id, 'message')).toEqual(['nldFocal', 'nldOfficer'])
  })

  it('queues nothing for a refused step, nor when the server sends no mail', async () => {
    const id = await w.draftRequest()
    const refused = await step(id, 'otpOfficer', { action: 'approve' }) // four eyes: the drafter may not
    expect(refused.statusCode).toBe(409)
    expect(await queued(id)).toEqual([])
    await queueNotifications(systemCtx(w.db.db), w.db.db, {
      requestId: id,
      event: 'step',
      userIds: [user('nldFocal').id],
    })
    expect(await queued(id)).toEqual([])
  })
})

describe('notices of the clock', () => {
  it('reminds the State of a response deadline near, then just passed, and the Court once it passed, once each', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const deadline = new Date(Date.now() + 40 * 86_400_000)
    const changed = await w.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/deadline-changes`,
      headers: w.who.otpOfficer,
      payload: { deadline: 'response', to: deadline.toISOString(), reason: 'A new deadline (fictional)' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const at = (days: number) => {
      const s = sender({ now: () => new Date(deadline.getTime() + days * 86_400_000) })
      return s.sweepDeadlines().finally(() => s.close())
    }
    await at(-10)
    expect(await recipients(id, 'due_soon')).toEqual([])
    await at(-2)
    await at(-1) // the same deadline: not told twice
    expect(await recipients(id, 'due_soon')).toEqual(['nldFocal'])
    expect(await recipients(id, 'overdue')).toEqual([])
    expect(await recipients(id, 'addressee_overdue')).toEqual([])
    await at(1)
    await at(1.5)
    expect(await recipients(id, 'overdue')).toEqual(['nldFocal'])
    // The Court staff who drafted and approved it are told too, once, so that they chase it.
    expect(await recipients(id, 'addressee_overdue')).toEqual(['otpApprover', 'otpOfficer'])
    const [notice] = (await queued(id)).filter((n) => n.event === 'overdue')
    expect(notice?.about).toBe(`response:${deadline.toISOString()}`)
    // Once the State has answered, its deadline no longer runs: nothing more is told.
    const executed = await w.draftRequest()
    await w.transmit(executed)
    for (const action of ['acknowledge', 'begin_execution', 'report_executed'])
      expect((await step(executed, 'nldFocal', { action })).statusCode).toBe(200)
    const row = await w.db.db
      .selectFrom('requests')
      .select('response_deadline')
      .where('id', '=', executed)
      .executeTakeFirstOrThrow()
    const s = sender({ now: () => new Date(Date.parse(row.response_deadline ?? '') + 86_400_000) })
    await s.sweepDeadlines().finally(() => s.close())
    expect(await recipients(executed, 'overdue')).toEqual([])
    expect(await recipients(executed, 'addressee_overdue')).toEqual([])
  })
})

describe('notices of the acknowledgement', () => {
  it('reminds the State once that a request awaits its acknowledgement after the deadline, and not once acknowledged', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const acknowledged = await w.draftRequest()
    await w.transmit(acknowledged)
    expect((await step(acknowledged, 'nldFocal', { action: 'acknowledge' })).statusCode).toBe(200)
    const deadlineOf = async (requestId: string) =>
      Date.parse(
        (
          await w.db.db
            .selectFrom('requests')
            .select('acknowledgement_deadline')
            .where('id', '=', requestId)
            .executeTakeFirstOrThrow()
        ).acknowledgement_deadline ?? '',
      )
    /** The sweep, `days` after the acknowledgement deadline of `requestId`. */
    async function sweepAt(requestId: string, days: number) {
      const deadline = await deadlineOf(requestId)
      const s = sender({ now: () => new Date(deadline + days * 86_400_000) })
      await s.sweepDeadlines().finally(() => s.close())
    }
    await sweepAt(id, -0.5)
    expect(await recipients(id, 'acknowledgement_overdue')).toEqual([]) // not before it passed
    await sweepAt(id, 0.5)
    await sweepAt(id, 1) // the same deadline: not told twice
    expect(await recipients(id, 'acknowledgement_overdue')).toEqual(['nldFocal'])
    const [notice] = (await queued(id)).filter((n) => n.event === 'acknowledgement_overdue')
    expect(notice?.about).toBe(`acknowledgement:${new Date(await deadlineOf(id)).toISOString()}`)
    await sweepAt(acknowledged, 0.5)
    expect(await recipients(acknowledged, 'acknowledgement_overdue')).toEqual([])
  })
})

describe('what the mail says and how it ends', () => {
  it('sends the link and nothing of the request, in English and French, and audits the sending', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const before = smtp.received.length
    const tally = await deliver()
    expect(tally.sent).toBeGreaterThanOrEqual(1)
    const mails = mailsOf(before, id)
    expect(mails).toHaveLength(1)
    const mail = mails[0]
    if (!mail) throw new Error('no mail')
    expect(mail.envelopeTo).toEqual([user('nldFocal').email])
    expect(mail.from).toMatch(/^"?Part IX"? <no-reply@partnine\.test>$/)
    expect(mail.subject).toBe(
      'Part IX: A request for cooperation has been transmitted to you / Une demande de coopération vous a été transmise',
    )
    expect(mail.text).toContain(`https://partnine.test/requests/${id}`)
    expect(mail.text).toContain('Connectez-vous à Part IX pour la consulter')
    expect(mail.autoSubmitted).toBe('auto-generated')
    const request = (await w.app.inject({ url: `/api/v1/requests/${id}`, headers: w.who.otpOfficer })).json()
    for (const secret of [request.reference, request.summary, request.facts, 'Doc Person', 'Netherlands', 'NLD'])
      expect(mail.raw).not.toContain(secret)
    const row = await only(id)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null })
    expect(await w.countAudit('notification.sent', row.id)).toBe(1)
    // Sent once: the next round has nothing of it.
    await deliver()
    expect(mailsOf(0, id)).toHaveLength(1)
  })

  it('drops, unsent, a notification whose recipient may no longer see the request', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    await w.db.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user('nldFocal').id).execute()
    try {
      const before = smtp.received.length
      await deliver()
      expect(mailsOf(before, id)).toEqual([])
      const row = await only(id)
      expect(row).toMatchObject({ status: 'dropped', last_error: 'the recipient is no longer active' })
      expect(await w.countAudit('notification.dropped', row.id)).toBe(1)
    } finally {
      await w.db.db.updateTable('users').set({ status: 'active' }).where('id', '=', user('nldFocal').id).execute()
    }
  })

  it('fails at once a mailbox the server refuses for good, and tries again later when it cannot be reached', async () => {
    const refusedId = await w.draftRequest()
    await w.transmit(refusedId)
    smtp.refuse(user('nldFocal').email, 550, 'No such mailbox')
    try {
      await deliver()
    } finally {
      smtp.accept(user('nldFocal').email)
    }
    const refused = await only(refusedId)
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 })
    expect(refused.last_error).toContain('No such mailbox')
    expect(await w.countAudit('notification.failed', refused.id)).toBe(1)

    const id = await w.draftRequest()
    await w.transmit(id)
    const clock = new Date()
    // Nothing listens on port 9 of loopback: the connection is refused, as with a server down.
    const tally = await deliver({ smtpUrl: 'smtp://127.0.0.1:9', now: () => clock })
    expect(tally.retried).toBeGreaterThanOrEqual(1)
    const waiting = await only(id)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 })
    expect(waiting.next_attempt_at).toBe(new Date(clock.getTime() + retryDelayMs(1)).toISOString())
    expect(await w.countAudit('notification.sent', waiting.id)).toBe(0)
    // Not due before its time; sent once it is and the server is back.
    await deliver({ now: () => new Date(clock.getTime() + retryDelayMs(1) - 1000) })
    expect((await only(id)).status).toBe('pending')
    await deliver({ now: () => new Date(clock.getTime() + retryDelayMs(1) + 1000) })
    expect(await only(id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('reaches a relay on loopback in the clear and any other server only encrypted', () => {
    const from = FROM
    expect(smtpOptions({ smtpUrl: 'smtp://127.0.0.1:25', from })).toMatchObject({
      host: '127.0.0.1',
      port: 25,
      secure: false,
      requireTLS: false,
      ignoreTLS: true,
    })
    expect(smtpOptions({ smtpUrl: 'smtp://relay%40icc:p%3Ass@mail.example.org', from })).toMatchObject({
      host: 'mail.example.org',
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: 'relay@icc', pass: 'p:ss' },
    })
    expect(smtpOptions({ smtpUrl: 'smtps://mail.example.org', from })).toMatchObject({ port: 465, secure: true })
  })

  it('sends each notification once when two senders (two processes) work at the same time', async () => {
    const ids = [await w.draftRequest(), await w.draftRequest(), await w.draftRequest()]
    for (const id of ids) await w.transmit(id)
    const before = smtp.received.length
    const [a, b] = [sender(), sender()]
    try {
      await Promise.all([a.deliverDue(), b.deliverDue()])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
    const mails = smtp.received.slice(before)
    // Three each: the Registry's (approved), the drafter's (approved) and the focal point's.
    for (const id of ids) expect(mails.filter((m) => m.text.includes(`/requests/${id}`))).toHaveLength(3)
    for (const id of ids)
      for (const label of ['registryOfficer', 'otpOfficer', 'nldFocal'])
        expect(await only(id, label)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('gives up after its last attempt, waiting longer each time before it', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(retryDelayMs(MAX_ATTEMPTS + 10)).toBe(3_600_000)
  })
})

describe('as each person asked', () => {
  const choose = (as: string, mode: unknown) =>
    w.app.inject({ method: 'PUT', url: '/api/v1/account/notifications', headers: w.who[as], payload: { mode } })
  const preference = (as: string) => w.app.inject({ url: '/api/v1/account/notifications', headers: w.who[as] })
  /** Runs `body` while the NLD focal point asks to be told in `mode`, then puts the default back. */
  async function whileAsking(mode: string, body: (answer: { mode: string }) => Promise<void>) {
    const changed = await choose('nldFocal', mode)
    expect(changed.statusCode, changed.body).toBe(200)
    try {
      await body(changed.json())
    } finally {
      expect((await choose('nldFocal', 'each')).statusCode).toBe(200)
    }
  }
  const changes = async () =>
    (
      await w.db.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'account.notifications_changed')
        .where('record_id', '=', user('nldFocal').id)
        .execute()
    ).length

  it('gathers what is due to one who asked for a summary a day into one mail, at the summary hour', async () => {
    expect((await preference('nldFocal')).json()).toEqual({ mode: 'each', summaryHourUtc: SUMMARY_HOUR_UTC })
    await whileAsking('daily', async (answer) => {
      expect(answer).toEqual({ mode: 'daily', summaryHourUtc: SUMMARY_HOUR_UTC })
      const [first, second] = [await w.draftRequest(), await w.draftRequest()]
      await w.transmit(first)
      await w.transmit(second)
      expect((await say(first, 'registryOfficer', 'Please confirm receipt. (fictional)')).statusCode).toBe(201)
      const rows = [...(await queued(first)), ...(await queued(second))].filter(
        (r) => r.user_id === user('nldFocal').id,
      )
      expect(rows.map((r) => r.event).sort()).toEqual(['message', 'transmitted', 'transmitted'])
      const summaryAt = nextSummaryAt(new Date(rows[0]?.created_at ?? ''))
      for (const row of rows) expect(row.next_attempt_at).toBe(summaryAt.toISOString())
      const summaries = (from: number) => [...mailsOf(from, first), ...mailsOf(from, second)]

      let before = smtp.received.length
      await deliver({ now: () => new Date(summaryAt.getTime() - 60_000) })
      expect(summaries(before)).toEqual([]) // not before its hour
      before = smtp.received.length
      await deliver({ now: () => new Date(summaryAt.getTime() + 1000) })
      const mails = [...new Set(summaries(before))]
      expect(mails).toHaveLength(1)
      const [mail] = mails
      if (!mail) throw new Error('no mail')
      expect(mail.envelopeTo).toEqual([user('nldFocal').email])
      expect(mail.subject).toMatch(
        /^Part IX: \d+ notices on \d+ requests for cooperation \/ \d+ avis sur \d+ demandes de coopération$/,
      )
      // Each request's link once in each language, what happened under it; nothing of the request.
      expect(mail.text.split(`https://partnine.test/requests/${first}`)).toHaveLength(3)
      const under = (id: string) => mail.text.split(`https://partnine.test/requests/${id}\n`)[1]?.split('\n\n')[0]
      expect(under(first)?.split('\n')).toEqual([
        '  - A request for cooperation has been transmitted to you',
        '  - There is a new message on a request for cooperation you follow',
      ])
      expect(under(second)).toBe('  - A request for cooperation has been transmitted to you')
      expect(mail.text).toContain('Votre résumé du jour')
      expect(mail.autoSubmitted).toBe('auto-generated')
      const request = (await w.app.inject({ url: `/api/v1/requests/${first}`, headers: w.who.otpOfficer })).json()
      for (const secret of [request.reference, request.summary, 'Netherlands', 'NLD'])
        expect(mail.raw).not.toContain(secret)
      for (const row of [...(await queued(first)), ...(await queued(second))].filter(
        (r) => r.user_id === user('nldFocal').id,
      )) {
        expect(row).toMatchObject({ status: 'sent', attempts: 1 })
        expect(await w.countAudit('notification.sent', row.id)).toBe(1)
      }
    })
  })

  it('queues nothing for one who asked for no mail, and drops what was queued before they did', async () => {
    const waiting = await w.draftRequest()
    await w.transmit(waiting)
    expect((await only(waiting)).status).toBe('pending')
    const audited = await changes()
    await whileAsking('none', async () => {
      expect(await changes()).toBe(audited + 1)
      expect((await choose('nldFocal', 'none')).statusCode).toBe(200) // the same again: nothing to record
      expect(await changes()).toBe(audited + 1)
      const id = await w.draftRequest()
      await w.transmit(id)
      expect(await recipients(id, 'transmitted')).toEqual([])
      const before = smtp.received.length
      await deliver()
      expect(mailsOf(before, waiting)).toEqual([])
      const dropped = await only(waiting)
      expect(dropped).toMatchObject({ status: 'dropped', last_error: 'the recipient asked for no mail' })
      expect(await w.countAudit('notification.dropped', dropped.id)).toBe(1)
    })
  })

  it('moves what waits to the summary hour when one asks for a summary, and back to now when they ask for each', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const queuedAt = (await only(id)).next_attempt_at
    await whileAsking('daily', async () => {
      const moved = Date.parse((await only(id)).next_attempt_at)
      expect(new Date(moved).getUTCHours()).toBe(SUMMARY_HOUR_UTC)
      expect(moved).toBeGreaterThan(Date.parse(queuedAt))
    })
    expect(Date.parse((await only(id)).next_attempt_at)).toBeLessThanOrEqual(Date.now())
  })

  it('refuses a mode it does not know, and an anonymous caller, changing nothing', async () => {
    const audited = await changes()
    for (const mode of ['weekly', '', null, 3]) {
      const refused = await choose('nldFocal', mode)
      expect(refused.statusCode, String(mode)).toBe(400)
    }
    expect((await choose('anonymous', 'none')).statusCode).toBe(401)
    expect((await preference('anonymous')).statusCode).toBe(401)
    expect((await preference('nldFocal')).json().mode).toBe('each')
    expect(await changes()).toBe(audited)
  })

  it('sets the summary hour after the moment given, the next day once it has passed', () => {
    const at = (iso: string) => nextSummaryAt(new Date(iso)).toISOString()
    expect(at('2026-12-01T05:59:59.000Z')).toBe('2026-12-01T06:00:00.000Z')
    expect(at('2026-12-01T06:00:00.000Z')).toBe('2026-12-02T06:00:00.000Z')
    expect(at('2026-12-31T23:00:00.000Z')).toBe('2027-01-01T06:00:00.000Z')
  })
})

describe('a request removed', () => {
  it('takes its notifications with it (the demo removed)', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    expect(await recipients(id)).toEqual(['nldFocal', 'otpOfficer', 'registryOfficer'])
    await w.db.db
      .updateTable('requests')
      .set({ is_demo: fromBool(true) })
      .where('id', '=', id)
      .execute()
    await w.db.db.transaction().execute((trx) => removeDemoRequests(trx))
    expect(await queued(id)).toEqual([])
  })
})

describe("the server's own sender", () => {
  it('sends what changes queued, without being asked', async () => {
    const peer = await startSmtpPeer()
    const world = await createDocumentsWorld({
      config: { mail: { smtpUrl: peer.url, from: FROM } },
      build: { notificationPollMs: 50 },
    })
    try {
      expect((await world.app.inject({ url: '/api/v1/meta' })).json().notificationsByMail).toBe(true)
      const id = await world.draftRequest()
      await world.transmit(id)
      // The Registry and the drafter (approved), the focal point (transmitted).
      await expect.poll(() => peer.received.filter((m) => m.text.includes(id)).length, { timeout: 10_000 }).toBe(3)
      expect(peer.received.flatMap((m) => m.envelopeTo).sort()).toEqual(
        [world.users.registryOfficer?.email, world.users.otpOfficer?.email, world.users.nldFocal?.email].sort(),
      )
    } finally {
      await world.close()
      await peer.close()
    }
  })
})
