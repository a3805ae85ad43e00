/**
 * "What needs my attention": the home page's groups, derived by the core from the
 * date-aware states of src/shared/time. Each item names its record and carries its figures;
 * the window words it in its language.
 */
import { z } from 'zod'

/** A group's first items, and how many there are in all. */
const group = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) })

export const attentionSummary = z.object({
  date: z.string(),
  trips: group(
    z.object({
      id: z.string(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      destinations: z.string(),
      phase: z.enum(['preparing', 'under_way']),
      daysToDeparture: z.number(),
      /** Warnings the brief builder would show: what to fix before it goes out. */
      toFix: z.number(),
      notes: z.number(),
    }),
  ),
  reports: group(
    z.object({
      agreementId: z.string(),
      title: z.string(),
      signedDate: z.string(),
      /** The report to the Prime Minister, or the copy to MOFA. */
      which: z.enum(['pm', 'mofa']),
      state: z.enum(['overdue', 'pending']),
      due: z.string(),
      days: z.number(),
    }),
  ),
  expiring: group(z.object({ agreementId: z.string(), title: z.string(), validUntil: z.string(), daysLeft: z.number() })),
  contradicted: group(z.object({ agreementId: z.string(), title: z.string(), code: z.string(), params: z.record(z.string(), z.string()) })),
  commitments: group(
    z.object({
      id: z.string(),
      agreementId: z.string().nullable(),
      /** The agreement's title, or the trip's meeting it arose from. */
      agreementTitle: z.string(),
      tripId: z.string().nullable(),
      action: z.string(),
      owner: z.string().nullable(),
      due: z.string(),
      state: z.enum(['overdue', 'due_soon']),
      days: z.number(),
    }),
  ),
  formerCounterparts: group(z.object({ personId: z.string(), name: z.string(), title: z.string().nullable(), until: z.string(), tripId: z.string(), meeting: z.string() })),
  oldFigures: group(z.object({ id: z.string(), label: z.string(), asOf: z.string(), localityId: z.string().nullable(), place: z.string().nullable(), tripId: z.string() })),
  /** Post-trip reports due within a week or late (issue 14): done once a report export is recorded. */
  tripReports: group(z.object({ tripId: z.string(), title: z.string(), endDate: z.string(), due: z.string(), state: z.enum(['due', 'late']), days: z.number() })),
  recent: z.array(
    z.object({ id: z.string(), entity: z.string(), entityId: z.string(), action: z.string(), at: z.string(), actor: z.string(), name: z.string().nullable(), source: z.string().nullable() }),
  ),
})
export type AttentionSummary = z.infer<typeof attentionSummary>
