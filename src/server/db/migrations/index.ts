import type { Migration, MigrationProvider } from 'kysely/migration'
import * as m0300 from './2026-11-28T0300_create-reference-and-states.ts'
import * as m0400 from './2026-11-28T0400_identity-and-access.ts'
import * as m0500 from './2026-11-28T0500_audit-hash-chain.ts'
import * as m0600 from './2026-11-28T0600_requests.ts'
import * as m0700 from './2026-11-28T0700_messages-documents.ts'
import * as m0710 from './2026-11-28T0710_request-search.ts'
import * as m0800w from './2026-11-28T0800_warrants.ts'
import * as m0810 from './2026-11-28T0810_arrest-strategies-opportunities.ts'
import * as m0820 from './2026-11-28T0820_assets.ts'
import * as m0830rp from './2026-11-28T0830_request-persons-by-person.ts'
import * as m0840 from './2026-11-28T0840_request-list-indexes.ts'
import * as m0850 from './2026-11-28T0850_request-search-scope.ts'
import * as m0860 from './2026-11-28T0860_open-requests-by-deadline.ts'
import * as m0870 from './2026-11-28T0870_request-sort-orders.ts'
import * as m0880 from './2026-11-28T0880_sort-orders-carry-dates.ts'
import * as m0890 from './2026-11-28T0890_request-orders-within-a-state-or-organ.ts'
import * as m0900 from './2026-11-28T0900_request-addressee-from-the-request.ts'
import * as m0910 from './2026-11-28T0910_organ-counts-read-an-index.ts'
import * as m0920 from './2026-11-28T0920_credential-epoch.ts'
import * as m0930 from './2026-11-29T0930_request-search-by-addressee.ts'
import * as m0940 from './2026-11-29T0940_request-counts-epoch.ts'
import * as m0950 from './2026-11-29T0950_request-page-epoch.ts'
import * as m0960 from './2026-11-29T0960_request-search-epoch.ts'
import * as m1000 from './2026-11-29T1000_audit-read-journal.ts'
import * as m1010 from './2026-11-30T1010_request-warrants.ts'
import * as m1020 from './2026-11-30T1020_request-type-summary-fr.ts'
import * as m1100 from './2026-11-30T1100_notifications.ts'
import * as m1200 from './2026-11-30T1200_notification-preferences.ts'

// Listed by hand rather than read from the folder: the list is what ships, and no file that
// happens to sit here (a test, an editor backup) can become a migration.
const migrations: Record<string, Migration> = {
  '2026-11-28T0300_create-reference-and-states': m0300,
  '2026-11-28T0400_identity-and-access': m0400,
  '2026-11-28T0500_audit-hash-chain': m0500,
  '2026-11-28T0600_requests': m0600,
  '2026-11-28T0700_messages-documents': m0700,
  '2026-11-28T0710_request-search': m0710,
  '2026-11-28T0800_warrants': m0800w,
  '2026-11-28T0810_arrest-strategies-opportunities': m0810,
  '2026-11-28T0820_assets': m0820,
  '2026-11-28T0830_request-persons-by-person': m0830rp,
  '2026-11-28T0840_request-list-indexes': m0840,
  '2026-11-28T0850_request-search-scope': m0850,
  '2026-11-28T0860_open-requests-by-deadline': m0860,
  '2026-11-28T0870_request-sort-orders': m0870,
  '2026-11-28T0880_sort-orders-carry-dates': m0880,
  '2026-11-28T0890_request-orders-within-a-state-or-organ': m0890,
  '2026-11-28T0900_request-addressee-from-the-request': m0900,
  '2026-11-28T0910_organ-counts-read-an-index': m0910,
  '2026-11-28T0920_credential-epoch': m0920,
  '2026-11-29T0930_request-search-by-addressee': m0930,
  '2026-11-29T0940_request-counts-epoch': m0940,
  '2026-11-29T0950_request-page-epoch': m0950,
  '2026-11-29T0960_request-search-epoch': m0960,
  '2026-11-29T1000_audit-read-journal': m1000,
  '2026-11-30T1010_request-warrants': m1010,
  '2026-11-30T1020_request-type-summary-fr': m1020,
  '2026-11-30T1100_notifications': m1100,
  '2026-11-30T1200_notification-preferences': m1200,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
