import { listOrganisations } from '../../server/identity/identity.service.ts'
import { ROLE_DESCRIPTIONS, ROLES_BY_KIND } from '../../server/identity/organisations.ts'
import { withCliContext } from '../cli-context.ts'
import type { Command } from './index.ts'

// Output is tab-separated, one line per item, so scripts can `cut -f1`: keep the columns stable.

export const orgs: Command = {
  summary: 'list organisation codes: CODE<TAB>KIND<TAB>NAME (ISO3 for States)',
  run: async () => {
    await withCliContext(async (ctx) => {
      for (const o of await listOrganisations(ctx)) process.stdout.write(`${o.code}\t${o.kind}\t${o.nameEn}\n`)
    })
  },
}

export const roles: Command = {
  summary: 'list role names: ROLE<TAB>ORGANISATION KINDS<TAB>DESCRIPTION',
  run: async () => {
    const names = [...new Set(Object.values(ROLES_BY_KIND).flat())]
    for (const role of names) {
      const kinds = Object.entries(ROLES_BY_KIND)
        .filter(([, r]) => r.includes(role))
        .map(([k]) => k)
      process.stdout.write(`${role}\t${kinds.join(',')}\t${ROLE_DESCRIPTIONS[role] ?? ''}\n`)
    }
  },
}
