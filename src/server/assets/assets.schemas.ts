import { z } from 'zod'
import { Classification } from '../access/classification.ts'
import { ASSET_STAGES, LATER_ACTIONS, STEP_ACTIONS } from './assets.lifecycle.ts'
import { CURRENCIES } from './assets.money.ts'

const Id = z.string().min(1).max(200)
const Code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,59}$/)
const IsoDate = z.iso.date().describe('ISO 8601 date (YYYY-MM-DD)')
const Text = (max: number) => z.string().trim().min(2).max(max)

export const AssetKind = z.enum([
  'bank_account',
  'real_estate',
  'vehicle',
  'company_share',
  'vessel',
  'aircraft',
  'cash',
  'virtual_asset',
  'other',
])
export const AssetStage = z.enum(ASSET_STAGES)
export const Purpose = z.enum(['evidence', 'reparations', 'legal_aid', 'forfeiture'])
export type Purpose = z.infer<typeof Purpose>
export const Currency = z.enum(CURRENCIES).describe('ISO 4217 code (allow-list, assets.money.ts)')
/** Exact decimals as text: no float ever carries money. */
export const Amount = z
  .string()
  .regex(/^(0|[1-9]\d{0,17})(\.\d{1,12})?$/)
  .describe('Exact decimal as text, e.g. "1250000.50"; no more decimals than the currency has')
export const Rate = z
  .string()
  .regex(/^(0|[1-9]\d{0,17})(\.\d{1,12})?$/)
  .describe('Exact decimal as text: units of the target currency per unit of the source currency')
const Iso3 = z.string().regex(/^[A-Z]{3}$/)

export const AssetParams = z.strictObject({ id: Id })
export const ClaimParams = z.strictObject({ id: Id, claimId: Id })
export const AlertParams = z.strictObject({ id: Id })

