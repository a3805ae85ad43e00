/** How fresh a key figure is on a date: its age, and stale past two years. */
import { addYears, monthsBetween } from './days.ts'

export const STALE_AFTER_YEARS = 2

export type Freshness =
  | { state: 'undated' }
  | { state: 'current'; asOf: string; ageMonths: number }
  | { state: 'stale'; asOf: string; ageMonths: number }
  /** Dated after the date asked about (a figure recorded for a day still to come is refused on input). */
  | { state: 'future'; asOf: string }

export function freshness(f: { asOf: string | null }, date: string): Freshness {
  if (!f.asOf) return { state: 'undated' }
  if (f.asOf > date) return { state: 'future', asOf: f.asOf }
  const ageMonths = monthsBetween(f.asOf, date)
  return addYears(f.asOf, STALE_AFTER_YEARS) < date ? { state: 'stale', asOf: f.asOf, ageMonths } : { state: 'current', asOf: f.asOf, ageMonths }
}
