import { z } from 'zod'
import { NOTIFICATION_MODES } from './notifications.table.ts'

export const NotificationModeSchema = z
  .enum(NOTIFICATION_MODES)
  .describe('each: a mail for each event as it happens; daily: one summary a day; none: no mail')

export const NotificationPreferenceSchema = z.object({
  mode: NotificationModeSchema,
  summaryHourUtc: z.number().int().min(0).max(23).describe('The hour (UTC) at which the summary a day leaves'),
})

export const NotificationPreferenceBody = z.strictObject({ mode: NotificationModeSchema })
