import { listMigrations, migrateDown, migrateToLatest } from '../../server/db/migrate.ts'
import { withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

export const migrate: Command = {
  summary: 'migrate up | down | status',
  run: async ([direction]) => {
    if (!['up', 'down', 'status'].includes(direction ?? '')) {
      process.stderr.write('usage: partnine migrate up|down|status\n')
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      if (direction === 'up') {
        const applied = await migrateToLatest(ctx.db)
        process.stdout.write(
          applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'already at the latest migration\n',
        )
      } else if (direction === 'down') {
        const reverted = await migrateDown(ctx.db)
        process.stdout.write(
          reverted.length ? reverted.map((m) => `reverted ${m.name}\n`).join('') : 'nothing to revert\n',
        )
      } else {
        for (const m of await listMigrations(ctx.db))
          process.stdout.write(
            `${m.executedAt ? 'applied ' : 'pending '} ${m.name}${m.executedAt ? `  (${m.executedAt})` : ''}\n`,
          )
      }
    })
  },
}
