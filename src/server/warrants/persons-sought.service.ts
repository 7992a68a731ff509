import { randomUUID } from 'node:crypto'
import type { Classification } from '../access/classification.ts'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { actorLabel, actorOrg, type Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { parseJson, toBool, toJson } from '../db/values.ts'
import { decodeUpload, detectMediaType, sanitiseFilename } from '../documents/documents.content.ts'
import { openDocument, sealDocument, sha256Hex } from '../documents/documents.crypto.ts'
import { AppError, isAppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { findVisibleSituationForLink } from '../situations/situations.service.ts'
import type { PersonRow } from '../situations/situations.table.ts'
import type { WarrantStatus } from './warrants.lifecycle.ts'
import * as repo from './warrants.repository.ts'
import type {
  DetailsBody,
  ListPersonsSoughtQuery,
  PersonSought,
  PersonSoughtDetail,
  Photo,
  UploadPhotoBody,
  Warrant,
} from './warrants.schemas.ts'
import { auditReads, hydrateWarrants, mayManage } from './warrants.service.ts'
import { computeYearsAtLarge } from './warrants.years-at-large.ts'

// Persons sought: persons with at least one warrant the caller may see, with their aliases,
// nationalities, description and photos, and their years at large (warrants.years-at-large.ts).

/** Photos are images: the document checks apply, and then only PNG and JPEG are kept. */
const PHOTO_MEDIA_TYPES = new Set(['image/png', 'image/jpeg'])

/** Which status a person's row shows: at large first, then the living stages, then the endings. */
const STATUS_ORDER: WarrantStatus[] = [
  'at_large',
  'summoned',
  'arrested',
  'surrendered',
  'in_custody',
  'appeared',
  'deceased',
  'warrant_withdrawn',
  'proceedings_terminated',
]

type After = { name: string; id: string }
const isAfter = (v: unknown): v is After =>
  typeof v === 'object' && v !== null && typeof (v as After).name === 'string' && typeof (v as After).id === 'string'

export async function listPersonsSought(ctx: Ctx, query: ListPersonsSoughtQuery) {
  const after = query.cursor ? decodeCursor(query.cursor, isAfter) : null
  const filters = {
    ...(query.status && { status: query.status }),
    ...(query.situationId && { situationId: query.situationId }),
    ...(query.atLarge && { atLarge: query.atLarge === 'true' }),
    ...(query.q && { q: query.q }),
  }
  const rows = await repo.listVisiblePersonsSought(ctx.db, ctx.actor, filters, after, query.limit + 1)
  const total = await repo.countVisiblePersonsSought(ctx.db, ctx.actor, filters)
  const page = rows.slice(0, query.limit)
  const { items } = await assemble(ctx, ctx.db, page)
  const last = page.at(-1)
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    total,
  }
}

export async function getPersonSought(ctx: Ctx, personId: string): Promise<PersonSoughtDetail> {
  const row = await repo.findVisiblePersonSought(ctx.db, ctx.actor, personId)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No person sought ${personId}`)
  const { items, warrants } = await assemble(ctx, ctx.db, [row], 'read')
  const details = await repo.findDetails(ctx.db, personId)
  const photos = await repo.listPhotos(ctx.db, personId)
  const summary = items[0] as PersonSought
  return {
    ...summary,
    physicalDescription: details?.physical_description ?? null,
    warrants,
    photos: photos.map(toPhoto),
    canEdit: mayManage(ctx.actor, row),
    canUnseal:
      ctx.actor.kind === 'user' &&
      ctx.actor.orgKind === 'court_organ' &&
      ctx.actor.role === 'approver' &&
      warrants.some((w) => w.classification === 'under_seal' && w.compartment !== null),
  }
}

/** Summaries of persons (already checked visible), their visible warrants, audited when not public. */
async function assemble(ctx: Ctx, db: Db, persons: PersonRow[], how: 'listed' | 'read' = 'listed') {
  const ids = persons.map((p) => p.id)
  const warrantRows = await repo.listVisibleWarrantsOfPersons(db, ctx.actor, ids)
  const warrants = await hydrateWarrants(ctx, db, warrantRows)
  const details = new Map((await repo.listDetails(db, ids)).map((d) => [d.person_id, d]))
  const situations = new Map<string, { id: string; code: string; name: string } | null>()
  for (const situationId of new Set(persons.map((p) => p.situation_id))) {
    const s = await findVisibleSituationForLink(db, ctx.actor, situationId)
    situations.set(situationId, s ? { id: s.id, code: s.code, name: s.name } : null)
  }
  await auditReads(ctx, `person.${how}`, repo.PERSON_RECORD, persons)
  await auditReads(ctx, `warrant.${how}`, repo.WARRANT_RECORD, warrantRows)
  const today = ctx.now()
  const items = persons.map((p) => {
    const own = warrants.filter((w) => w.personId === p.id)
    return toPersonSought(p, own, details.get(p.id), situations.get(p.situation_id) ?? null, today)
  })
  return { items, warrants }
}

function toPersonSought(
  p: PersonRow,
  warrants: Warrant[],
  details: { aliases: unknown; nationalities: unknown; origin: string } | undefined,
  situation: PersonSought['situation'],
  today: Date,
): PersonSought {
  const statuses = new Set(warrants.map((w) => w.status))
  const status = STATUS_ORDER.find((s) => statuses.has(s)) ?? 'at_large'
  const years = computeYearsAtLarge(warrants, today)
  const origins = new Set([...warrants.map((w) => w.origin), ...(details ? [details.origin] : [])])
  const sources = new Map(warrants.flatMap((w) => w.sources).map((s) => [s.key, s]))
  return {
    id: p.id,
    name: p.name,
    aliases: details ? parseJson<string[]>(details.aliases) : [],
    nationalities: details ? parseJson<string[]>(details.nationalities) : [],
    situation,
    status,
    isAtLarge: years.isAtLarge,
    yearsAtLarge: years,
    isSealed: warrants.some((w) => w.classification === 'under_seal'),
    warrantCount: warrants.length,
    origin: origins.has('admin') ? 'admin' : origins.has('court') ? 'court' : 'reference',
    verified: warrants.every((w) => w.verified),
    sources: [...sources.values()],
    classification: p.classification as Classification,
    compartment: p.compartment_code,
    isDemo: toBool(p.is_demo),
  }
}

/** Aliases, nationalities and description: by Court staff of the person, or an administrator correcting reference data. */
export async function saveDetails(ctx: Ctx, personId: string, input: DetailsBody): Promise<PersonSoughtDetail> {
  const actor = ctx.actor
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisiblePersonSought(trx, actor, personId)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No person sought ${personId}`)
    const before = await repo.findDetails(trx, personId)
    const isAdminCorrection = actor.kind === 'user' && actor.role === 'admin' && row.classification === 'public'
    if (!mayManage(actor, row) && !isAdminCorrection)
      throw new AppError(
        'FORBIDDEN',
        "Court staff of the person's compartment (or an administrator, for public records) edit these details",
      )
    const nationalities = input.nationalities ?? (before ? parseJson<string[]>(before.nationalities) : [])
    const known = new Set((await repo.findStateCodes(trx, nationalities)).map((s) => s.iso3))
    const unknown = nationalities.filter((n) => !known.has(n))
    if (unknown.length > 0) throw new AppError('RECORD_INVALID', `Unknown ISO 3166 codes: ${unknown.join(', ')}`)
    const aliases = input.aliases ?? (before ? parseJson<string[]>(before.aliases) : [])
    const description =
      input.physicalDescription !== undefined ? input.physicalDescription : (before?.physical_description ?? null)
    // Reference details edited here are corrections: later reloads leave them alone.
    const isReference = row.id.startsWith('ref:') || (before !== undefined && before.origin !== 'court')
    const origin = isReference ? 'admin' : 'court'
    await repo.saveDetails(
      trx,
      {
        personId,
        aliases: toJson(aliases),
        nationalities: toJson([...new Set(nationalities)]),
        physicalDescription: description,
      },
      origin,
      actorLabel(actor),
      nowIso,
    )
    await recordAuditEvent(ctx, trx, {
      action: 'person.details_changed',
      recordType: repo.PERSON_RECORD,
      recordId: personId,
      classification: row.classification,
      details: { fields: Object.keys(input) },
    })
  })
  return getPersonSought(ctx, personId)
}

