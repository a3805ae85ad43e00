/**
 * The calendar's span of days: every trip and engagement that touches it, earliest first.
 * Two range queries over the start dates (an engagement with no end lasts its one day).
 */
import type { CalendarEntry } from '../../shared/domain/calendar.ts'
import type { Db } from '../context.ts'

export async function calendarEntries(db: Db, from: string, to: string): Promise<CalendarEntry[]> {
  const [trips, engagements] = await Promise.all([
    db
      .selectFrom('trip')
      .select(['id', 'title', 'startDate', 'endDate'])
      .where('startDate', '<=', to)
      .where('endDate', '>=', from)
      .execute(),
    db
      .selectFrom('engagement')
      .select(['id', 'title', 'kind', 'startDate', 'endDate', 'place'])
      .where('startDate', '<=', to)
      .where((eb) => eb(eb.fn.coalesce('endDate', 'startDate'), '>=', from))
      .execute(),
  ])
  const destinations = trips.length
    ? await db
        .selectFrom('tripDestination as d')
        .innerJoin('locality as l', 'l.id', 'd.localityId')
        .select(['d.tripId', 'l.nameVi'])
        .where('d.tripId', 'in', trips.map((t) => t.id))
        .orderBy('d.position')
        .execute()
    : []
  const entries: CalendarEntry[] = [
    ...trips.map((t) => ({
      type: 'trip' as const,
      id: t.id,
      title: t.title,
      kind: null,
      startDate: t.startDate,
      endDate: t.endDate,
      where: destinations.filter((d) => d.tripId === t.id).map((d) => d.nameVi).join(', ') || null,
    })),
    ...engagements.map((e) => ({ type: 'engagement' as const, id: e.id, title: e.title, kind: e.kind, startDate: e.startDate, endDate: e.endDate ?? e.startDate, where: e.place })),
  ]
  return entries.sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate) || a.title.localeCompare(b.title, 'vi'))
}