const PurposeFilter = z
  .union([Purpose, z.array(Purpose)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional()
const StageFilter = z
  .union([AssetStage, z.array(AssetStage)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional()

const FilterFields = {
  caseId: Id.optional(),
  personId: Id.optional(),
  jurisdiction: Iso3.optional(),
  stage: StageFilter,
  kind: AssetKind.optional(),
  purpose: PurposeFilter.describe('Assets carrying every purpose given'),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Frozen or seized assets whose order lapses within N days (lapsed ones included)'),
}

export const ListAssetsQuery = z.strictObject({
  ...FilterFields,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
})
export type ListAssetsQuery = z.infer<typeof ListAssetsQuery>
export type AssetFilterQuery = Pick<ListAssetsQuery, keyof typeof FilterFields>

export const CreateAssetBody = z.strictObject({
  caseId: Id,
  personId: Id.nullable().optional(),
  kind: AssetKind,
  description: Text(4000),
  jurisdiction: Iso3.describe('ISO 3166 alpha-3 of the State where the asset is'),
  purposes: z.array(Purpose).max(4).default([]),
  reparationsOrderRef: Text(200).nullable().optional(),
  classification: Classification.optional().describe("Default: confidential, in the case's compartment"),
  compartment: Code.nullable().optional().describe("Default: the case's compartment"),
  exParteParty: z.string().min(2).max(60).nullable().optional(),
  namedOrganisations: z
    .array(Code)
    .max(20)
    .default([])
    .describe('Organisations named on the asset, which may then know it exists (e.g. ICC-TFV for reparations)'),
  identification: z
    .strictObject({
      requestId: Id.nullable().optional().describe('A 93(1)(k) request, if identification followed one'),
      note: Text(4000).nullable().optional(),
    })
    .optional(),
  valuation: z
    .strictObject({ amount: Amount, currency: Currency, valuedOn: IsoDate, basis: Text(1000) })
    .optional()
    .describe('A first valuation, recorded with the asset'),
})
export type CreateAssetBody = z.infer<typeof CreateAssetBody>

const OrderInput = z.strictObject({
  issuingAuthority: Text(300),
  reference: Text(200),
  date: IsoDate,
  expiresOn: IsoDate.nullable().optional().describe('Required for freezing and seizure orders and renewals'),
})

export const StepBody = z.strictObject({
  action: z.enum(LATER_ACTIONS as [string, ...string[]]).describe('trace | freeze | seize | renew | forfeit | release'),
  requestId: Id.nullable().optional().describe('The 93(1)(k) request the step rests on (109 for forfeiture)'),
  order: OrderInput.nullable().optional(),
  note: Text(4000).nullable().optional(),
})
export type StepBody = z.infer<typeof StepBody>

export const ValuationBody = z.strictObject({
  amount: Amount,
  currency: Currency,
  valuedOn: IsoDate,
  basis: Text(1000).describe('How the value was established, and by whom (source)'),
})
export type ValuationBody = z.infer<typeof ValuationBody>

export const ClaimBody = z.strictObject({
  claimant: Text(300),
  nature: Text(2000).describe('What is claimed and on what ground (e.g. bona fide purchaser, mortgage)'),
  amount: Amount.nullable().optional(),
  currency: Currency.nullable().optional(),
  lodgedOn: IsoDate,
})
export type ClaimBody = z.infer<typeof ClaimBody>

export const ClaimStatusBody = z.strictObject({
  status: z.enum(['pending', 'upheld', 'dismissed']),
  note: Text(2000).nullable().optional(),
})
export type ClaimStatusBody = z.infer<typeof ClaimStatusBody>

const Money = z.object({ amount: z.string(), currency: Currency })

export const RequestLink = z.object({
  id: z.string(),
  reference: z.string().nullable().describe('Null when the request is not visible to the caller'),
  requestType: z.string().nullable(),
  addressee: z.string().nullable(),
  status: z.string().nullable(),
})

export const AssetStepSchema = z.object({
  id: z.string(),
  seq: z.number(),
  action: z.enum(STEP_ACTIONS as [string, ...string[]]),
  fromStage: AssetStage.nullable(),
  toStage: AssetStage,
  request: RequestLink.nullable(),
  order: z
    .object({
      issuingAuthority: z.string(),
      reference: z.string(),
      date: z.string(),
      expiresOn: z.string().nullable(),
    })
    .nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})

export const ValuationSchema = Money.extend({
  id: z.string(),
  valuedOn: z.string(),
  basis: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})

export const ClaimSchema = z.object({
  id: z.string(),
  claimant: z.string(),
  nature: z.string(),
  amount: z.string().nullable(),
  currency: Currency.nullable(),
  lodgedOn: z.string(),
  status: z.enum(['pending', 'upheld', 'dismissed']),
  statusNote: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
})

export const AssetSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string().nullable(),
  kind: AssetKind,
  description: z.string(),
  jurisdiction: z.string(),
  purposes: z.array(Purpose),
  reparationsOrderRef: z.string().nullable(),
  stage: AssetStage,
  orderExpiresOn: z.string().nullable(),
  daysToExpiry: z.number().nullable().describe('Days from today to the expiry of the order in force'),
  value: Money.extend({ valuedOn: z.string() }).nullable().describe('The latest valuation'),
  classification: Classification,
  compartment: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AssetSummary = z.infer<typeof AssetSummarySchema>

export const AssetListSchema = z.object({ items: z.array(AssetSummarySchema), nextCursor: z.string().nullable() })

export const AlertSchema = z.object({
  id: z.string(),
  assetId: z.string(),
  assetDescription: z.string(),
  caseId: z.string(),
  stage: AssetStage,
  kind: z.literal('order_expiring'),
  orderReference: z.string().nullable(),
  lapsesOn: z.string(),
  daysLeft: z.number(),
  status: z.enum(['open', 'acknowledged', 'dismissed', 'cleared']),
  raisedAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
})
export const AssetDetailSchema = AssetSummarySchema.extend({
  steps: z.array(AssetStepSchema),
  valuations: z.array(ValuationSchema),
  claims: z.array(ClaimSchema),
  openAlerts: z.array(AlertSchema),
  canRecord: z.boolean().describe('The caller owns the asset: records valuations, claims and steps'),
  allowedSteps: z.array(
    z.object({
      action: z.string(),
      to: AssetStage,
      legalBasis: z.string(),
      requestTypes: z.array(z.string()),
      isRequestRequired: z.boolean(),
      isOrderRequired: z.boolean(),
      isExpiryRequired: z.boolean(),
    }),
  ),
})
export type AssetDetail = z.infer<typeof AssetDetailSchema>

export const ListAlertsQuery = z.strictObject({
  status: z
    .union([
      z.enum(['open', 'acknowledged', 'dismissed', 'cleared']),
      z.array(z.enum(['open', 'acknowledged', 'dismissed', 'cleared'])),
    ])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe('Default: open and acknowledged'),
  caseId: Id.optional(),
})
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>
export const AlertListSchema = z.object({ items: z.array(AlertSchema) })
export const AlertResolutionBody = z.strictObject({
  resolution: z.enum(['acknowledged', 'dismissed']),
  note: Text(2000).nullable().optional(),
})
export const SweepResultSchema = z.object({ raised: z.number(), checked: z.number(), asOf: z.string() })

export const TotalsQuery = z.strictObject({
  ...FilterFields,
  currency: Currency.optional().describe('Convert into this currency with recorded rates'),
  asOf: IsoDate.optional().describe('Use the latest rate recorded on or before this date (default: today)'),
})
export type TotalsQuery = z.infer<typeof TotalsQuery>

const RateUsed = z.object({
  id: z.string(),
  rate: z.string(),
  asOf: z.string(),
  source: z.string(),
})
export const TotalsSchema = z.object({
  asOf: z.string(),
  target: Currency.nullable(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      byCurrency: z.array(Money.extend({ assetCount: z.number() })),
      unvaluedCount: z.number().describe('Assets without any valuation: not in any total'),
      converted: z
        .object({
          currency: Currency,
          total: z.string().describe('Sum of the converted lines only'),
          lines: z.array(
            z.object({
              from: Money,
              to: Money,
              rate: RateUsed.nullable().describe('Null when the currency is already the target'),
            }),
          ),
          unconverted: z.array(
            Money.extend({ reason: z.string() }).describe('No recorded rate: left out of the converted total'),
          ),
        })
        .nullable(),
    }),
  ),
})
export type Totals = z.infer<typeof TotalsSchema>

export const ExchangeRateBody = z.strictObject({
  from: Currency,
  to: Currency,
  rate: Rate,
  asOf: IsoDate,
  source: Text(500).describe('Where the rate comes from, e.g. "ECB euro foreign exchange reference rates"'),
})
export type ExchangeRateBody = z.infer<typeof ExchangeRateBody>
export const ExchangeRateSchema = z.object({
  id: z.string(),
  from: Currency,
  to: Currency,
  rate: z.string(),
  asOf: z.string(),
  source: z.string(),
  isDemo: z.boolean(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})
export const ListExchangeRatesQuery = z.strictObject({ from: Currency.optional(), to: Currency.optional() })
export const ExchangeRateListSchema = z.object({ items: z.array(ExchangeRateSchema) })
