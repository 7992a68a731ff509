import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Actor, UserActor } from '../context.ts'
import type { Database } from '../db/tables.ts'

// THE need-to-know rule, written once. Every repository of a protected record filters its
// queries with visibleTo(), so lists, search, counts, exports and single reads all obey it; a
// record that exists but is not visible is answered exactly like one that does not exist.
// docs/access.md states the rule in words; access/visibility.test.ts checks every case of it.

/** Roles that administer or audit the platform: they see no content beyond public by default. */
const NO_CONTENT_ROLES = new Set(['admin', 'auditor'])

export type ProtectedTable = {
  /** The record type as stored in record_recipients / record_delegations. */
  recordType: string
  /** Qualified column names of the record's table (or alias). */
  id: string
  classification: string
  compartment: string
  exParteParty: string
  /**
   * For records that have a working life before they are released (a request is internal to the
   * Court while draft or approved): the condition under which a `public` record is public. Until
   * then it is known only to Court staff of its compartment and to those named on it.
   */
  released?: (eb: Eb) => Expression<SqlBool>
  /**
   * For records with exactly one addressee that learns of them on release (a request, on
   * transmission): the qualified column naming the addressee organisation. The record itself then
   * says who its addressee is, and record_recipients holds no `addressee` row for it. Reading the
   * request's own column spares a probe into record_recipients for every request a State counts or
   * lists: at 1,000,000 requests a State's counts took 30–40 ms, of which 95 % were those probes.
   */
  addressee?: string
}

export function protectedColumns(alias: string, recordType: string, idColumn = 'id'): ProtectedTable {
  return {
    recordType,
    id: `${alias}.${idColumn}`,
    classification: `${alias}.classification`,
    compartment: `${alias}.compartment_code`,
    exParteParty: `${alias}.ex_parte_party`,
  }
}

type Eb = ExpressionBuilder<Database, any>

/**
 * How the query reads the protected rows, which decides how the recipients are checked (the rule
 * is the same either way):
 * - 'few': a page, one record, a State's list: each row checked probes record_recipients for it;
 * - 'many': a count over as many rows as the filters leave: the rows naming the actor are read
 *   once, as a set, and each row is looked up in it. At 1,000,000 requests a focal point's counts
 *   of every request took 1.4 s with a probe per row, 0.17 s with the set. For a page the set
 *   costs more than it saves (it is read whole before the first row).
 */
export type Reading = 'few' | 'many'

type Rule = ProtectedTable & { reading: Reading }

/** A where-clause: the rows of `table` that `actor` may know exist. */
export function visibleTo(actor: Actor, table: ProtectedTable, reading: Reading = 'few') {
  const t: Rule = { ...table, reading }
  return (eb: Eb): Expression<SqlBool> => {
    const isPublic = eb(sql.ref(t.classification), '=', 'public')
    const released = t.released ? eb.and([isPublic, t.released(eb)]) : isPublic
    if (actor.kind !== 'user' || NO_CONTENT_ROLES.has(actor.role)) return released
    const unreleasedPublic = t.released ? [eb.and([isPublic, unreleasedNeedToKnow(eb, actor, t)])] : []
    return eb.or([released, ...unreleasedPublic, ...needToKnow(eb, actor, t)])
  }
}

/** Who knows a public record before its release: its compartment's Court staff and those named. */
function unreleasedNeedToKnow(eb: Eb, actor: UserActor, t: Rule): Expression<SqlBool> {
  const named = namedRecipient(eb, actor, t)
  if (actor.orgKind !== 'court_organ' || actor.compartments.length === 0) return named
  return eb.or([eb(sql.ref(t.compartment), 'in', [...actor.compartments]), named])
}

/** The record names the actor (or, unless `who` is 'user', its organisation) in record_recipients. */
function namedRecipient(eb: Eb, actor: UserActor, t: Rule, who: Who = 'org-or-user') {
  return recipientRows(eb, actor, t, ['named'], who)
}

/** The record is addressed to the actor's organisation, or names it or the actor. */
function addresseeOrNamed(eb: Eb, actor: UserActor, t: Rule): Expression<SqlBool> {
  if (!t.addressee) return recipientRows(eb, actor, t, ['addressee', 'named'], 'org-or-user')
  const addressed = eb(sql.ref(t.addressee), '=', actor.orgCode)
  return eb.or([t.released ? eb.and([addressed, t.released(eb)]) : addressed, namedRecipient(eb, actor, t)])
}

