import type { Db } from '../db/database.ts'
import * as statesRepo from './states.repository.ts'

type Pick = <T>(seed: string, options: readonly T[]) => T

// Channels a State may designate under article 87(1)(a) and (b), and languages under 87(2).
const CHANNELS = ['diplomatic', 'central_authority', 'interpol', 'regional_organisation'] as const
const LANGUAGE_SETS = [['en'], ['fr'], ['en', 'fr'], ['es', 'en'], ['ar', 'en'], ['pt', 'fr']] as const

/** Fictional focal points and declared channels for every current State Party. */
export async function loadDemoCooperationProfiles(db: Db, pick: Pick): Promise<number> {
  const parties = await statesRepo.listStates(db, { party: true }, 'en', null, 1000)
  await statesRepo.upsertCooperationProfiles(
    db,
    parties.map((s) => ({
      iso3: s.iso3,
      channel: pick(`${s.iso3}:channel`, CHANNELS),
      languages: [...pick(`${s.iso3}:languages`, LANGUAGE_SETS)],
      focalPointName: `${pick(`${s.iso3}:given`, GIVEN_NAMES)} ${pick(`${s.iso3}:family`, FAMILY_NAMES)} (fictional)`,
      focalPointEmail: `focal-point.${s.iso3.toLowerCase()}@demo.invalid`,
    })),
  )
  return parties.length
}

export function removeDemoCooperationProfiles(db: Db) {
  return statesRepo.deleteDemoCooperationProfiles(db)
}

const GIVEN_NAMES = [
  'Alex',
  'Camille',
  'Sam',
  'Noor',
  'Jordan',
  'Amara',
  'Leila',
  'Mateo',
  'Ines',
  'Kofi',
  'Mei',
  'Tomas',
]
const FAMILY_NAMES = ['Example', 'Sample', 'Demo', 'Placeholder', 'Fictif', 'Modèle', 'Essai', 'Testwell']
