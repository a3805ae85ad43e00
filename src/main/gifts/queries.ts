/**
 * Gifts and protocol history per counterpart (issue 14): given and received, the date, the
 * occasion (in words, and the trip or engagement it was), a description. Listed on the
 * counterpart's page and in the brief's meeting outline, so that the next visit does not
 * repeat a gift.
 */
import type { ParsedInput } from '../../shared/contract.ts'
import type { Gift } from '../../shared/domain/gifts.ts'
import type { Ctx, Db } from '../context.ts'
import { recordGone } from '../errors.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../records.ts'

type GiftFields = ParsedInput<'gifts.create'>

/** Gifts of any of these counterparts (people, organizations, localities), newest first. */
export async function giftsOf(db: Db, counterpartIds: readonly string[]): Promise<Gift[]> {
  if (counterpartIds.length === 0) return []
  const ids = [...new Set(counterpartIds)]
  return db
    .selectFrom('gift as g')
    .leftJoin('trip as t', 't.id', 'g.tripId')
    .leftJoin('engagement as e', 'e.id', 'g.engagementId')
    .selectAll('g')
    .select((eb) => eb.fn.coalesce('t.title', 'e.title').as('occasionTitle'))
    .where((eb) => eb.or([eb('g.personId', 'in', ids), eb('g.organizationId', 'in', ids), eb('g.localityId', 'in', ids)]))
    .orderBy('g.date', 'desc')
    .orderBy('g.id')
    .execute()
}

async function assertRefs(db: Db, input: GiftFields) {
  const checks = [
    ['person', input.personId, 'personId'],
    ['organization', input.organizationId, 'organizationId'],
    ['locality', input.localityId, 'localityId'],
    ['trip', input.tripId, 'tripId'],
    ['engagement', input.engagementId, 'engagementId'],
  ] as const
  for (const [table, id, field] of checks) {
    if (id && !(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())) throw recordGone(field)
  }
}

export async function insertGift(trx: Db, ctx: Ctx, input: GiftFields, fixedId?: string): Promise<string> {
  await assertRefs(trx, input)
  return insertRecord(trx, ctx, 'gift', { ...input, ...(fixedId && { id: fixedId }) })
}

export function createGift(ctx: Ctx, input: GiftFields) {
  return write(ctx, async (trx) => ({ id: await insertGift(trx, ctx, input) }))
}

export function updateGift(ctx: Ctx, id: string, input: GiftFields, expectedUpdatedAt?: string) {
  return write(ctx, async (trx) => {
    await assertRefs(trx, input)
    await updateRecord(trx, ctx, 'gift', { id, expectedUpdatedAt }, input)
  })
}

export function deleteGift(ctx: Ctx, id: string) {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'gift', id))
}
