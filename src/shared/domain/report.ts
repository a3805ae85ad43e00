/**
 * The post-trip report ("Báo cáo kết quả chuyến công tác", issue 14): pure data assembled
 * from the register, previewed in the app and rendered to Word like the brief.
 */
import { z } from 'zod'
import { id, optionalText } from './common.ts'
import { block } from './briefs.ts'

export const reportModel = z.object({
  tripId: z.string(),
  generatedAt: z.string(),
  fileBaseName: z.string(),
  header: z.object({
    parentAgency: z.string(),
    agency: z.string(),
    nationalName: z.string(),
    motto: z.string(),
    /** "Số:      /BC-ĐCT": the number is written in when the report is registered. */
    number: z.string(),
    placeDate: z.string(),
  }),
  title: z.string(),
  subtitle: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), blocks: z.array(block) })),
  recipients: z.array(z.string()),
  signature: z.object({ authority: z.string(), title: z.string().nullable(), name: z.string() }),
  /** What the officer should fill in before it goes out: never printed. */
  missing: z.object({ outcomes: z.array(z.string()), proposals: z.boolean() }),
  counts: z.object({ meetings: z.number(), agreements: z.number(), commitments: z.number() }),
})
export type ReportModel = z.infer<typeof reportModel>

export const reportSave = z.object({ tripId: id(), proposals: optionalText() })

/** The province's rule for the report's due date (Settings). */
export const reportRule = z.object({ dueDays: z.number().int().min(1).max(120) })

/** What "Ghi nhận vào sổ" did: engagements made now, and those made by an earlier run. */
export const recordResult = z.object({ created: z.number(), existing: z.number() })

/** A programme item's follow-up: the commitments and agreements that arose from it. */
export const itemFollowUp = z.object({
  commitments: z.array(z.object({ id: z.string(), updatedAt: z.string(), action: z.string(), owner: z.string().nullable(), dueDate: z.string().nullable(), status: z.string(), agreementId: z.string().nullable(), notes: z.string().nullable() })),
  agreements: z.array(z.object({ id: z.string(), titleVi: z.string(), signedDate: z.string().nullable(), status: z.string() })),
  engagementId: z.string().nullable(),
})
export type ItemFollowUp = z.infer<typeof itemFollowUp>
