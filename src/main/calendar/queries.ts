/**
 * The calendar: every trip and engagement that touches a span of days, earliest first.
 * Two range queries over the start dates (an engagement with no end lasts its one day).
 */
import type { CalendarEntry } from '../../shared/domain/calendar.ts'
import { monthOf, monthWeeks, type Month } from '../../shared/time/months.ts'
import type { Db } from '../context.ts'

/** The month asked (else today's) in whole weeks, with what happens in them. */
export async function calendarMonth(db: Db, asked: string | undefined, today: string) {
  const month = (asked ?? monthOf(today)) as Month
  const weeks = monthWeeks(month)
  const [from, to] = [weeks[0]![0]!, weeks.at(-1)![6]!]
  return { today, month, from, to, entries: await calendarEntries(db, from, to) }
}

export async function calendarEntries(db: Db, from: string, to: string): Promise<CalendarEntry[]> {
  const [trips, engagements] = await Promise.all([
    db
      .selectFrom('trip')
      .select(['id', 'title', 'startDate', 'endDate', 'direction'])
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
      kind: t.direction,
      startDate: t.startDate,
      endDate: t.endDate,
      where: destinations.filter((d) => d.tripId === t.id).map((d) => d.nameVi).join(', ') || null,
    })),
    ...engagements.map((e) => ({ type: 'engagement' as const, id: e.id, title: e.title, kind: e.kind, startDate: e.startDate, endDate: e.endDate ?? e.startDate, where: e.place })),
  ]
  return entries.sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate) || a.title.localeCompare(b.title, 'vi'))
}
