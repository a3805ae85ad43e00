/** A month as the calendar lays it out: whole weeks, Monday first (as Vietnamese calendars are). */
import { addDays, weekday } from './days.ts'

export type Month = `${number}-${string}`

export const monthOf = (iso: string) => iso.slice(0, 7) as Month

export function shiftMonth(month: Month, by: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The first and last day of the month. */
export function monthSpan(month: Month): { first: string; last: string } {
  const first = `${month}-01`
  return { first, last: addDays(`${shiftMonth(month, 1)}-01`, -1) }
}

/** The weeks that hold the month, each seven ISO days from Monday to Sunday. */
export function monthWeeks(month: Month): string[][] {
  const { first, last } = monthSpan(month)
  let day = addDays(first, -((weekday(first) + 6) % 7))
  const weeks: string[][] = []
  while (day <= last) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)))
    day = addDays(day, 7)
  }
  return weeks
}
