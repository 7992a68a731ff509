import { loadConfig } from '../../server/config.ts'
import { startServer } from '../../server/main.ts'
import type { Command } from './index.ts'

export const serve: Command = {
  summary: 'start the platform (migrates, loads reference data and the demo on first start)',
  run: async () => {
    await startServer(loadConfig())
  },
}
