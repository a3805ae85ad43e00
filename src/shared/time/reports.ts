/**
 * Where a trip's post-trip report stands on a date (issue 14): due a number of days after
 * the delegation's return (the province's rule, Settings), shown on the home page from a
 * week before the day it is due, late after it, done once a report export is recorded.
 */
import { addDays, daysBetween } from './days.ts'
import { REPORT_DAYS_AFTER_RETURN } from './trips.ts'

/** The home page names a report from this many days before it is due. */
export const REPORT_SHOWN_DAYS = 7

export type ReportState =
  | { state: 'not_yet' }
  | { state: 'done' }
  | { state: 'pending'; due: string; daysLeft: number }
  | { state: 'due'; due: string; daysLeft: number }
  | { state: 'late'; due: string; daysLate: number }

export function reportState(t: { endDate: string }, date: string, reported: boolean, reportDays = REPORT_DAYS_AFTER_RETURN): ReportState {
  if (reported) return { state: 'done' }
  if (date <= t.endDate) return { state: 'not_yet' }
  const due = addDays(t.endDate, reportDays)
  if (date > due) return { state: 'late', due, daysLate: daysBetween(due, date) }
  const daysLeft = daysBetween(date, due)
  return daysLeft <= REPORT_SHOWN_DAYS ? { state: 'due', due, daysLeft } : { state: 'pending', due, daysLeft }
}
