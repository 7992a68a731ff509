import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

// A real SMTP server on loopback for the notification tests: it receives what the platform sends,
// parses each mail, and can refuse a mailbox with the code a real server would give.

export type ReceivedMail = {
  envelopeTo: string[]
  from: string
  subject: string
  text: string
  autoSubmitted: string | undefined
  raw: string
}

export async function startSmtpPeer(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}) {
  const received: ReceivedMail[] = []
  const refused = new Map<string, { code: number; message: string }>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refused.get(address.address)
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then((mail) => {
          const parsed: ReceivedMail = {
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            autoSubmitted: mail.headers.get('auto-submitted')?.toString(),
            raw,
          }
          received.push(parsed)
          options.onMail?.(parsed)
          callback()
        }, callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Makes the server refuse `address` at RCPT TO with `code` (e.g. 550: no such mailbox). */
    refuse(address: string, code: number, message: string) {
      refused.set(address, { code, message })
    },
    /** Makes the server take mail for `address` again. */
    accept(address: string) {
      refused.delete(address)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
