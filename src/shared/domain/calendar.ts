/** The calendar: trips and engagements of a month, in the whole weeks that hold it. */
import { z } from 'zod'

export const calendarInput = z
  .object({
    /** "2026-12"; the core's current month when absent. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Tháng dạng yyyy-MM / a month as yyyy-MM' })
      .optional(),
  })
  .optional()

export const calendarEntry = z.object({
  type: z.enum(['trip', 'engagement']),
  id: z.string(),
  title: z.string(),
  /** An engagement's kind (meeting, forum…); a trip's direction ('out' | 'in'). */
  kind: z.string().nullable(),
  startDate: z.string(),
  /** The last day; the start day for a one-day engagement. */
  endDate: z.string(),
  /** A trip's destinations, an engagement's place. */
  where: z.string().nullable(),
})
export type CalendarEntry = z.infer<typeof calendarEntry>

export const calendarMonth = z.object({
  /** The core's today, which the calendar marks (the day every date-aware state is read on). */
  today: z.string(),
  month: z.string(),
  /** Monday before the 1st … Sunday after the last day: the grid, and what `entries` touch. */
  from: z.string(),
  to: z.string(),
  entries: z.array(calendarEntry),
})
