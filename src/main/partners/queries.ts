/**
 * Partners: localities (provinces, prefectures...), organizations and people, with the
 * key figures (facts) recorded about them.
 */
import { sql } from 'kysely'
import type { LocalityDetail, OrganizationDetail, ParsedInput, PersonDetail } from '../../shared/contract.ts'
import type { LocalityRow, OrganizationRow, PersonRow } from '../../shared/domain/partners.ts'
import { compareVi, sortByVi } from '../../shared/text/collate.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import { agreementsOfLocality, agreementsOfOrganization, agreementsOfPerson } from '../agreements/queries.ts'
import type { Ctx, Db } from '../context.ts'
import { engagementsOf } from '../engagements/queries.ts'
import { tripsOf } from '../trips/mentions.ts'
import { AppError, notFound, recordGone } from '../errors.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../records.ts'
import { successorsOf, withLineage } from './lineage.ts'

// ---- localities -----------------------------------------------------------------------

export async function listLocalities(db: Db, filter: ParsedInput<'localities.list'>): Promise<LocalityRow[]> {
  let q = db.selectFrom('locality').selectAll()
  if (filter?.country) q = q.where('country', '=', filter.country)
  if (filter?.level) q = q.where('level', '=', filter.level)
  if (filter?.region) q = q.where('region', '=', filter.region)
  if (!filter?.includeHistorical) q = q.where('validTo', 'is', null)
  const rows = await q.execute()
  const successors = await successorsOf(db, rows.filter((r) => r.validTo).map((r) => r.id))
  return sortByVi(
    rows.map((l) => ({
      id: l.id,
      country: l.country,
      level: l.level,
      designationVi: l.designationVi,
      nameVi: l.nameVi,
      nameEn: l.nameEn,
      nameNative: l.nameNative,
      region: l.region,
      capital: l.capital,
      code: l.code,
      validTo: l.validTo,
      displayName: withLineage(l, successors.get(l.id)),
      isReference: l.refKey !== null,
    })),
    (r) => r.nameVi,
  )
}

async function personRows(db: Db, where: { column: 'localityId' | 'organizationId' | null; ids: string[] }): Promise<PersonRow[]> {
  let q = db
    .selectFrom('person as p')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .selectAll('p')
    .select(['o.nameVi as organizationName', 'l.nameVi as localityName'])
  if (where.column) {
    if (where.ids.length === 0) return []
    q = q.where(`p.${where.column}`, 'in', where.ids)
  }
  const rows = await q.execute()
  return rows
    .map((p) => {
      const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
      return {
        id: p.id,
        displayName: formatPersonName(name),
        nativeName: formatNativeName(name),
        title: p.title,
        country: p.country,
        organizationId: p.organizationId,
        organizationName: p.organizationName,
        localityId: p.localityId,
        localityName: p.localityName,
        termStart: p.termStart,
        termEnd: p.termEnd,
        sortKey: p.familyName,
      }
    })
    .sort((a, b) => compareVi(a.sortKey, b.sortKey))
    .map(({ sortKey: _s, ...row }) => row)
}

async function organizationRows(db: Db, localityId?: string): Promise<OrganizationRow[]> {
  let q = db
    .selectFrom('organization as o')
    .leftJoin('locality as l', 'l.id', 'o.localityId')
    .select(['o.id', 'o.kind', 'o.nameVi', 'o.nameEn', 'o.nameNative', 'o.abbreviation', 'o.country', 'o.localityId', 'l.nameVi as localityName'])
  if (localityId) q = q.where('o.localityId', '=', localityId)
  return sortByVi(await q.execute(), (o) => o.abbreviation ?? o.nameVi)
}