/** A photo is a document of the person: content-checked, encrypted at rest, audited. */
export async function uploadPhoto(
  ctx: Ctx,
  personId: string,
  input: UploadPhotoBody,
  maxBytes: number,
): Promise<Photo> {
  const bytes = decodeUpload(input.contentBase64, maxBytes, 'photo')
  const filename = sanitiseFilename(input.filename)
  const mediaType = detectMediaType(bytes, filename)
  if (!PHOTO_MEDIA_TYPES.has(mediaType))
    throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', 'Photos are PNG or JPEG (checked on the content)', { filename })
  const id = randomUUID()
  const sealed = sealDocument(ctx.secrets.encryptionKey, id, bytes)
  const sha256 = sha256Hex(bytes)
  const nowIso = ctx.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const person = await repo.findVisiblePersonSought(trx, ctx.actor, personId)
    if (!person) throw new AppError('RECORD_NOT_FOUND', `No person sought ${personId}`)
    if (!mayManage(ctx.actor, person))
      throw new AppError('FORBIDDEN', "Only Court staff of the person's compartment add photos")
    const row = {
      id,
      person_id: personId,
      filename,
      media_type: mediaType,
      size_bytes: bytes.length,
      sha256,
      caption: input.caption ?? null,
      uploaded_by: actorLabel(ctx.actor),
      uploaded_by_org: actorOrg(ctx.actor),
      created_at: nowIso,
    }
    await repo.insertPhoto(trx, {
      ...row,
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      iv: sealed.iv,
      tag: sealed.tag,
      ciphertext: sealed.ciphertext,
    })
    // No file name in the trail: it may itself say too much; the hash identifies the content.
    await recordAuditEvent(ctx, trx, {
      action: 'person.photo_uploaded',
      recordType: repo.PERSON_RECORD,
      recordId: personId,
      classification: person.classification,
      details: { photoId: id, sha256, sizeBytes: bytes.length, mediaType },
    })
    return toPhoto(row)
  })
}

