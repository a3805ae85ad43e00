/** Where a delegation stands on a date: being prepared, under way, back (and its report due). */
import { addDays, daysBetween } from './days.ts'

/** The province's rule for the report after a trip, by default (Settings may change it). */
export const REPORT_DAYS_AFTER_RETURN = 15

export type TripPhase =
  | { phase: 'preparing'; daysToDeparture: number }
  | { phase: 'under_way'; day: number; days: number }
  | { phase: 'returned'; daysSinceReturn: number; reportDue: string }

export function tripPhase(t: { startDate: string; endDate: string }, date: string, reportDays = REPORT_DAYS_AFTER_RETURN): TripPhase {
  if (date < t.startDate) return { phase: 'preparing', daysToDeparture: daysBetween(date, t.startDate) }
  if (date <= t.endDate) return { phase: 'under_way', day: daysBetween(t.startDate, date) + 1, days: daysBetween(t.startDate, t.endDate) + 1 }
  return { phase: 'returned', daysSinceReturn: daysBetween(t.endDate, date), reportDue: addDays(t.endDate, reportDays) }
}
