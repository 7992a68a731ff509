import type { Generated } from 'kysely'

export interface AppMetaTable {
  key: string
  value: string
  updated_at: Generated<string>
}
