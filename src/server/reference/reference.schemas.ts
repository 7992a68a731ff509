import { z } from 'zod'
import { ADDRESSED_TO, ORIGINATING_ORGANS } from './reference.request-rules.ts'

export const RequestTypeSchema = z.object({
  code: z.string(),
  category: z.enum(['assistance', 'other']),
  ref: z.string(),
  label: z.string(),
  statuteText: z.string().nullable(),
  summary: z.string().nullable().describe('Our own words, in English'),
  summaryFr: z.string().nullable().describe('The same in French (our own translation)'),
  legalBasis: z.array(z.string()),
  obligatoryForStatesParties: z.boolean(),
  addressedTo: z
    .enum(ADDRESSED_TO)
    .describe(
      'Whom a request of this type can go to: any State, a State not party (87(5)(a)), an organisation (87(6)), or a State or an organisation (15(2), a preliminary examination)',
    ),
  originatedBy: z
    .array(z.enum(ORIGINATING_ORGANS))
    .describe(
      'The organs that originate it: a Court organ, or defence (arrest, provisional arrest and transit by the Chambers or the Registry; enforcement by the Presidency or the Registry; a preliminary examination by the Prosecutor)',
    ),
  requestableByDefence: z
    .boolean()
    .describe('The Defence may request it (article 57(3)(b)): not arrest, transit or enforcement'),
  restsOnWarrant: z
    .boolean()
    .describe(
      'A request of this type carries out warrants of arrest and names them (warrantIds): arrest and surrender, provisional arrest, transit',
    ),
})

export const StatuteArticleSchema = z.object({
  article: z.string(),
  part: z.string(),
  partTitle: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  paragraphs: z.array(
    z.object({
      ref: z.string(),
      text: z.string().nullable().describe('null for a chapeau-only paragraph number'),
      crossCheck: z.string().nullable(),
    }),
  ),
  textStatus: z.string(),
  source: z.string().nullable(),
  verified: z.boolean(),
})

export const PublicWarrantSchema = z.object({
  id: z.string(),
  personName: z.string(),
  situation: z.string().nullable(),
  caseName: z.string().nullable(),
  warrantDates: z.array(z.string().nullable()).describe('null where the sources do not give the date'),
  crimes: z.array(z.string()),
  status: z.string(),
  statusAsOf: z.string().nullable(),
  isAtLarge: z.boolean(),
  sources: z.array(
    z.object({ key: z.string(), title: z.string(), url: z.string().nullable(), date: z.string().nullable() }),
  ),
  verified: z.boolean(),
  notes: z.string().nullable(),
})
