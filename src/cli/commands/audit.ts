import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  createCheckpoint,
  exportLatestCheckpoint,
  verifyAuditTrailWithKey,
} from '../../server/audit/audit.checkpoints.service.ts'
import { auditSignerFromSeed } from '../../server/audit/audit.signing.ts'
import { printJson, withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

const USAGE = 'usage: partnine audit verify | checkpoint [--reason TEXT] | export-checkpoint [--out DIR]\n'

export const audit: Command = {
  summary: 'audit verify | checkpoint [--reason] | export-checkpoint [--out DIR] (tamper-evident trail)',
  run: async ([sub, ...args]) => {
    const { values } = parseArgs({
      args,
      options: { reason: { type: 'string' }, out: { type: 'string' } },
    })
    if (!['verify', 'checkpoint', 'export-checkpoint'].includes(sub ?? '')) {
      process.stderr.write(USAGE)
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx, config) => {
      const signer = auditSignerFromSeed(config.secrets.auditSigningKey)
      if (sub === 'verify') {
        let lastShown = 0
        const report = await verifyAuditTrailWithKey(ctx, signer, (checked) => {
          // A line every 100,000 entries: large trails show progress, small ones stay quiet.
          if (checked - lastShown >= 100_000) {
            lastShown = checked
            process.stderr.write(`verified ${checked} entries…\n`)
          }
        })
        printJson(report)
        // 3 = refused by a rule, as for every command: here, the trail does not verify.
        if (!report.ok) process.exitCode = 3
      } else if (sub === 'checkpoint') {
        printJson(await createCheckpoint(ctx, signer, { reason: values.reason ?? 'on demand (CLI)' }))
      } else {
        const exported = await exportLatestCheckpoint(ctx)
        if (!exported) {
          process.stderr.write('no checkpoint yet: run `partnine audit checkpoint` first\n')
          process.exitCode = 3
          return
        }
        const dir = path.resolve(values.out ?? '.')
        mkdirSync(dir, { recursive: true })
        const files = {
          statement: path.join(dir, 'checkpoint.json'),
          signature: path.join(dir, 'checkpoint.sig'),
          publicKey: path.join(dir, 'audit-public.pem'),
        }
        // The statement file holds exactly the signed bytes: no trailing newline, no reformatting.
        writeFileSync(files.statement, exported.statement)
        writeFileSync(files.signature, exported.signature)
        writeFileSync(files.publicKey, exported.publicKeyPem)
        printJson({
          checkpoint: exported.checkpoint,
          files,
          verifyWith: `openssl pkeyutl -verify -pubin -inkey ${files.publicKey} -rawin -in ${files.statement} -sigfile ${files.signature}`,
        })
      }
    })
  },
}
