/** The calendar: trips and engagements that fall, even in part, within a span of days. */
import { z } from 'zod'
import { isoDate } from './common.ts'

export const calendarInput = z
  .object({ from: isoDate(), to: isoDate() })
  .refine((r) => r.from <= r.to, { error: 'Khoảng ngày ngược / the span ends before it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { error: 'Tối đa 400 ngày / at most 400 days', path: ['to'] })

export const calendarEntry = z.object({
  type: z.enum(['trip', 'engagement']),
  id: z.string(),
  title: z.string(),
  /** An engagement's kind (meeting, forum…); null for a trip. */
  kind: z.string().nullable(),
  startDate: z.string(),
  /** The last day; the start day for a one-day engagement. */
  endDate: z.string(),
  /** A trip's destinations, an engagement's place. */
  where: z.string().nullable(),
})
export type CalendarEntry = z.infer<typeof calendarEntry>
