import { parseArgs } from 'node:util'
import { changeUser, createUser, getUserIdByEmail } from '../../server/identity/identity.service.ts'
import { withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

const USAGE = `usage:
  partnine user create --email E --name N --org ORG --role ROLE [--compartment CODE]... (--password-stdin | --token-only)
  partnine user disable|enable|reset-mfa --email E
`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing newline is the shell's, not the password's.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export const user: Command = {
  summary: 'user create … (--password-stdin | --token-only) | user disable|enable|reset-mfa --email E',
  run: async ([action, ...rest]) => {
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        org: { type: 'string' },
        role: { type: 'string' },
        compartment: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean', default: false },
        'token-only': { type: 'boolean', default: false },
      },
    })
    if (action === 'create') {
      const { email, name, org, role } = values
      if (!email || !name || !org || !role || values['password-stdin'] === values['token-only']) {
        process.stderr.write(USAGE)
        process.exitCode = 2
        return
      }
      // --token-only: an account for a machine client, with no password (its API token is made
      // with `partnine token create`).
      const password = values['password-stdin'] ? await readStdin() : undefined
      await withCliContext(async (ctx) => {
        const created = await createUser(ctx, {
          email,
          name,
          orgCode: org,
          role,
          compartments: values.compartment ?? [],
          password,
        })
        process.stdout.write(`${created.id}\n`)
      })
      return
    }
    const kind = action === 'disable' || action === 'enable' || action === 'reset-mfa' ? action : null
    if (!kind || !values.email) {
      process.stderr.write(USAGE)
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      const id = await getUserIdByEmail(ctx, values.email as string)
      const changed = await changeUser(ctx, id, { kind })
      process.stdout.write(`${changed.email}\t${changed.status}\tmfa=${changed.mfaEnabled ? 'on' : 'off'}\n`)
    })
  },
}
