// Child process of durability.sqlite-only.test.ts: commits corrections through the real service
// code on a SQLite file, printing "ACK <n>" only after each commit has returned.
import { createDb } from '../src/server/db/database.ts'
import { correctStateFact } from '../src/server/states/states.service.ts'
import { systemCtx } from './context.ts'

const [file, startArg] = process.argv.slice(2)
const handle = createDb({ dialect: 'sqlite', sqlitePath: file ?? '', databaseUrl: `sqlite:${file}` })
const ctx = systemCtx(handle.db, { kind: 'operator', name: 'durability' })
const states = ['NLD', 'FRA', 'SEN', 'ARG', 'JPN', 'KEN', 'DEU', 'BRA']
for (let n = Number(startArg); ; n++) {
  await correctStateFact(ctx, {
    iso3: states[n % states.length] as string,
    factKey: 'rome_statute.withdrawal_notified_date',
    value: null,
    note: `w-${n}`,
  })
  process.stdout.write(`ACK ${n}\n`)
}
