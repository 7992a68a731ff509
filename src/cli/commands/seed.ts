import { parseArgs } from 'node:util'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { loadDemoData, removeDemoData } from '../../server/demo/demo.service.ts'
import { loadReferenceData } from '../../server/reference/reference.service.ts'
import { printJson, progressLine, withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

export const seed: Command = {
  summary: 'seed reference | seed demo [--remove]',
  run: async ([what, ...rest]) => {
    const { values } = parseArgs({ args: rest, options: { remove: { type: 'boolean', default: false } } })
    if (what !== 'reference' && what !== 'demo') {
      process.stderr.write('usage: partnine seed reference | partnine seed demo [--remove]\n')
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      await migrateToLatest(ctx.db)
      if (what === 'reference') printJson(await loadReferenceData(ctx, progressLine))
      else if (values.remove) {
        // With what users made on the demo's records (requests on its situation, say), counted.
        const { adopted } = await removeDemoData(ctx)
        process.stdout.write('demo data removed\n')
        printJson({ removedWithTheDemo: adopted })
      } else printJson(await loadDemoData(ctx))
    })
  },
}