export async function getLocality(db: Db, id: string, today: string): Promise<LocalityDetail> {
  const locality = await db.selectFrom('locality').selectAll().where('id', '=', id).executeTakeFirst()
  if (!locality) throw notFound('locality')
  const successors = await db
    .selectFrom('localityLineage as l')
    .innerJoin('locality as s', 's.id', 'l.successorId')
    .select(['s.id', 's.nameVi', 's.nameEn', 's.designationVi', 'l.effectiveDate'])
    .where('l.predecessorId', '=', id)
    .execute()
  const predecessors = await db
    .selectFrom('localityLineage as l')
    .innerJoin('locality as p', 'p.id', 'l.predecessorId')
    .select(['p.id', 'p.nameVi', 'p.designationVi', 'l.effectiveDate'])
    .where('l.successorId', '=', id)
    .execute()
  const facts = await db
    .selectFrom('fact')
    .selectAll()
    .where((eb) => eb.or([eb('localityId', '=', id), eb('partnerLocalityId', '=', id)]))
    .orderBy('asOf', 'desc')
    .execute()
  return {
    locality,
    displayName: withLineage(locality, successors),
    successors,
    predecessors: sortByVi(predecessors, (p) => p.nameVi),
    organizations: await organizationRows(db, id),
    people: await personRows(db, { column: 'localityId', ids: [id] }),
    agreements: await agreementsOfLocality(db, id, today),
    engagements: await engagementsOf(db, 'localityId', [id, ...predecessors.map((p) => p.id)]),
    trips: await tripsOf(db, { localityIds: [id, ...predecessors.map((p) => p.id)] }),
    facts,
  }
}

const withFixedId = (fixedId?: string) => (fixedId ? { id: fixedId } : {})

/** `fixedId` keeps a record's id when it comes from a data pack. */
export async function insertLocality(trx: Db, ctx: Ctx, input: ParsedInput<'localities.create'>, fixedId?: string) {
  const id = await insertRecord(trx, ctx, 'locality', { ...input, refKey: null, ...withFixedId(fixedId) })
  return id
}

export function createLocality(ctx: Ctx, input: ParsedInput<'localities.create'>) {
  return write(ctx, async (trx) => ({ id: await insertLocality(trx, ctx, input) }))
}

export function updateLocality(ctx: Ctx, id: string, input: ParsedInput<'localities.create'>) {
  return write(ctx, async (trx) => {
    await updateRecord(trx, ctx, 'locality', id, input)
    })
}

/** Refuses with the counts when records still point at the unit. */
/** `checks`: the kind of record (an ENTITIES key) that may still point at it, and how many do. */
async function assertUnused(db: Db, entity: string, checks: Array<[entity: string, count: Promise<number>]>) {
  const uses: string[] = []
  for (const [what, count] of checks) {
    const n = await count
    if (n > 0) uses.push(`${what}:${n}`)
  }
  if (uses.length) throw new AppError('in_use', { entity, uses })
}

const countWhere = async (
  db: Db,
  table: 'agreementParty' | 'engagementParticipant' | 'person' | 'organization' | 'agreementSignatory' | 'localityLineage',
  column: string,
  id: string,
): Promise<number> => {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql.ref(column), '=', id)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export function deleteLocality(ctx: Ctx, id: string) {
  return write(ctx, async (trx) => {
    await assertUnused(trx, 'locality', [
      ['agreement', countWhere(trx, 'agreementParty', 'localityId', id)],
      ['engagement', countWhere(trx, 'engagementParticipant', 'localityId', id)],
      ['person', countWhere(trx, 'person', 'localityId', id)],
      ['organization', countWhere(trx, 'organization', 'localityId', id)],
    ])
    await deleteRecord(trx, ctx, 'locality', id)
  })
}

// ---- organizations --------------------------------------------------------------------

export const listOrganizations = (db: Db) => organizationRows(db)

export async function getOrganization(db: Db, id: string, today: string): Promise<OrganizationDetail> {
  const organization = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()
  if (!organization) throw notFound('organization')
  const locality = organization.localityId
    ? await db.selectFrom('locality').select('nameVi').where('id', '=', organization.localityId).executeTakeFirst()
    : undefined
  return {
    organization,
    localityName: locality?.nameVi ?? null,
    people: await personRows(db, { column: 'organizationId', ids: [id] }),
    agreements: await agreementsOfOrganization(db, id, today),
    engagements: await engagementsOf(db, 'organizationId', [id]),
    trips: await tripsOf(db, { organizationId: id }),
  }
}

async function assertLocality(db: Db, localityId: string | null) {
  if (!localityId) return
  const found = await db.selectFrom('locality').select('id').where('id', '=', localityId).executeTakeFirst()
  if (!found) {
    throw recordGone('localityId')
  }
}

async function assertOrganization(db: Db, organizationId: string | null) {
  if (!organizationId) return
  const found = await db.selectFrom('organization').select('id').where('id', '=', organizationId).executeTakeFirst()
  if (!found) {
    throw recordGone('organizationId')
  }
}

