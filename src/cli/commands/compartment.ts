import { parseArgs } from 'node:util'
import { createCompartment, listCompartments } from '../../server/identity/identity.service.ts'
import { withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

export const compartment: Command = {
  summary: 'compartment create --code CODE --name NAME | compartment list',
  run: async ([action, ...rest]) => {
    const { values } = parseArgs({ args: rest, options: { code: { type: 'string' }, name: { type: 'string' } } })
    if (action === 'list') {
      await withCliContext(async (ctx) => {
        for (const c of await listCompartments(ctx)) process.stdout.write(`${c.code}\t${c.name}\n`)
      })
      return
    }
    if (action !== 'create' || !values.code || !values.name) {
      process.stderr.write('usage: partnine compartment create --code CODE --name NAME | partnine compartment list\n')
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      const created = await createCompartment(ctx, { code: values.code as string, name: values.name as string })
      process.stdout.write(`${created.code}\n`)
    })
  },
}
