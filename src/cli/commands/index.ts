import { assets } from './assets.ts'
import { audit } from './audit.ts'
import { compartment } from './compartment.ts'
import { doctor } from './doctor.ts'
import { migrate } from './migrate.ts'
import { orgs, roles } from './orgs.ts'
import { referenceCorrect } from './reference-correct.ts'
import { seed } from './seed.ts'
import { serve } from './serve.ts'
import { token } from './token.ts'
import { user } from './user.ts'

export type Command = { summary: string; run: (args: string[]) => Promise<void> }

export const commands: Record<string, Command> = {
  serve,
  migrate,
  seed,
  doctor,
  'reference-correct': referenceCorrect,
  audit,
  assets,
  orgs,
  roles,
  compartment,
  user,
  token,
}
