import type { AssetStage } from './assets.table.ts'

// The life of an asset under article 93(1)(k) ("identification, tracing and freezing or seizure
// of proceeds, property and assets and instrumentalities of crimes for the purpose of eventual
// forfeiture, without prejudice to the rights of bona fide third parties"), 57(3)(e) (protective
// measures for forfeiture, for the ultimate benefit of victims), 77(2)(b) and 109 (forfeiture
// and its enforcement by States), 75 (reparations). docs/assets.md explains each step.
//
//   identified → traced → frozen → seized → forfeited
//        └────────┴──────→ frozen ──────────┘   ↘ released (from frozen or seized)
//
// A release lifts the freezing or seizure order: the asset goes back to whoever holds it (an
// acquittal, a bona fide third party's claim upheld, an order left to lapse). It is final for
// this record: a new measure against the same property is a new asset record.

export const ASSET_STAGES = ['identified', 'traced', 'frozen', 'seized', 'forfeited', 'released'] as const
export const FINAL_STAGES: readonly AssetStage[] = ['forfeited', 'released']
/** Stages under an order with an expiry date (freezing or seizure): what the sweep watches. */
export const ORDER_STAGES: readonly AssetStage[] = ['frozen', 'seized']

export const ASSET_REQUEST_TYPE = 'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE'
/** Article 109 requests enforce forfeiture orders: a forfeiture may rest on one too. */
export const FORFEITURE_REQUEST_TYPE = 'FINES_FORFEITURE_REPARATIONS_ENFORCEMENT'

export type StepRule = {
  to: AssetStage
  from: readonly AssetStage[]
  /** The request types the step may rest on; empty: the step may be recorded without one. */
  requestTypes: readonly string[]
  isRequestRequired: boolean
  /** The order behind the step (issuing authority, reference, date) must be given. */
  isOrderRequired: boolean
  /** The order has an expiry date that must be given (freezing, seizure and their renewals). */
  isExpiryRequired: boolean
  legalBasis: string
}

export const STEPS = {
  // Identification may come from the Court's own investigation, before any request: the request
  // is optional, and checked like the others when given.
  identify: {
    to: 'identified',
    from: [],
    requestTypes: [ASSET_REQUEST_TYPE],
    isRequestRequired: false,
    isOrderRequired: false,
    isExpiryRequired: false,
    legalBasis: '93(1)(k)',
  },
  trace: {
    to: 'traced',
    from: ['identified'],
    requestTypes: [ASSET_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: false,
    isExpiryRequired: false,
    legalBasis: '93(1)(k)',
  },
  freeze: {
    to: 'frozen',
    from: ['identified', 'traced'],
    requestTypes: [ASSET_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: true,
    isExpiryRequired: true,
    legalBasis: '93(1)(k), 57(3)(e)',
  },
  seize: {
    to: 'seized',
    from: ['traced', 'frozen'],
    requestTypes: [ASSET_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: true,
    isExpiryRequired: true,
    legalBasis: '93(1)(k), 57(3)(e)',
  },
  // The order in force is renewed: same stage, new order and expiry, kept in the history.
  renew: {
    to: 'frozen', // replaced by the current stage (frozen or seized) when applied
    from: ['frozen', 'seized'],
    requestTypes: [ASSET_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: true,
    isExpiryRequired: true,
    legalBasis: '93(1)(k)',
  },
  forfeit: {
    to: 'forfeited',
    from: ['frozen', 'seized'],
    requestTypes: [ASSET_REQUEST_TYPE, FORFEITURE_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: true,
    isExpiryRequired: false,
    legalBasis: '77(2)(b), 93(1)(k), 109',
  },
  release: {
    to: 'released',
    from: ['frozen', 'seized'],
    requestTypes: [ASSET_REQUEST_TYPE, FORFEITURE_REQUEST_TYPE],
    isRequestRequired: true,
    isOrderRequired: true,
    isExpiryRequired: false,
    legalBasis: '93(1)(k) (rights of bona fide third parties)',
  },
} as const satisfies Record<string, StepRule>

export type StepAction = keyof typeof STEPS
export const STEP_ACTIONS = Object.keys(STEPS) as StepAction[]
/** Steps taken on an existing asset (identification is its creation). */
export const LATER_ACTIONS = STEP_ACTIONS.filter((a) => a !== 'identify')

export function allowedSteps(stage: AssetStage): StepAction[] {
  return LATER_ACTIONS.filter((a) => (STEPS[a].from as readonly AssetStage[]).includes(stage))
}

/** The stage a step leads to from `stage` (a renewal keeps it). */
export function stageAfter(action: StepAction, stage: AssetStage): AssetStage {
  return action === 'renew' ? stage : STEPS[action].to
}

export function isOrderStage(stage: string): boolean {
  return (ORDER_STAGES as readonly string[]).includes(stage)
}
