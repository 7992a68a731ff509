import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { parseJson, toJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { ListRequestsQuery } from './requests.schemas.ts'
import type { SavedViewRow } from './requests.table.ts'

// Saved views: a user's named sets of list filters. A view holds the list's query string as
// given (so a client can put it back in the URL), validated with the list's own schema; it is
// the user's own and nobody else's — views are neither shared nor visible to administrators.

const MAX_VIEWS_PER_USER = 100

/** The list's filters, sort and page size as a query string would carry them. */
const FilterValue = z.union([z.string().max(500), z.array(z.string().max(500)).max(20)])
export const SavedViewFilters = z
  .record(z.string().max(40), FilterValue)
  .refine((f) => !('cursor' in f), { message: 'A view keeps filters, not a position in a list (no cursor)' })
  .superRefine((f, ctx) => {
    const checked = ListRequestsQuery.safeParse(f)
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom' })
  })
  .describe("The list's query parameters (GET /requests): q, addressee, status, sort…")

export const SaveViewBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  filters: SavedViewFilters,
})
export type SaveViewBody = z.infer<typeof SaveViewBody>
export const ViewParams = z.strictObject({ id: z.string().min(1).max(200) })

export const SavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: z.record(z.string(), FilterValue),
  createdAt: z.string(),
})
export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema) })
export type SavedView = z.infer<typeof SavedViewSchema>

function owner(ctx: Ctx): UserActor {
  // The route policy admits signed-in users only; this keeps the service honest on its own.
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to keep views')
  return ctx.actor
}

function toSavedView(row: SavedViewRow): SavedView {
  return { id: row.id, name: row.name, filters: parseJson(row.filters), createdAt: row.created_at }
}

// Queries: always by owner, so no user reads or deletes another's view.
const listViewRows = (db: Db, userId: string) =>
  db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).orderBy('name').execute()
const findViewByName = (db: Db, userId: string, name: string) =>
  db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).where('name', '=', name).executeTakeFirst()

export async function listSavedViews(ctx: Ctx) {
  return { items: (await listViewRows(ctx.db, owner(ctx).userId)).map(toSavedView) }
}

/** Saves a view; saving under a name the user already has replaces that view's filters. */
export async function saveView(ctx: Ctx, input: SaveViewBody): Promise<SavedView> {
  const actor = owner(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findViewByName(trx, actor.userId, input.name)
    const row: SavedViewRow = existing
      ? { ...existing, filters: toJson(input.filters) }
      : {
          id: randomUUID(),
          user_id: actor.userId,
          name: input.name,
          filters: toJson(input.filters),
          created_at: ctx.now().toISOString(),
        }
    if (existing) {
      await trx.updateTable('saved_views').set({ filters: row.filters }).where('id', '=', row.id).execute()
    } else {
      const count = (await listViewRows(trx, actor.userId)).length
      if (count >= MAX_VIEWS_PER_USER)
        throw new AppError('RECORD_INVALID', `At most ${MAX_VIEWS_PER_USER} saved views per user`)
      await trx.insertInto('saved_views').values(row).execute()
    }
    await recordAuditEvent(ctx, trx, {
      action: existing ? 'request_view.replaced' : 'request_view.saved',
      recordType: 'saved_view',
      recordId: row.id,
      details: { name: row.name, filters: input.filters },
    })
    return toSavedView(row)
  })
}

/** Deletes one of the user's own views; another user's view is "not found", as if absent. */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const actor = owner(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('saved_views')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) !== 1) throw new AppError('RECORD_NOT_FOUND', `No saved view ${id}`)
    await recordAuditEvent(ctx, trx, { action: 'request_view.deleted', recordType: 'saved_view', recordId: id })
  })
}
