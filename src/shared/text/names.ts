/**
 * How a person's name is written in a Vietnamese document.
 *
 * Japanese (and Korean, Chinese) names keep Latin script with the family name first and
 * in capitals, e.g. "YAMAMOTO Ichita", optionally followed by the native form in
 * brackets: "YAMAMOTO Ichita (山本 一太)". Vietnamese names are written as they are:
 * "Cao Văn Cường". Western names: given name first.
 */
export type NameOrder = 'family_first' | 'given_first'

export interface PersonName {
  familyName: string
  givenName: string
  familyNameNative?: string | null
  givenNameNative?: string | null
  nameOrder: NameOrder
  /** Set for names written natively in Latin script with family name first (Vietnamese). */
  countryCode?: string | null
}

const joinWords = (...parts: Array<string | null | undefined>) =>
  parts.map((p) => p?.trim()).filter(Boolean).join(' ')

/** Latin-script display name. */
export function formatPersonName(p: PersonName): string {
  if (p.nameOrder === 'given_first') return joinWords(p.givenName, p.familyName)
  // Vietnamese names are family-first but never capitalised.
  if (p.countryCode === 'VN') return joinWords(p.familyName, p.givenName)
  return joinWords(p.familyName.toLocaleUpperCase('en'), p.givenName)
}

/** Native-script form ("山本 一太"), or '' when none is recorded. */
export function formatNativeName(p: PersonName): string {
  return joinWords(p.familyNameNative, p.givenNameNative)
}

/** "YAMAMOTO Ichita (山本 一太)". */
export function formatPersonNameFull(p: PersonName): string {
  const native = formatNativeName(p)
  const latin = formatPersonName(p)
  return native ? `${latin} (${native})` : latin
}
