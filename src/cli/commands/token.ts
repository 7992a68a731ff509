import { parseArgs } from 'node:util'
import { createApiToken } from '../../server/auth/auth.tokens.ts'
import { getUserIdByEmail } from '../../server/identity/identity.service.ts'
import { withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

export const token: Command = {
  summary: 'token create --email E [--days N] [--read-only]: prints the new API token alone on stdout',
  run: async ([action, ...rest]) => {
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        days: { type: 'string', default: '90' },
        'read-only': { type: 'boolean', default: false },
      },
    })
    const days = Number(values.days)
    if (action !== 'create' || !values.email || !Number.isInteger(days) || days < 1 || days > 365) {
      process.stderr.write('usage: partnine token create --email E [--days N (1-365)] [--read-only]\n')
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      const userId = await getUserIdByEmail(ctx, values.email as string)
      const created = await createApiToken(ctx, userId, {
        name: `cli ${ctx.now().toISOString().slice(0, 10)}`,
        days,
        scopes: values['read-only'] ? ['read'] : ['read', 'write'],
      })
      process.stderr.write(`expires ${created.expiresAt}\n`)
      process.stdout.write(`${created.token}\n`)
    })
  },
}
