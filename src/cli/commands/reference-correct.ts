import { parseArgs } from 'node:util'
import { correctStateFact } from '../../server/states/states.service.ts'
import { printJson, withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

export const referenceCorrect: Command = {
  summary: 'correct a State fact: --state NLD --fact regional_group --value WEOG --note "why" (--null for none)',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        state: { type: 'string' },
        fact: { type: 'string' },
        value: { type: 'string' },
        null: { type: 'boolean', default: false },
        note: { type: 'string' },
      },
    })
    if (!values.state || !values.fact || !values.note || (values.value === undefined && !values.null)) {
      process.stderr.write(
        'usage: partnine reference-correct --state ISO3 --fact KEY (--value V | --null) --note "reason"\n',
      )
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      printJson(
        await correctStateFact(ctx, {
          iso3: values.state as string,
          factKey: values.fact as string,
          value: values.null ? null : values.value,
          note: values.note as string,
        }),
      )
    })
  },
}
