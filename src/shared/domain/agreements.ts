import { z } from 'zod'
import { id, optionalDate, optionalId, optionalNumber, optionalText, recordMeta, requiredText, whenRead } from './common.ts'
import { agreementKinds, agreementStatuses, commitmentStatuses, partySides } from './labels.ts'

export const partyInput = z
  .object({
    side: z.enum(partySides),
    localityId: optionalId(),
    organizationId: optionalId(),
  })
  .refine((p) => !!p.localityId !== !!p.organizationId, {
    error: 'party_one_of',
    path: ['localityId'],
  })

export const signatoryInput = z.object({
  personId: id(),
  side: z.enum(partySides),
  titleAtSigning: optionalText(),
})

export const agreementInput = z
  .object({
    kind: z.enum(agreementKinds),
    titleVi: requiredText(),
    titleEn: optionalText(),
    titleJa: optionalText(),
    status: z.enum(agreementStatuses),
    signedDate: optionalDate(),
    signedPlace: optionalText(),
    summary: optionalText(),
    sectors: z.array(z.string().max(64)).max(50).default([]),
    valueAmount: optionalNumber(),
    valueCurrency: optionalText(),
    validFrom: optionalDate(),
    validUntil: optionalDate(),
    renewal: optionalText(),
    sources: optionalText(),
    // Law on International Agreements 2020 record.
    mofaOpinionNo: optionalText(),
    mofaOpinionDate: optionalDate(),
    shortenedProcedure: z.boolean().default(false),
    pmReportSentDate: optionalDate(),
    mofaCopySentDate: optionalDate(),
    parties: z
      .array(partyInput)
      .max(200)
      .min(1, { error: 'needs_party' }),
    signatories: z.array(signatoryInput).max(200).default([]),
    /** The programme item at which it was signed during a trip; left out, an edit keeps it. */
    itineraryItemId: id().nullish(),
  })
  .superRefine((a, ctx) => {
    if (a.validFrom && a.validUntil && a.validUntil < a.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'validity_reversed',
      })
    }
  }, whenRead('validFrom', 'validUntil'))
export type AgreementInput = z.input<typeof agreementInput>

export const partyView = z.object({
  side: z.enum(partySides),
  localityId: z.string().nullable(),
  organizationId: z.string().nullable(),
  name: z.string(),
  /** The name as shown, with lineage: "Hà Nam (nay thuộc tỉnh Ninh Bình)". */
  displayName: z.string(),
  country: z.string().nullable(),
})
export type PartyView = z.infer<typeof partyView>

export const signatoryView = z.object({
  personId: z.string(),
  side: z.enum(partySides),
  titleAtSigning: z.string().nullable(),
  name: z.string(),
})

export const commitmentInput = z
  .object({
    /** Null for a commitment arising from a meeting without an agreement: it then names its item. */
    agreementId: optionalId(),
    action: requiredText(),
    owner: optionalText(),
    dueDate: optionalDate(),
    status: z.enum(commitmentStatuses),
    notes: optionalText(),
    /** The programme item it arose from; left out, an edit keeps the one it has. */
    itineraryItemId: id().nullish(),
  })
  .refine((c) => !!c.agreementId || !!c.itineraryItemId, { error: 'required', path: ['agreementId'] })
export type CommitmentInput = z.input<typeof commitmentInput>

export const commitment = z.object({
  ...recordMeta,
  agreementId: z.string().nullable(),
  action: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(commitmentStatuses),
  notes: z.string().nullable(),
  overdue: z.boolean(),
})
export type Commitment = z.infer<typeof commitment>

export const agreementRow = z.object({
  id: z.string(),
  kind: z.string(),
  titleVi: z.string(),
  /** The status as recorded. */
  status: z.string(),
  /** The status its dates give it today (src/shared/time/agreements.ts): what lists show. */
  effectiveStatus: z.enum(agreementStatuses),
  signedDate: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** The report to the Prime Minister (Law on International Agreements 2020) when it is late today. */
  pmReportLate: z.object({ state: z.enum(['overdue', 'sent_late']), due: z.string(), daysLate: z.number() }).nullable(),
  sectors: z.array(z.string()),
  partiesText: z.string(),
  openCommitments: z.number(),
  overdueCommitments: z.number(),
  /** Set when the agreement reaches this list through a predecessor unit. */
  viaPredecessor: z.string().nullable(),
})
export type AgreementRow = z.infer<typeof agreementRow>

export const agreement = z.object({
  ...recordMeta,
  kind: z.enum(agreementKinds),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  titleJa: z.string().nullable(),
  status: z.enum(agreementStatuses),
  signedDate: z.string().nullable(),
  signedPlace: z.string().nullable(),
  summary: z.string().nullable(),
  sectors: z.array(z.string()),
  valueAmount: z.number().nullable(),
  valueCurrency: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  renewal: z.string().nullable(),
  sources: z.string().nullable(),
  mofaOpinionNo: z.string().nullable(),
  mofaOpinionDate: z.string().nullable(),
  shortenedProcedure: z.boolean(),
  pmReportSentDate: z.string().nullable(),
  mofaCopySentDate: z.string().nullable(),
  /** Signing date + 15 days: the Law on International Agreements 2020 deadline. */
  pmReportDue: z.string().nullable(),
  pmReportLate: z.boolean(),
  parties: z.array(partyView),
  signatories: z.array(signatoryView),
  commitments: z.array(commitment),
  engagements: z.array(z.object({ id: z.string(), title: z.string(), startDate: z.string(), kind: z.string() })),
})
export type Agreement = z.infer<typeof agreement>

/** The register's columns it can be sorted by. */
export const agreementSortKeys = ['title', 'kind', 'parties', 'signed', 'valid', 'status'] as const
export type AgreementSortKey = (typeof agreementSortKeys)[number]

export const agreementListInput = z.object({
  /** Words matched as search matches them (folded, each a prefix; Japanese as a substring). */
  q: z.string().max(200).optional(),
  /** The status its dates give it today, not the one recorded. */
  status: z.enum(agreementStatuses).optional(),
  kind: z.enum(agreementKinds).optional(),
  sector: z.string().max(64).optional(),
  /** A locality (with the units it succeeded) or an organization among the parties. */
  partnerId: z.uuid().optional(),
  /** The year of signing. */
  year: z.number().int().min(1900).max(2200).optional(),
  /** Newest signed first when absent; empty values last either way. */
  sort: z.object({ key: z.enum(agreementSortKeys), dir: z.enum(['asc', 'desc']) }).optional(),
  /** The language whose labels a sort by kind follows. */
  lang: z.enum(['vi', 'en']).default('vi'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(1000).default(200),
})
export type AgreementListInput = z.input<typeof agreementListInput>

export const agreementList = z.object({
  /** How many agreements pass the filters. */
  total: z.number(),
  rows: z.array(agreementRow),
  /** The years agreements were signed in, newest first (for the year filter). */
  years: z.array(z.number()),
})