type Who = 'org-or-user' | 'user'

/**
 * Rows of record_recipients naming the actor (or its organisation) on the record. Each key is
 * read led by the actor (record_recipients_by_org, _by_user): a State's or an organ's rows sit
 * together there. 'few': one probe per row checked, which stays within those few pages where
 * probing by record jumped across the whole table (2.2 µs instead of 6 µs a probe at 1,000,000
 * requests). 'many': the actor's rows read once, as a set, each row looked up in it.
 */
function recipientRows(
  eb: Eb,
  actor: UserActor,
  t: Rule,
  kinds: readonly ('addressee' | 'named')[],
  who: Who,
): Expression<SqlBool> {
  const rows = (key: 'rr.org_code' | 'rr.user_id', value: string) =>
    eb
      .selectFrom('record_recipients as rr')
      .select('rr.record_id')
      .where('rr.record_type', '=', t.recordType)
      .where(key, '=', value)
      .where('rr.kind', 'in', [...kinds])
  const byUser = rows('rr.user_id', actor.userId)
  if (who === 'user') {
    return t.reading === 'many'
      ? eb(sql.ref(t.id), 'in', byUser)
      : eb.exists(byUser.where(sql.ref('rr.record_id'), '=', sql.ref(t.id)))
  }
  const byOrg = rows('rr.org_code', actor.orgCode)
  if (t.reading === 'many') return eb(sql.ref(t.id), 'in', byOrg.unionAll(byUser))
  return eb.or([byOrg, byUser].map((r) => eb.exists(r.where(sql.ref('rr.record_id'), '=', sql.ref(t.id)))))
}

function needToKnow(eb: Eb, actor: UserActor, t: Rule): Expression<SqlBool>[] {
  const classification = sql.ref(t.classification)
  const inOwnCompartment =
    actor.compartments.length > 0 ? eb(sql.ref(t.compartment), 'in', [...actor.compartments]) : sql<SqlBool>`1 = 0`
  const delegated = eb.exists(
    eb
      .selectFrom('record_delegations as rd')
      .select(sql`1`.as('one'))
      .where('rd.record_type', '=', t.recordType)
      .where(sql.ref('rd.record_id'), '=', sql.ref(t.id))
      .where('rd.user_id', '=', actor.userId),
  )
  const is = (c: string) => eb(classification, '=', c)

  switch (actor.orgKind) {
    case 'court_organ':
      // Court staff see through their compartments; ex parte only for the named party and Chambers.
      return [
        eb.and([eb(classification, 'in', ['confidential', 'under_seal']), inOwnCompartment]),
        actor.orgCode === 'ICC-CHAMBERS'
          ? eb.and([is('ex_parte'), inOwnCompartment])
          : eb.and([is('ex_parte'), inOwnCompartment, eb(sql.ref(t.exParteParty), '=', actor.orgCode)]),
        eb.and([is('confidential'), addresseeOrNamed(eb, actor, t)]),
        eb.and([is('under_seal'), namedRecipient(eb, actor, t)]),
      ]
    case 'state':
    case 'io':
      if (actor.role === 'focal-point') {
        return [
          eb.and([is('confidential'), addresseeOrNamed(eb, actor, t)]),
          eb.and([is('under_seal'), namedRecipient(eb, actor, t)]),
        ]
      }
      // A State authority officer sees only what the focal point delegated, or names them.
      return [
        eb.and([
          eb(classification, 'in', ['confidential', 'under_seal']),
          eb.or([delegated, namedRecipient(eb, actor, t, 'user')]),
        ]),
      ]
    case 'defence':
      // A Defence team is a party: compartment membership gives it nothing of the Prosecution's.
      return [
        eb.and([is('confidential'), addresseeOrNamed(eb, actor, t)]),
        eb.and([is('under_seal'), namedRecipient(eb, actor, t)]),
        eb.and([is('ex_parte'), eb(sql.ref(t.exParteParty), '=', actor.orgCode)]),
      ]
    case 'assembly':
      return [
        eb.and([is('confidential'), addresseeOrNamed(eb, actor, t)]),
        eb.and([is('under_seal'), namedRecipient(eb, actor, t)]),
      ]
  }
}
