/** A forum seen as a trip of meetings, for its one-brief-per-partner export. */
import type { Trip } from '../../shared/domain/trips.ts'
import type { Db } from '../context.ts'
import { getEngagement } from '../engagements/queries.ts'
import { counterpartNames } from '../trips/queries.ts'

/**
 * An engagement with many partners (the forum of 25/11/2025) seen as a trip of meetings:
 * one meeting per foreign participant, on the engagement's day, so that each can have its
 * short brief. Nothing is saved.
 */
export async function engagementTrip(db: Db, engagementId: string, homeLocalityId: string | null): Promise<Trip> {
  const e = await getEngagement(db, engagementId)
  const home = homeLocalityId ? await db.selectFrom('locality').select(['id', 'country', 'nameVi']).where('id', '=', homeLocalityId).executeTakeFirst() : undefined
  const homeCountry = home?.country ?? 'VN'
  const countryOf = new Map<string, string>()
  const ids = (key: 'localityId' | 'organizationId' | 'personId') => e.participants.flatMap((p) => (p[key] ? [p[key]!] : []))
  for (const [table, key] of [['locality', 'localityId'], ['organization', 'organizationId'], ['person', 'personId']] as const) {
    const list = ids(key)
    if (list.length) for (const r of await db.selectFrom(table).select(['id', 'country']).where('id', 'in', list).execute()) countryOf.set(r.id, r.country)
  }
  const foreign = e.participants.filter((p) => countryOf.get(p.localityId ?? p.organizationId ?? p.personId ?? '') !== homeCountry)
  const destinationIds = foreign.flatMap((p) => (p.localityId ? [p.localityId] : []))
  const destinations = destinationIds.length ? await db.selectFrom('locality').select(['id', 'nameVi', 'nameNative']).where('id', 'in', destinationIds).execute() : []
  const meta = { createdAt: e.createdAt, updatedAt: e.updatedAt, updatedBy: e.updatedBy, origin: e.origin }
  const names = await counterpartNames(db, foreign)
  const items = foreign.map((p, i) => {
    const counterpart = { personId: p.personId, organizationId: p.organizationId, localityId: p.localityId }
    const display = names.get(p.localityId ?? p.organizationId ?? p.personId ?? '') ?? p.name
    return {
      ...meta,
      id: `${engagementId}-${i + 1}`,
      tripId: engagementId,
      kind: 'meeting' as const,
      title: `Làm việc với ${display}`,
      start: `${e.startDate}T09:00`,
      end: null,
      place: e.place,
      counterparts: [{ ...counterpart, name: display, exists: true }],
      sectors: [],
      attendees: null,
      purpose: p.role ? `${p.role}. ${e.title}` : e.title,
      talkingPoints: null,
      asks: null,
      offers: null,
      sensitivities: null,
      logistics: null,
      outcomes: null,
      translations: {},
    }
  })
  return {
    ...meta,
    id: engagementId,
    title: e.title,
    homeLocalityId: home?.id ?? null,
    homeLocalityName: home?.nameVi ?? null,
    startDate: e.startDate,
    endDate: e.endDate ?? e.startDate,
    objectives: e.summary,
    notes: null,
    destinations,
    members: [],
    direction: 'out' as const,
    hosts: [],
    items,
  }
}
