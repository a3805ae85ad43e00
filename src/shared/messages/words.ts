/**
 * What a message's parameters become in each language: dates, numbers, lists, and the
 * names of fields, record kinds and tables, which cross the contract as keys.
 */
import { fieldLabel } from '../domain/fields.ts'
import type { Label, Lang } from '../domain/labels.ts'
import { formatDate } from '../text/dates.ts'

/** A message's parameters: what it names, never words of its own. */
export type Params = Record<string, string | number | string[]>

/** Kinds of record a message may name ("không tìm thấy đoàn công tác"). */
export const ENTITIES: Record<string, Label> = {
  locality: { vi: 'địa phương', en: 'locality' },
  organization: { vi: 'tổ chức', en: 'organization' },
  person: { vi: 'nhân vật', en: 'person' },
  partner: { vi: 'đối tác', en: 'partner' },
  agreement: { vi: 'văn kiện', en: 'agreement' },
  commitment: { vi: 'cam kết', en: 'commitment' },
  engagement: { vi: 'hoạt động', en: 'engagement' },
  fact: { vi: 'số liệu', en: 'figure' },
  trip: { vi: 'đoàn công tác', en: 'trip' },
  itinerary_item: { vi: 'mục chương trình', en: 'programme item' },
  snippet: { vi: 'luận điểm', en: 'talking point' },
  brief: { vi: 'tài liệu', en: 'brief' },
  attachment: { vi: 'tệp đính kèm', en: 'attachment' },
  tombstone: { vi: 'bản ghi đã xóa', en: 'deleted record' },
  agreement_party: { vi: 'bên ký kết', en: 'party' },
  agreement_signatory: { vi: 'người ký', en: 'signatory' },
  signed_agreement: { vi: 'văn kiện (người ký)', en: 'signed agreement' },
  engagement_participant: { vi: 'thành phần tham dự', en: 'participant' },
  trip_member: { vi: 'thành viên đoàn', en: 'delegation member' },
  locality_lineage: { vi: 'sáp nhập địa phương', en: 'merger of localities' },
  file: { vi: 'tệp', en: 'file' },
  travel_rate: { vi: 'định mức', en: 'rate' },
  legal_basis: { vi: 'căn cứ pháp lý', en: 'legal basis' },
  approval_request: { vi: 'tờ trình', en: 'approval request' },
}

export interface Words {
  lang: Lang
  date(iso: string | number | string[] | undefined): string
  number(n: string | number | string[] | undefined): string
  /** A list of texts, "a, b và c" / "a, b and c". */
  list(items: string | number | string[] | undefined): string
  field(key: string | number | string[] | undefined): string
  entity(key: string | number | string[] | undefined): string
  /** A parameter as it is (quoted names are the message's to quote). */
  text(v: string | number | string[] | undefined): string
}

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }
const asList = (v: string | number | string[] | undefined): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)])

export function wordsFor(lang: Lang): Words {
  const list = (items: string | number | string[] | undefined) => {
    const all = asList(items)
    if (all.length <= 1) return all.join('')
    return `${all.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${all[all.length - 1]}`
  }
  return {
    lang,
    date: (iso) => formatDate(String(iso ?? '')),
    number: (n) => (typeof n === 'number' ? new Intl.NumberFormat(LOCALES[lang]).format(n) : String(n ?? '')),
    list,
    field: (key) => list(asList(key).map((k) => fieldLabel(k, lang))),
    entity: (key) => ENTITIES[String(key)]?.[lang] ?? String(key ?? ''),
    text: (v) => asList(v).join(', '),
  }
}

/** "nhân vật" -> "Nhân vật". */
export const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1)
