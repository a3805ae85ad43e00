/**
 * How the brief names things in its language: places with their designation and lineage,
 * organizations, agreements, people with their standing on the brief's date, dates and
 * numbers. An English brief uses the English fields of records where they exist, and keeps
 * in Vietnamese only what the officer typed in Vietnamese.
 */
import { AGREEMENT_STATUSES, labelOf, type Lang } from '../../shared/domain/labels.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import type { AgreementState } from '../../shared/time/agreements.ts'
import type { Standing } from '../../shared/time/people.ts'
import type { SuccessorName } from '../partners/lineage.ts'

const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A date as the brief writes it: 13/03/2027, or 13 Mar 2027 in English. */
export function dateText(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  if (lang === 'vi') return formatDate(iso)
  const [y, m, d] = iso.split('-')
  return `${Number(d)} ${EN_MONTHS_SHORT[Number(m) - 1]} ${y}`
}

/** 801.620 / 801,620. */
export const numberText = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')

export interface PlaceName {
  nameVi: string
  nameEn: string | null
  designationVi: string | null
  country: string
  level: string
  validTo: string | null
}

/** "Yamanashi Prefecture", "Thanh Hoa Province", "Ha Noi City": a unit's English name with its kind. */
export function englishPlace(p: Pick<PlaceName, 'nameVi' | 'nameEn' | 'designationVi' | 'country' | 'level'>): string {
  const name = p.nameEn ?? p.nameVi
  if (p.level !== 'province') return name
  if (p.country === 'JP') return name === 'Hokkaido' ? name : name === 'Tokyo' ? 'Tokyo Metropolis' : `${name} Prefecture`
  if (p.country === 'VN') return p.designationVi === 'thành phố' ? `${name} City` : `${name} Province`
  return name
}

/** "tỉnh Yamanashi" / "Yamanashi Prefecture": the unit as a sentence names it. */
export function placeInSentence(p: PlaceName, lang: Lang): string {
  if (lang === 'en') return englishPlace(p)
  return [p.designationVi ?? (p.level === 'province' ? 'tỉnh' : null), p.nameVi].filter(Boolean).join(' ')
}

/** "Hà Nam (nay thuộc tỉnh Ninh Bình)" / "Ha Nam (now part of Ninh Binh Province)": a unit that ceased, with its successor. */
export function placeWithLineage(p: PlaceName, successors: readonly SuccessorName[] | undefined, lang: Lang): string {
  const name = lang === 'en' ? (p.nameEn ?? p.nameVi) : p.nameVi
  if (!p.validTo || !successors?.length) return name
  const into = successors.map((s) => (lang === 'en' ? englishPlace({ nameVi: s.nameVi, nameEn: s.nameEn, designationVi: s.designationVi, country: 'VN', level: 'province' }) : [s.designationVi, s.nameVi].filter(Boolean).join(' ')))
  return lang === 'en' ? `${name} (now part of ${into.join(', ')})` : `${name} (nay thuộc ${into.join(', ')})`
}

/** Items joined as a sentence joins them: "A, B và C" / "A, B and C". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${items.at(-1)}`
}

export const agreementTitle = (a: { titleVi: string; titleEn: string | null }, lang: Lang) => (lang === 'en' ? (a.titleEn ?? a.titleVi) : a.titleVi)

/** The agreement's state on the brief's date, in words: "Hết hiệu lực từ 01/03/2024" / "Expired since 1 Mar 2024". */
export function stateText(s: AgreementState, validUntil: string | null, lang: Lang): string {
  const label = labelOf(AGREEMENT_STATUSES, s.status, lang)
  if (s.status === 'expired' && validUntil) return lang === 'vi' ? `${label} (từ ${dateText(validUntil, lang)})` : `${label} (since ${dateText(validUntil, lang)})`
  if (s.status === 'in_force' && validUntil) return lang === 'vi' ? `${label} đến ${dateText(validUntil, lang)}` : `${label} until ${dateText(validUntil, lang)}`
  return label
}

export interface PersonNames {
  familyName: string
  givenName: string | null
  familyNameNative: string | null
  givenNameNative: string | null
  nameOrder: 'family_first' | 'given_first'
  country: string
}

/** "NAGASAKI Kotaro (長崎幸太郎)": Latin script, family name first for Japanese names, the native name beside it. */
export function personName(p: PersonNames): string {
  const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
  const native = formatNativeName(name)
  return `${formatPersonName(name)}${native ? ` (${native})` : ''}`
}

/**
 * The person's title on the brief's date: as recorded while in office; "nguyên Phó Thống
 * đốc … (đến 31/01/2025)" / "former … (until 31 Jan 2025)" once the term ended; with the
 * start of a term still to come.
 */
export function titleOnDate(title: string | null, s: Standing, lang: Lang): string {
  if (!title) return ''
  if (s.state === 'former') return lang === 'vi' ? `nguyên ${title} (đến ${dateText(s.until, lang)})` : `former ${title} (until ${dateText(s.until, lang)})`
  if (s.state === 'not_yet') return lang === 'vi' ? `${title} (từ ${dateText(s.from, lang)})` : `${title} (from ${dateText(s.from, lang)})`
  return title
}
