/** The register of commitments across agreements: its filters and its rows. */
import { z } from 'zod'
import { commitmentStatuses } from './labels.ts'

export const commitmentStates = ['overdue', 'due_soon', 'open', 'done', 'cancelled'] as const
export const duePeriods = ['overdue', 'next30', 'next90', 'undated'] as const

export const commitmentFilter = z.object({
  /** Folded text matched against the action, the owner and the agreement's title. */
  q: z.string().max(200).optional(),
  owner: z.string().max(200).optional(),
  state: z.enum(commitmentStates).optional(),
  due: z.enum(duePeriods).optional(),
  /** A locality or organization among the agreement's parties. */
  partnerId: z.uuid().optional(),
})
export type CommitmentFilter = z.infer<typeof commitmentFilter>

export const commitmentRegisterRow = z.object({
  id: z.string(),
  /** Null for a commitment arising from a trip's meeting without an agreement. */
  agreementId: z.string().nullable(),
  /** The agreement's title, or the meeting's when there is no agreement. */
  agreementTitle: z.string(),
  /** The trip and meeting the commitment arose from, if it did. */
  tripId: z.string().nullable(),
  meeting: z.string().nullable(),
  agreementSigned: z.string().nullable(),
  partners: z.string(),
  action: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(commitmentStatuses),
  /** The state on today's date (src/shared/time), and the days overdue or left. */
  state: z.enum(commitmentStates),
  days: z.number().nullable(),
})
export type CommitmentRegisterRow = z.infer<typeof commitmentRegisterRow>
