/**
 * Trips on the timelines of the register: a locality's (a destination, or a counterpart
 * met in the programme, its predecessor units included), an organization's (a
 * counterpart) and a person's (a counterpart, or a member of the delegation).
 *
 * The programme keeps its counterparts as a JSON list in one column; a record's id is a
 * UUID found in no other record, so a LIKE on it is exact and portable.
 */
import type { TripMention } from '../../shared/domain/trips.ts'
import type { Db } from '../context.ts'

type Role = TripMention['roles'][number]
export type Mentioned = { localityIds: string[] } | { organizationId: string } | { personId: string }

async function asCounterpart(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('itineraryItem')
    .select('tripId')
    .distinct()
    .where((eb) => eb.or(ids.map((id) => eb('counterparts', 'like', `%${id}%`))))
    .execute()
  return rows.map((r) => r.tripId)
}

export async function tripsOf(db: Db, who: Mentioned): Promise<TripMention[]> {
  const roles = new Map<string, Set<Role>>()
  const add = (ids: string[], role: Role) => ids.forEach((id) => roles.set(id, (roles.get(id) ?? new Set()).add(role)))
  if ('localityIds' in who && who.localityIds.length) {
    const dest = await db.selectFrom('tripDestination').select('tripId').where('localityId', 'in', who.localityIds).execute()
    add(dest.map((d) => d.tripId), 'destination')
  }
  const ids = 'localityIds' in who ? who.localityIds : 'organizationId' in who ? [who.organizationId] : [who.personId]
  add(await asCounterpart(db, ids), 'counterpart')
  if ('personId' in who) {
    const members = await db.selectFrom('tripMember').select('tripId').where('personId', '=', who.personId).execute()
    add(members.map((m) => m.tripId), 'member')
  }
  if (roles.size === 0) return []
  const tripIds = [...roles.keys()]
  const [trips, destinations] = await Promise.all([
    db.selectFrom('trip').select(['id', 'title', 'startDate', 'endDate', 'direction']).where('id', 'in', tripIds).orderBy('startDate', 'desc').execute(),
    db
      .selectFrom('tripDestination as d')
      .innerJoin('locality as l', 'l.id', 'd.localityId')
      .select(['d.tripId', 'l.nameVi'])
      .where('d.tripId', 'in', tripIds)
      .orderBy('d.position')
      .execute(),
  ])
  const order: Role[] = ['destination', 'counterpart', 'member']
  return trips.map((t) => ({
    ...t,
    destinations: destinations.filter((d) => d.tripId === t.id).map((d) => d.nameVi).join(', '),
    roles: order.filter((r) => roles.get(t.id)!.has(r)),
  }))
}
