import { z } from 'zod'
import { id, isoDate, optionalDate, optionalId, optionalText, recordMeta, requiredText, whenRead } from './common.ts'
import { engagementKinds } from './labels.ts'

export const participantInput = z
  .object({
    localityId: optionalId(),
    organizationId: optionalId(),
    personId: optionalId(),
    role: optionalText(),
  })
  .refine((p) => [p.localityId, p.organizationId, p.personId].filter(Boolean).length === 1, {
    error: 'participant_one_of',
    path: ['localityId'],
  })

export const engagementInput = z
  .object({
    kind: z.enum(engagementKinds),
    title: requiredText(),
    startDate: isoDate(),
    endDate: optionalDate(),
    place: optionalText(),
    summary: optionalText(),
    outcomes: optionalText(),
    sources: optionalText(),
    participants: z.array(participantInput).max(2000).default([]),
    agreementIds: z.array(id()).max(500).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.endDate && e.endDate < e.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'ends_before_start',
      })
    }
  }, whenRead('startDate', 'endDate'))
export type EngagementInput = z.input<typeof engagementInput>

export const participantView = z.object({
  localityId: z.string().nullable(),
  organizationId: z.string().nullable(),
  personId: z.string().nullable(),
  role: z.string().nullable(),
  name: z.string(),
})
export type ParticipantView = z.infer<typeof participantView>

export const engagementRow = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  participantCount: z.number(),
})
export type EngagementRow = z.infer<typeof engagementRow>

export const engagement = z.object({
  ...recordMeta,
  kind: z.enum(engagementKinds),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  summary: z.string().nullable(),
  outcomes: z.string().nullable(),
  sources: z.string().nullable(),
  participants: z.array(participantView),
  agreements: z.array(z.object({ id: z.string(), titleVi: z.string(), status: z.string() })),
})
export type Engagement = z.infer<typeof engagement>
