/**
 * The approval request of an outgoing delegation (issue 14, item 1): the "Tờ trình" (or
 * "Kế hoạch") the office sends the provincial People's Committee before the trip. The
 * office keeps what it needs in Settings: its symbol ("SNgV"), the signer, the exchange
 * rates it states, the legal bases it cites and the rate table the cost estimate comes from
 * (air fares, per diem and lodging by country and rank). Nothing of this is hard-coded.
 */
import { z } from 'zod'
import { countryCode, id, optionalDate, optionalText, requiredText, text } from './common.ts'

export const APPROVAL_KINDS = {
  'to-trinh': { vi: 'Tờ trình', en: 'Submission (Tờ trình)', code: 'TTr' },
  'ke-hoach': { vi: 'Kế hoạch', en: 'Plan (Kế hoạch)', code: 'KH' },
} as const
export const approvalKinds = Object.keys(APPROVAL_KINDS) as Array<keyof typeof APPROVAL_KINDS>
export type ApprovalKind = keyof typeof APPROVAL_KINDS

const bounded = (max: number) => text().pipe(z.string().max(max, { error: 'too_long' }))
export const currencyCode = () => z.string().regex(/^[A-Z]{3}$/, { error: 'currency_code' })
/** An amount of money as the rate table holds it: not negative, or null where the office has no rate. */
const amount = () =>
  z
    .number({ error: (i) => (i.input === undefined || i.input === null ? 'required' : 'must_be_number') })
    .finite({ error: 'must_be_number' })
    .min(0, { error: 'negative' })
    .max(1e12, { error: 'too_large' })
    .nullable()

/** One row of the rate table: for a rank in a country, the round-trip air fare, per diem a day, lodging a night. */
export const travelRateInput = z.object({
  country: countryCode(),
  rank: requiredText().pipe(z.string().max(100, { error: 'too_long' })),
  currency: currencyCode(),
  airfare: amount(),
  perDiem: amount(),
  lodging: amount(),
  notes: optionalText(),
})
export type TravelRateInput = z.output<typeof travelRateInput>
export const travelRate = travelRateInput.extend({ id: z.string(), updatedAt: z.string() })
export type TravelRate = z.infer<typeof travelRate>

export const legalBasisInput = z.object({ text: requiredText().pipe(z.string().max(1000, { error: 'too_long' })) })
export const legalBasis = z.object({ id: z.string(), text: z.string(), position: z.number(), updatedAt: z.string() })
export type LegalBasis = z.infer<typeof legalBasis>

/** The office's part of the document, from Settings. */
export const approvalOffice = z.object({
  /** The office's own symbol in "Số: …/TTr-SNgV". */
  symbol: z.string(),
  /** "KT. GIÁM ĐỐC": the authority line above the signer's title. */
  signerAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  /** 1 unit of the currency in đồng, as the office states it (e.g. USD: 26000). */
  exchangeRates: z.record(z.string(), z.number()),
})
export type ApprovalOffice = z.infer<typeof approvalOffice>

export const approvalOfficePatch = z.object({
  symbol: bounded(30).optional(),
  signerAuthority: bounded(100).optional(),
  signerTitle: bounded(100).optional(),
  signerName: bounded(100).optional(),
  exchangeRates: z
    .record(currencyCode(), z.number({ error: 'must_be_number' }).finite({ error: 'must_be_number' }).positive({ error: 'too_small' }).max(1e9, { error: 'too_large' }))
    .optional(),
})

/** Days and nights the delegation spends in a country: the per diem is by day, lodging by night. */
export const stay = z.object({ country: countryCode(), days: z.number().int().min(0).max(366), nights: z.number().int().min(0).max(366) })
export type Stay = z.infer<typeof stay>

/** What the officer chooses for one trip's document (the builder). */
export const approvalSettings = z.object({
  kind: z.enum(approvalKinds),
  /** The registry's number ("25"); empty: dots, filled in by hand when it is registered. */
  number: bounded(20),
  issueDate: optionalDate(),
  fundingSource: bounded(1000),
  /** The legal bases this document cites, as ids of the office's list (cited in the list's order). */
  legalBasisIds: z.array(id()).max(100),
  /** Each member's rank for the rate table, by member key (memberKey). */
  memberRanks: z.record(z.string().max(300), z.string().max(100)),
  stays: z.array(stay).max(20),
  /** The expected results; null: from the programme's asks, else the trip's objectives. */
  results: optionalText(),
  recipients: z.array(bounded(300)).max(30),
})
export type ApprovalSettings = z.output<typeof approvalSettings>

/** A member's key among the ranks: the person's id, else "name:" and the name typed. */
export const memberKey = (m: { personId: string | null; name: string }) => (m.personId ? m.personId : `name:${m.name}`)

export const approvalBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('para'), text: z.string() }),
  z.object({ type: z.literal('bullet'), text: z.string() }),
  z.object({ type: z.literal('label'), text: z.string() }),
  z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())), widths: z.array(z.number()) }),
])
export type ApprovalBlock = z.infer<typeof approvalBlock>

export const costLine = z.object({
  member: z.string(),
  rank: z.string().nullable(),
  airfare: z.number().nullable(),
  perDiem: z.number().nullable(),
  lodging: z.number().nullable(),
  total: z.number(),
  /** What has no rate for this member: ["airfare:JP", "perDiem:JP", "lodging:JP", "rank", "exchange:USD"]. */
  missing: z.array(z.string()),
})
export type CostLine = z.infer<typeof costLine>

export const costEstimate = z.object({
  lines: z.array(costLine),
  /** In đồng; the sum of what has a rate (what is missing is listed, never counted as zero). */
  total: z.number(),
  /** The exchange rates the estimate used, as the document states them. */
  exchange: z.array(z.object({ currency: z.string(), vnd: z.number() })),
  missing: z.array(z.string()),
})
export type CostEstimate = z.infer<typeof costEstimate>

export const approvalModel = z.object({
  tripId: z.string(),
  kind: z.enum(approvalKinds),
  fileBaseName: z.string(),
  header: z.object({ parentAgency: z.string(), agency: z.string(), agencyName: z.string(), number: z.string(), nationalName: z.string(), motto: z.string(), placeDate: z.string() }),
  title: z.string(),
  subject: z.string(),
  recipient: z.string(),
  legalBases: z.array(z.string()),
  sections: z.array(z.object({ title: z.string(), blocks: z.array(approvalBlock) })),
  closing: z.string(),
  estimate: costEstimate,
  recipients: z.array(z.string()),
  signature: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  /** What the officer should fix before sending it (not in the document). */
  warnings: z.array(z.string()),
})
export type ApprovalModel = z.infer<typeof approvalModel>

/** The rate table's view in Settings, with the ranks it knows (for the builder's choice). */
export const approvalSettingsView = z.object({
  office: approvalOffice,
  rates: z.array(travelRate),
  legalBases: z.array(legalBasis),
  ranks: z.array(z.string()),
})
export type ApprovalSettingsView = z.infer<typeof approvalSettingsView>
