/** The shapes of messages where they are part of a method's output (a recovery status, an import's rows); the format: src/shared/result.ts. */
import { z } from 'zod'

export const messageParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))

/** A field's problem: `{ field, code, params }` (codes: issues.ts). */
export const issueShape = z.object({ field: z.string(), code: z.string(), params: messageParams.optional() })

/** An error as it crosses: kind, reason (reasons.ts), parameters, each field's problem. */
export const apiErrorShape = z.object({
  code: z.string(),
  reason: z.string(),
  field: z.string().optional(),
  params: messageParams.optional(),
  details: z.array(issueShape).optional(),
})
