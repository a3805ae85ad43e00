/**
 * What came of a trip's programme (issue 14): an item's follow-up (the commitments and
 * agreements that arose from it), and, once the delegation is back, "Ghi nhận vào sổ":
 * each meeting and forum of the trip becomes an engagement of the register with its
 * participants, outcomes and the agreements signed at it, so that the counterparts'
 * timelines show it. An engagement names its item, so recording twice makes no duplicates.
 */
import type { ItemFollowUp } from '../../shared/domain/report.ts'
import { MEMBER_ROLES, labelOf } from '../../shared/domain/labels.ts'
import type { ParsedInput } from '../../shared/contract.ts'
import type { Ctx, Db } from '../context.ts'
import { AppError } from '../errors.ts'
import { insertEngagement } from '../engagements/queries.ts'
import { write } from '../records.ts'
import { getTrip } from './queries.ts'

/** The kinds of programme item that are engagements of the register. */
export const ENGAGEMENT_ITEMS = { meeting: 'meeting', forum: 'forum' } as const

export async function itemFollowUp(db: Db, itemId: string): Promise<ItemFollowUp> {
  const [commitments, agreements, engagement] = await Promise.all([
    db.selectFrom('commitment').select(['id', 'updatedAt', 'action', 'owner', 'dueDate', 'status', 'agreementId', 'notes']).where('itineraryItemId', '=', itemId).orderBy('dueDate').orderBy('id').execute(),
    db.selectFrom('agreement').select(['id', 'titleVi', 'signedDate', 'status']).where('itineraryItemId', '=', itemId).orderBy('signedDate').execute(),
    db.selectFrom('engagement').select('id').where('itineraryItemId', '=', itemId).executeTakeFirst(),
  ])
  return { commitments, agreements, engagementId: engagement?.id ?? null }
}

type EngagementFields = ParsedInput<'engagements.create'>

export function recordInRegister(ctx: Ctx, tripId: string): Promise<{ created: number; existing: number }> {
  return write(ctx, async (trx) => {
    const trip = await getTrip(trx, tripId)
    if (ctx.today() <= trip.endDate) throw new AppError('trip_not_returned', { end: trip.endDate })
    const items = trip.items.filter((i): i is typeof i & { kind: keyof typeof ENGAGEMENT_ITEMS } => i.kind in ENGAGEMENT_ITEMS)
    let created = 0
    let existing = 0
    for (const item of items) {
      if (await trx.selectFrom('engagement').select('id').where('itineraryItemId', '=', item.id).executeTakeFirst()) {
        existing++
        continue
      }
      const signed = await trx.selectFrom('agreement').select('id').where('itineraryItemId', '=', item.id).execute()
      const counterparts = item.counterparts.filter((c) => c.exists).map((c) => ({ localityId: c.localityId, organizationId: c.organizationId, personId: c.personId, role: null }))
      // The delegation's members in the register take part too, with their role in it.
      const members = trip.members.filter((m) => m.personId).map((m) => ({ localityId: null, organizationId: null, personId: m.personId, role: labelOf(MEMBER_ROLES, m.role, 'vi') }))
      const home = trip.homeLocalityId ? [{ localityId: trip.homeLocalityId, organizationId: null, personId: null, role: null }] : []
      const seen = new Set<string>()
      const participants = [...home, ...counterparts, ...members].filter((p) => {
        const key = p.localityId ?? p.organizationId ?? p.personId ?? ''
        return !seen.has(key) && !!seen.add(key)
      })
      const input: EngagementFields & { itineraryItemId: string } = {
        kind: ENGAGEMENT_ITEMS[item.kind],
        title: item.title,
        startDate: item.start.slice(0, 10),
        endDate: item.end && item.end.slice(0, 10) !== item.start.slice(0, 10) ? item.end.slice(0, 10) : null,
        place: item.place,
        summary: item.purpose,
        outcomes: item.outcomes,
        sources: `Chuyến công tác: ${trip.title}`,
        participants,
        agreementIds: signed.map((a) => a.id),
        itineraryItemId: item.id,
      }
      await insertEngagement(trx, ctx, input)
      created++
    }
    return { created, existing }
  })
}