/** The decrypted photo, for whoever may see the person sought; every download audited. */
export async function downloadPhoto(ctx: Ctx, personId: string, photoId: string) {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const person = await repo.findVisiblePersonSought(trx, ctx.actor, personId)
      const photo = person ? await repo.findPhotoWithContent(trx, personId, photoId) : undefined
      if (!person || !photo) throw new AppError('RECORD_NOT_FOUND', `No photo ${photoId}`)
      const content = openDocument(
        ctx.secrets.encryptionKey,
        photoId,
        {
          keyId: photo.key_id,
          wrappedKey: photo.wrapped_key,
          iv: photo.iv,
          tag: photo.tag,
          ciphertext: photo.ciphertext,
        },
        photo.sha256,
      )
      await recordAuditEvent(ctx, trx, {
        action: 'person.photo_downloaded',
        recordType: repo.PERSON_RECORD,
        recordId: personId,
        classification: person.classification,
        details: { photoId, sha256: photo.sha256 },
      })
      return { filename: photo.filename, mediaType: photo.media_type, content }
    })
  } catch (error) {
    if (isAppError(error) && error.code === 'DOCUMENT_INTEGRITY_FAILED') {
      ctx.log.error({ photoId, err: error }, 'photo integrity check failed')
      await recordAuditEvent(ctx, ctx.db, {
        action: 'person.photo_integrity_failed',
        recordType: repo.PERSON_RECORD,
        recordId: personId,
      })
    }
    throw error
  }
}

function toPhoto(row: {
  id: string
  filename: string
  media_type: string
  size_bytes: number
  sha256: string
  caption: string | null
  created_at: string
}): Photo {
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    caption: row.caption,
    createdAt: row.created_at,
  }
}
