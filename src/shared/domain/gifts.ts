/** Gifts and protocol history per counterpart (issue 14): given and received, when, on what occasion. */
import { z } from 'zod'
import { id, isoDate, optionalId, optionalText, recordMeta, requiredText } from './common.ts'

export const giftDirections = ['given', 'received'] as const
export const GIFT_DIRECTIONS = {
  given: { vi: 'Tặng', en: 'Given' },
  received: { vi: 'Nhận', en: 'Received' },
} as const

export const giftInput = z
  .object({
    personId: optionalId(),
    organizationId: optionalId(),
    localityId: optionalId(),
    direction: z.enum(giftDirections),
    date: isoDate(),
    /** The occasion in words ("Chuyến công tác tại Yamanashi 2026"), and the record it was, if any. */
    occasion: optionalText(),
    tripId: optionalId(),
    engagementId: optionalId(),
    description: requiredText(),
    notes: optionalText(),
  })
  .refine((g) => [g.personId, g.organizationId, g.localityId].filter(Boolean).length === 1, { error: 'counterpart_one_of', path: ['personId'] })
export type GiftInput = z.input<typeof giftInput>

export const gift = z.object({
  ...recordMeta,
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  localityId: z.string().nullable(),
  direction: z.enum(giftDirections),
  date: z.string(),
  occasion: z.string().nullable(),
  tripId: z.string().nullable(),
  engagementId: z.string().nullable(),
  description: z.string(),
  notes: z.string().nullable(),
  /** The trip's or engagement's title when the occasion is one. */
  occasionTitle: z.string().nullable(),
})
export type Gift = z.infer<typeof gift>

export const giftListInput = z.object({ counterpartId: id() })
