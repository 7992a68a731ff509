import { sweepAlerts } from '../../server/assets/assets.alerts.ts'
import { printJson, withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

const USAGE = 'usage: partnine assets sweep-alerts\n'

// The server sweeps hourly; this runs the same sweep now (e.g. from cron on a CLI-only host).
export const assets: Command = {
  summary: 'assets sweep-alerts (raise expiry alerts of freezing and seizure orders lapsing within 30 days)',
  run: async ([sub]) => {
    if (sub !== 'sweep-alerts') {
      process.stderr.write(USAGE)
      process.exitCode = 2
      return
    }
    await withCliContext(async (ctx) => {
      printJson(await sweepAlerts(ctx))
    })
  },
}
