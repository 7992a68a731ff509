// Child process of durability.sqlite-only.test.ts: audited reads through the real read journal on
// a SQLite file, ten callers at a time, printing "ACK <id>" only after each read has answered.
// Half the callers start a turn later, and each reads again a turn after its answer: the groups
// alternate and a read is always waiting, so answered reads wait in the journal to be chained in
// batches, as under load, when the process is killed.
import { recordAuditedRead } from '../src/server/audit/audit.service.ts'
import { startAuditWriter } from '../src/server/audit/audit.writer.ts'
import { createDb } from '../src/server/db/database.ts'
import { systemCtx } from './context.ts'

const [file, round] = process.argv.slice(2)
const handle = createDb({ dialect: 'sqlite', sqlitePath: file ?? '', databaseUrl: `sqlite:${file}` })
// What a previous round left in the journal is chained here, as a server starting would.
await startAuditWriter(handle.db, file ?? '')
const ctx = systemCtx(handle.db, { kind: 'operator', name: 'durability' })
await Promise.all(
  Array.from({ length: 10 }, async (_, caller) => {
    if (caller % 2 === 1) await new Promise((r) => setImmediate(r))
    for (let n = 0; ; n++) {
      const id = `read-${round}-${caller}-${n}`
      await recordAuditedRead(ctx, { action: 'test.read', recordType: 'test', recordId: id })
      process.stdout.write(`ACK ${id}\n`)
      await new Promise((r) => setImmediate(r))
    }
  }),
)
