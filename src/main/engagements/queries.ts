/**
 * Engagements: visits out and in, meetings, forums, calls, with their participants and
 * the agreements they produced or followed up.
 */
import type { Engagement, EngagementRow } from '../../shared/domain/engagements.ts'
import type { ParsedInput } from '../../shared/contract.ts'
import { formatPersonName } from '../../shared/text/names.ts'
import { notFound, recordGone } from '../errors.ts'
import { type Ctx, type Db, stamp } from '../context.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../records.ts'

type EngagementFields = ParsedInput<'engagements.create'>

function rowsQuery(db: Db) {
  return db
    .selectFrom('engagement as e')
    .select(['e.id', 'e.kind', 'e.title', 'e.startDate', 'e.endDate', 'e.place'])
    .select((eb) =>
      eb
        .selectFrom('engagementParticipant as p')
        .select((eb2) => eb2.fn.countAll<number>().as('n'))
        .whereRef('p.engagementId', '=', 'e.id')
        .as('participantCount'),
    )
    .orderBy('e.startDate', 'desc')
}

const asRows = (rows: Array<Omit<EngagementRow, 'participantCount'> & { participantCount: number | null }>): EngagementRow[] =>
  rows.map((r) => ({ ...r, participantCount: Number(r.participantCount ?? 0) }))

export async function listEngagements(db: Db): Promise<EngagementRow[]> {
  return asRows(await rowsQuery(db).execute())
}

/** The timeline on a partner's page: engagements the partner (or a predecessor unit) took part in. */
export async function engagementsOf(db: Db, column: 'localityId' | 'organizationId' | 'personId', ids: string[]): Promise<EngagementRow[]> {
  if (ids.length === 0) return []
  return asRows(
    await rowsQuery(db)
      .where('e.id', 'in', db.selectFrom('engagementParticipant').select('engagementId').where(column, 'in', ids))
      .execute(),
  )
}

export async function getEngagement(db: Db, id: string): Promise<Engagement> {
  const e = await db.selectFrom('engagement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!e) throw notFound('engagement')
  const participants = await db
    .selectFrom('engagementParticipant as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('person as pe', 'pe.id', 'p.personId')
    .select(['p.localityId', 'p.organizationId', 'p.personId', 'p.role', 'l.nameVi as lName', 'o.nameVi as oName', 'o.abbreviation'])
    .select(['pe.familyName', 'pe.givenName', 'pe.nameOrder', 'pe.country as pCountry'])
    .where('p.engagementId', '=', id)
    .orderBy('p.position')
    .execute()
  const agreements = await db
    .selectFrom('engagementAgreement as ea')
    .innerJoin('agreement as a', 'a.id', 'ea.agreementId')
    .select(['a.id', 'a.titleVi', 'a.status'])
    .where('ea.engagementId', '=', id)
    .execute()
  return {
    ...e,
    participants: participants.map((p) => ({
      localityId: p.localityId,
      organizationId: p.organizationId,
      personId: p.personId,
      role: p.role,
      name: p.personId
        ? formatPersonName({ familyName: p.familyName ?? '', givenName: p.givenName ?? '', nameOrder: p.nameOrder ?? 'family_first', countryCode: p.pCountry })
        : p.localityId
          ? (p.lName ?? '')
          : p.abbreviation
            ? `${p.oName} (${p.abbreviation})`
            : (p.oName ?? ''),
    })),
    agreements,
  }
}

async function assertReferences(db: Db, input: EngagementFields) {
  const checks: Array<['locality' | 'organization' | 'person' | 'agreement', string[], string]> = [
    ['locality', input.participants.flatMap((p) => (p.localityId ? [p.localityId] : [])), 'participants'],
    ['organization', input.participants.flatMap((p) => (p.organizationId ? [p.organizationId] : [])), 'participants'],
    ['person', input.participants.flatMap((p) => (p.personId ? [p.personId] : [])), 'participants'],
    ['agreement', input.agreementIds, 'agreementIds'],
  ]
  for (const [table, ids, path] of checks) {
    const unique = [...new Set(ids)]
    if (unique.length === 0) continue
    const found = await db.selectFrom(table).select('id').where('id', 'in', unique).execute()
    if (found.length !== unique.length) {
      throw recordGone(path)
    }
  }
}

async function writeChildren(trx: Db, ctx: Ctx, engagementId: string, input: EngagementFields) {
  await assertReferences(trx, input)
  await trx.deleteFrom('engagementParticipant').where('engagementId', '=', engagementId).execute()
  await trx.deleteFrom('engagementAgreement').where('engagementId', '=', engagementId).execute()
  for (const [position, p] of input.participants.entries()) {
    await trx.insertInto('engagementParticipant').values({ ...stamp(ctx), engagementId, position, ...p }).execute()
  }
  for (const agreementId of new Set(input.agreementIds)) {
    await trx.insertInto('engagementAgreement').values({ engagementId, agreementId }).execute()
  }
}

const columns = ({ participants: _p, agreementIds: _a, ...rest }: EngagementFields) => rest

/** `fixedId` keeps a record's id when it comes from a data pack. */
export async function insertEngagement(trx: Db, ctx: Ctx, input: EngagementFields, fixedId?: string): Promise<string> {
  const id = await insertRecord(trx, ctx, 'engagement', { ...columns(input), ...(fixedId && { id: fixedId }) })
  await writeChildren(trx, ctx, id, input)
  return id
}

export function createEngagement(ctx: Ctx, input: EngagementFields): Promise<{ id: string }> {
  return write(ctx, async (trx) => ({ id: await insertEngagement(trx, ctx, input) }))
}

export function updateEngagement(ctx: Ctx, id: string, input: EngagementFields): Promise<void> {
  return write(ctx, async (trx) => {
    await updateRecord(trx, ctx, 'engagement', id, columns(input))
    await writeChildren(trx, ctx, id, input)
  })
}

export function deleteEngagement(ctx: Ctx, id: string): Promise<void> {
  return write(ctx, async (trx) => {
    await deleteRecord(trx, ctx, 'engagement', id)
  })
}
