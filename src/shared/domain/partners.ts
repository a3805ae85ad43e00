import { z } from 'zod'
import {
  countryCode,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  recordMeta,
  requiredText,
  whenRead,
} from './common.ts'
import { factScopes, localityLevels, organizationKinds } from './labels.ts'

// ---- locality -------------------------------------------------------------------------

export const localityInput = z.object({
  country: countryCode(),
  level: z.enum(localityLevels),
  /** How the unit is named in a Vietnamese sentence: "tỉnh", "thành phố", "thủ đô". */
  designationVi: optionalText(),
  nameVi: requiredText(),
  nameEn: optionalText(),
  nameNative: optionalText(),
  nameKana: optionalText(),
  region: optionalText(),
  capital: optionalText(),
  code: optionalText(),
  population: optionalNumber(),
  areaKm2: optionalNumber(),
  gdp: optionalText(),
  leader: optionalText(),
  industries: optionalText(),
  notes: optionalText(),
  validFrom: optionalDate(),
  validTo: optionalDate(),
})
export type LocalityInput = z.input<typeof localityInput>

export const localityRef = z.object({
  id: z.string(),
  nameVi: z.string(),
  designationVi: z.string().nullable(),
  effectiveDate: z.string().nullable(),
})
export type LocalityRef = z.infer<typeof localityRef>

export const localityRow = z.object({
  id: z.string(),
  country: z.string(),
  level: z.string(),
  designationVi: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  nameNative: z.string().nullable(),
  region: z.string().nullable(),
  capital: z.string().nullable(),
  code: z.string().nullable(),
  validTo: z.string().nullable(),
  /** "Hà Nam (nay thuộc tỉnh Ninh Bình)" for a unit that no longer exists, else the name. */
  displayName: z.string(),
  isReference: z.boolean(),
})
export type LocalityRow = z.infer<typeof localityRow>

export const localityListInput = z.object({
  country: z.string().max(2).optional(),
  level: z.enum(localityLevels).optional(),
  region: z.string().max(200).optional(),
  /** Units that ceased to exist (the 63 pre-2025 provinces) are hidden unless asked for. */
  includeHistorical: z.boolean().optional(),
})

// ---- organization ---------------------------------------------------------------------

export const organizationInput = z.object({
  kind: z.enum(organizationKinds),
  nameVi: requiredText(),
  nameEn: optionalText(),
  nameNative: optionalText(),
  abbreviation: optionalText(),
  country: countryCode(),
  localityId: optionalId(),
  website: optionalText(),
  notes: optionalText(),
})
export type OrganizationInput = z.input<typeof organizationInput>

export const organizationRow = z.object({
  id: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  nameNative: z.string().nullable(),
  abbreviation: z.string().nullable(),
  country: z.string(),
  localityId: z.string().nullable(),
  localityName: z.string().nullable(),
})
export type OrganizationRow = z.infer<typeof organizationRow>

// ---- person ---------------------------------------------------------------------------

export const personInput = z
  .object({
    familyName: requiredText(),
    givenName: optionalText(),
    familyNameNative: optionalText(),
    givenNameNative: optionalText(),
    nameKana: optionalText(),
    /** The name as Vietnamese documents write it, when it differs from the Latin form. */
    nameVi: optionalText(),
    nameOrder: z.enum(['family_first', 'given_first']),
    country: countryCode(),
    title: optionalText(),
    organizationId: optionalId(),
    localityId: optionalId(),
    termStart: optionalDate(),
    termEnd: optionalDate(),
    bio: optionalText(),
    languages: optionalText(),
    protocolNotes: optionalText(),
    phone: optionalText().refine((s) => !s || /^[+\d][\d\s().\-/]{3,40}(\s*(ext|máy lẻ)\.?\s*\d+)?$/i.test(s), {
      error: 'phone',
    }),
    email: optionalText().refine((s) => !s || z.email().safeParse(s).success, { error: 'email' }),
  })
  .superRefine((p, ctx) => {
    if (p.termStart && p.termEnd && p.termEnd < p.termStart) {
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'term_reversed' })
    }
  }, whenRead('termStart', 'termEnd'))
export type PersonInput = z.input<typeof personInput>

export const personRow = z.object({
  id: z.string(),
  displayName: z.string(),
  nativeName: z.string(),
  title: z.string().nullable(),
  country: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  localityId: z.string().nullable(),
  localityName: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
})
export type PersonRow = z.infer<typeof personRow>

export const person = z.object({
  ...recordMeta,
  familyName: z.string(),
  givenName: z.string().nullable(),
  familyNameNative: z.string().nullable(),
  givenNameNative: z.string().nullable(),
  nameKana: z.string().nullable(),
  nameVi: z.string().nullable(),
  nameOrder: z.enum(['family_first', 'given_first']),
  country: z.string(),
  title: z.string().nullable(),
  organizationId: z.string().nullable(),
  localityId: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  bio: z.string().nullable(),
  languages: z.string().nullable(),
  protocolNotes: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})
export type Person = z.infer<typeof person>

// ---- fact -----------------------------------------------------------------------------

export const factInput = z.object({
  label: requiredText(),
  value: requiredText(),
  unit: optionalText(),
  asOf: optionalDate(),
  source: optionalText(),
  scope: z.enum(factScopes),
  country: countryCode().nullish().transform((v) => v ?? null),
  localityId: optionalId(),
  partnerLocalityId: optionalId(),
  notes: optionalText(),
})
export type FactInput = z.input<typeof factInput>

export const fact = z.object({
  ...recordMeta,
  label: z.string(),
  value: z.string(),
  unit: z.string().nullable(),
  asOf: z.string().nullable(),
  source: z.string().nullable(),
  scope: z.enum(factScopes),
  country: z.string().nullable(),
  localityId: z.string().nullable(),
  partnerLocalityId: z.string().nullable(),
  notes: z.string().nullable(),
})
export type Fact = z.infer<typeof fact>

export const locality = z.object({
  ...recordMeta,
  country: z.string(),
  level: z.enum(localityLevels),
  designationVi: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  nameNative: z.string().nullable(),
  nameKana: z.string().nullable(),
  region: z.string().nullable(),
  capital: z.string().nullable(),
  code: z.string().nullable(),
  population: z.number().nullable(),
  areaKm2: z.number().nullable(),
  gdp: z.string().nullable(),
  leader: z.string().nullable(),
  industries: z.string().nullable(),
  notes: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  refKey: z.string().nullable(),
})
export type Locality = z.infer<typeof locality>

export const organization = z.object({
  ...recordMeta,
  kind: z.enum(organizationKinds),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  nameNative: z.string().nullable(),
  abbreviation: z.string().nullable(),
  country: z.string(),
  localityId: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  refKey: z.string().nullable(),
})
export type Organization = z.infer<typeof organization>

