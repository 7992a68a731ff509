import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'

// Records users made on the demo's fictional records while trying the platform: a request on the
// demo situation, a person added to it, a warrant on a demo person, an asset in the demo case. They
// rest on the demo (their foreign keys name its rows), so they cannot outlive it: before the demo
// is removed they are marked as demo records too, and each feature's removal takes them with its
// own. Marked in the order of their dependencies, so a record resting on one just marked follows.

const DEMO = fromBool(true)
const NOT_DEMO = fromBool(false)

export type AdoptedRecords = {
  cases: number
  persons: number
  warrants: number
  requests: number
  assets: number
  arrestStrategies: number
  arrestOpportunities: number
}

const changed = (result: { numUpdatedRows: bigint } | undefined) => Number(result?.numUpdatedRows ?? 0)

/** Marks every record resting on a demo record as a demo record; says how many of each. */
export async function adoptRecordsRestingOnDemo(db: Db): Promise<AdoptedRecords> {
  const demoSituations = db.selectFrom('situations').select('id').where('is_demo', '=', DEMO)
  const demoCases = db.selectFrom('cases').select('id').where('is_demo', '=', DEMO)
  const demoPersons = db.selectFrom('persons').select('id').where('is_demo', '=', DEMO)
  const demoWarrants = db.selectFrom('warrants').select('id').where('is_demo', '=', DEMO)
  const demoRequests = db.selectFrom('requests').select('id').where('is_demo', '=', DEMO)

  const cases = await db
    .updateTable('cases')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where('situation_id', 'in', demoSituations)
    .executeTakeFirst()
  const persons = await db
    .updateTable('persons')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where((eb) => eb.or([eb('situation_id', 'in', demoSituations), eb('case_id', 'in', demoCases)]))
    .executeTakeFirst()
  const warrants = await db
    .updateTable('warrants')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where('person_id', 'in', demoPersons)
    .executeTakeFirst()
  const requests = await db
    .updateTable('requests')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where((eb) =>
      eb.or([
        eb('situation_id', 'in', demoSituations),
        eb('case_id', 'in', demoCases),
        eb('id', 'in', eb.selectFrom('request_persons').select('request_id').where('person_id', 'in', demoPersons)),
        eb('id', 'in', eb.selectFrom('request_warrants').select('request_id').where('warrant_id', 'in', demoWarrants)),
      ]),
    )
    .executeTakeFirst()
  const assets = await db
    .updateTable('assets')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where((eb) =>
      eb.or([
        eb('case_id', 'in', demoCases),
        eb('person_id', 'in', demoPersons),
        eb('id', 'in', eb.selectFrom('asset_steps').select('asset_id').where('request_id', 'in', demoRequests)),
      ]),
    )
    .executeTakeFirst()
  const arrestStrategies = await db
    .updateTable('arrest_strategies')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where('person_id', 'in', demoPersons)
    .executeTakeFirst()
  const arrestOpportunities = await db
    .updateTable('arrest_opportunities')
    .set({ is_demo: DEMO })
    .where('is_demo', '=', NOT_DEMO)
    .where((eb) =>
      eb.or([
        eb('person_id', 'in', demoPersons),
        eb('request_id', 'in', demoRequests),
        eb(
          'id',
          'in',
          eb.selectFrom('arrest_opportunity_outcomes').select('opportunity_id').where('request_id', 'in', demoRequests),
        ),
      ]),
    )
    .executeTakeFirst()
  return {
    cases: changed(cases),
    persons: changed(persons),
    warrants: changed(warrants),
    requests: changed(requests),
    assets: changed(assets),
    arrestStrategies: changed(arrestStrategies),
    arrestOpportunities: changed(arrestOpportunities),
  }
}