export async function insertOrganization(trx: Db, ctx: Ctx, input: ParsedInput<'organizations.create'>, fixedId?: string) {
  await assertLocality(trx, input.localityId)
  const id = await insertRecord(trx, ctx, 'organization', { ...input, refKey: null, ...withFixedId(fixedId) })
  return id
}

export function createOrganization(ctx: Ctx, input: ParsedInput<'organizations.create'>) {
  return write(ctx, async (trx) => ({ id: await insertOrganization(trx, ctx, input) }))
}

export function updateOrganization(ctx: Ctx, id: string, input: ParsedInput<'organizations.create'>) {
  return write(ctx, async (trx) => {
    await assertLocality(trx, input.localityId)
    await updateRecord(trx, ctx, 'organization', id, input)
    })
}

export function deleteOrganization(ctx: Ctx, id: string) {
  return write(ctx, async (trx) => {
    await assertUnused(trx, 'organization', [
      ['agreement', countWhere(trx, 'agreementParty', 'organizationId', id)],
      ['engagement', countWhere(trx, 'engagementParticipant', 'organizationId', id)],
      ['person', countWhere(trx, 'person', 'organizationId', id)],
    ])
    await deleteRecord(trx, ctx, 'organization', id)
  })
}

// ---- people ---------------------------------------------------------------------------

export const listPeople = (db: Db) => personRows(db, { column: null, ids: [] })

export async function getPerson(db: Db, id: string, today: string): Promise<PersonDetail> {
  const person = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst()
  if (!person) throw notFound('person')
  const [org, loc] = await Promise.all([
    person.organizationId ? db.selectFrom('organization').select('nameVi').where('id', '=', person.organizationId).executeTakeFirst() : undefined,
    person.localityId ? db.selectFrom('locality').select('nameVi').where('id', '=', person.localityId).executeTakeFirst() : undefined,
  ])
  const name = { ...person, givenName: person.givenName ?? '', countryCode: person.country }
  return {
    person,
    displayName: formatPersonName(name),
    nativeName: formatNativeName(name),
    organizationName: org?.nameVi ?? null,
    localityName: loc?.nameVi ?? null,
    agreements: await agreementsOfPerson(db, id, today),
    engagements: await engagementsOf(db, 'personId', [id]),
    trips: await tripsOf(db, { personId: id }),
  }
}

export async function insertPerson(trx: Db, ctx: Ctx, input: ParsedInput<'people.create'>, fixedId?: string) {
  await assertLocality(trx, input.localityId)
  await assertOrganization(trx, input.organizationId)
  const id = await insertRecord(trx, ctx, 'person', { ...input, ...withFixedId(fixedId) })
  return id
}

export function createPerson(ctx: Ctx, input: ParsedInput<'people.create'>) {
  return write(ctx, async (trx) => ({ id: await insertPerson(trx, ctx, input) }))
}

export function updatePerson(ctx: Ctx, id: string, input: ParsedInput<'people.create'>) {
  return write(ctx, async (trx) => {
    await assertLocality(trx, input.localityId)
    await assertOrganization(trx, input.organizationId)
    await updateRecord(trx, ctx, 'person', id, input)
    })
}

export function deletePerson(ctx: Ctx, id: string) {
  return write(ctx, async (trx) => {
    await assertUnused(trx, 'person', [
      ['signed_agreement', countWhere(trx, 'agreementSignatory', 'personId', id)],
      ['engagement', countWhere(trx, 'engagementParticipant', 'personId', id)],
    ])
    await deleteRecord(trx, ctx, 'person', id)
  })
}

// ---- facts ----------------------------------------------------------------------------

export async function insertFact(trx: Db, ctx: Ctx, input: ParsedInput<'facts.create'>, fixedId?: string) {
  // A figure is of a day that has been: one dated in the future cannot be true.
  if (input.asOf && input.asOf > ctx.today()) {
    throw new AppError('figure_in_future', {}, { details: [{ field: 'asOf', code: 'figure_in_future' }] })
  }
  await assertLocality(trx, input.localityId)
  await assertLocality(trx, input.partnerLocalityId)
  return insertRecord(trx, ctx, 'fact', { ...input, ...withFixedId(fixedId) })
}

export function createFact(ctx: Ctx, input: ParsedInput<'facts.create'>) {
  return write(ctx, async (trx) => ({ id: await insertFact(trx, ctx, input) }))
}

export function deleteFact(ctx: Ctx, id: string) {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'fact', id))
}
