import type { RomeStatus } from './states.api.ts'

// One colour per Rome Statute status, shared by the map, its legend and the badges.
// White text on party, withdrawn and non_party is above 4.5:1; signatory takes dark text.
export const ROME_STATUS_COLORS: Record<RomeStatus, string> = {
  party: '#1d4e89',
  signatory: '#f0b429',
  withdrawn: '#a23b2c',
  non_party: '#5f6b7a',
}

export const NO_DATA_COLOR = '#dde1e6'
