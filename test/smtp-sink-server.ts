import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startSmtpPeer } from './smtp-peer.ts'

// A real SMTP server as a process, for the browser tests (playwright.config.ts starts it as a
// webServer and points the platform at it): each mail received is written, parsed, as a JSON file
// in PARTNINE_TEST_MAIL_DIR, where a test reads it (e2e/notifications.spec.ts).
//   node --disable-warning=ExperimentalWarning test/smtp-sink-server.ts
// Settings: PARTNINE_TEST_SMTP_PORT (4125), PARTNINE_TEST_MAIL_DIR (required).

const dir = process.env.PARTNINE_TEST_MAIL_DIR
if (!dir) throw new Error('PARTNINE_TEST_MAIL_DIR is required')
mkdirSync(dir, { recursive: true })
const peer = await startSmtpPeer({
  port: Number(process.env.PARTNINE_TEST_SMTP_PORT ?? 4125),
  onMail: (mail) => writeFileSync(path.join(dir, `${Date.now()}-${randomUUID()}.json`), JSON.stringify(mail)),
})
console.log(`test SMTP server at ${peer.url}, mail in ${dir}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void peer.close().then(() => process.exit(0))
  })
}
