import { z } from 'zod'
import { id, isoDate, optionalId, optionalText, recordMeta, requiredText, whenRead } from './common.ts'
import { hostRoles, itemKinds, memberRoles, tripDirections } from './labels.ts'

export const memberInput = z
  .object({
    personId: optionalId(),
    /** A member typed in, not (yet) in the register. */
    name: optionalText(),
    title: optionalText(),
    role: z.enum(memberRoles),
  })
  .refine((m) => !!m.personId || !!m.name, { error: 'member_person_or_name', path: ['name'] })

/** One of our people receiving a delegation (a visit in): from the register or typed in. */
export const hostInput = z
  .object({
    personId: optionalId(),
    name: optionalText(),
    title: optionalText(),
    role: z.enum(hostRoles),
  })
  // A post known before the name of who will hold it ("Giám đốc Sở Ngoại vụ") is enough.
  .refine((h) => !!h.personId || !!h.name || !!h.title, { error: 'member_person_or_name', path: ['name'] })

export const tripInput = z
  .object({
    title: requiredText(),
    /** 'out': we send the delegation; 'in': we receive it (destinationIds are where it comes from). */
    direction: z.enum(tripDirections).default('out'),
    homeLocalityId: optionalId(),
    startDate: isoDate(),
    endDate: isoDate(),
    objectives: optionalText(),
    notes: optionalText(),
    destinationIds: z.array(id()).max(50).default([]),
    members: z.array(memberInput).max(200).default([]),
    /** A visit in: our participants (leaders, departments) with their part. */
    hosts: z.array(hostInput).max(200).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.endDate < t.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'ends_before_start' })
  }, whenRead('startDate', 'endDate'))
export type TripInput = z.input<typeof tripInput>

/** "2026-05-12T09:30": a local date and time at the place of the item. */
const dateTime = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'datetime_format' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)) && new Date(`${s}:00Z`).toISOString().startsWith(s), {
      error: 'datetime_invalid',
    })

export const counterpartInput = z
  .object({ personId: optionalId(), organizationId: optionalId(), localityId: optionalId() })
  .refine((c) => [c.personId, c.organizationId, c.localityId].filter(Boolean).length === 1, {
    error: 'counterpart_one_of',
    path: ['personId'],
  })

const translation = z.object({ title: optionalText(), place: optionalText(), attendees: optionalText(), asks: optionalText() })
export const itemTranslations = z.object({ en: translation.optional(), ja: translation.optional() })
export type ItemTranslations = z.output<typeof itemTranslations>

export const itemInput = z
  .object({
    tripId: id(),
    kind: z.enum(itemKinds),
    title: requiredText(),
    start: dateTime(),
    end: dateTime().nullish().transform((v) => v ?? null),
    place: optionalText(),
    counterparts: z.array(counterpartInput).max(100).default([]),
    sectors: z.array(z.string().max(64)).max(30).default([]),
    attendees: optionalText(),
    purpose: optionalText(),
    talkingPoints: optionalText(),
    asks: optionalText(),
    offers: optionalText(),
    sensitivities: optionalText(),
    logistics: optionalText(),
    /** What was said and agreed (the post-trip report's results by meeting). */
    outcomes: optionalText(),
    /** The item as the other side's programme words it (English, Japanese); else the Vietnamese text. */
    translations: itemTranslations.default({}),
  })
  .superRefine((i, ctx) => {
    if (i.end && i.end < i.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'ends_before_start' })
  }, whenRead('start', 'end'))
export type ItemInput = z.input<typeof itemInput>

export const counterpartView = z.object({
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  localityId: z.string().nullable(),
  name: z.string(),
  /** False when the record was deleted after the item was planned. */
  exists: z.boolean(),
})

export const itineraryItem = z.object({
  ...recordMeta,
  tripId: z.string(),
  kind: z.enum(itemKinds),
  title: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  place: z.string().nullable(),
  counterparts: z.array(counterpartView),
  sectors: z.array(z.string()),
  attendees: z.string().nullable(),
  purpose: z.string().nullable(),
  talkingPoints: z.string().nullable(),
  asks: z.string().nullable(),
  offers: z.string().nullable(),
  sensitivities: z.string().nullable(),
  logistics: z.string().nullable(),
  outcomes: z.string().nullable(),
  translations: itemTranslations,
})
export type ItineraryItem = z.infer<typeof itineraryItem>

export const memberView = z.object({
  personId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(memberRoles),
})

export const hostView = z.object({
  personId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(hostRoles),
})
export type HostView = z.infer<typeof hostView>

export const trip = z.object({
  ...recordMeta,
  title: z.string(),
  direction: z.enum(tripDirections),
  homeLocalityId: z.string().nullable(),
  homeLocalityName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  objectives: z.string().nullable(),
  notes: z.string().nullable(),
  destinations: z.array(z.object({ id: z.string(), nameVi: z.string(), nameNative: z.string().nullable() })),
  members: z.array(memberView),
  hosts: z.array(hostView),
  items: z.array(itineraryItem),
})
export type Trip = z.infer<typeof trip>

export const tripRow = z.object({
  id: z.string(),
  title: z.string(),
  direction: z.enum(tripDirections),
  startDate: z.string(),
  endDate: z.string(),
  destinations: z.string(),
  members: z.number(),
  items: z.number(),
})
export type TripRow = z.infer<typeof tripRow>

export const snippetInput = z.object({
  title: requiredText(),
  text: requiredText(),
  sectors: z.array(z.string().max(64)).max(30).default([]),
  localityId: optionalId(),
  organizationId: optionalId(),
})
export const snippet = z.object({
  ...recordMeta,
  title: z.string(),
  text: z.string(),
  sectors: z.array(z.string()),
  localityId: z.string().nullable(),
  organizationId: z.string().nullable(),
  scopeName: z.string().nullable(),
})
export type Snippet = z.infer<typeof snippet>


/** A trip on a partner's or a person's timeline, and why it is there. */
export const tripMention = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  destinations: z.string(),
  /** A delegation sent ('out'), or received ('in'): then its "destinations" are where the visitors come from. */
  direction: z.enum(['out', 'in']),
  /** A destination of the trip, a counterpart in its programme, a member of the delegation. */
  roles: z.array(z.enum(['destination', 'counterpart', 'member'])),
})
export type TripMention = z.infer<typeof tripMention>
