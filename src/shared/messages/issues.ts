/**
 * What can be wrong with one field, in both languages. The schemas name these codes as
 * their messages (`{ error: 'required' }`); the core sends `{ field, code, params }`;
 * the window, the CLI and the import report word them here.
 */
import type { z } from 'zod'
import { importFieldLabel } from '../domain/exchange.ts'
import type { Lang } from '../domain/labels.ts'
import type { Params, Words } from './words.ts'

type Say = (p: Params, w: Words) => string
export interface Wording {
  vi: Say
  en: Say
}

/** The fields an update would change, named as the wizard names the sheet's fields (lower case in running text). */
const changes = (p: Params, lang: Lang): string[] | null => {
  const keys = Array.isArray(p.changes) ? p.changes : []
  return keys.length ? keys.map((k) => importFieldLabel(String(p.kind), k, lang).toLocaleLowerCase(lang)) : null
}

const q = (v: Params[string] | undefined, lang: Lang) => (lang === 'vi' ? `“${String(v ?? '')}”` : `"${String(v ?? '')}"`)

export const ISSUES = {
  required: { vi: () => 'Bắt buộc', en: () => 'Required' },
  changed_meanwhile: {
    vi: (p, w) => `Đồng nghiệp vừa sửa thành ${w.text(p.value)}`,
    en: (p, w) => `A colleague has just changed it to ${w.text(p.value)}`,
  },
  must_be_text: { vi: () => 'Phải là chuỗi ký tự', en: () => 'Must be text' },
  too_long: {
    vi: (p, w) => (p.max ? `Quá dài (tối đa ${w.number(p.max)} ký tự)` : 'Quá dài'),
    en: (p, w) => (p.max ? `Too long (at most ${w.number(p.max)} characters)` : 'Too long'),
  },
  invalid_date: { vi: () => 'Ngày không hợp lệ, ví dụ 25/11/2025', en: () => 'Not a real date; for example 25/11/2025' },
  invalid_id: { vi: () => 'Mã bản ghi không hợp lệ', en: () => 'Not a valid record id' },
  country_code: { vi: () => 'Mã quốc gia gồm 2 chữ cái in hoa (VN, JP...)', en: () => 'A country code of two capital letters (VN, JP…)' },
  must_be_number: { vi: () => 'Phải là số', en: () => 'Must be a number' },
  negative: { vi: () => 'Không được âm', en: () => 'Must not be negative' },
  not_in_list: { vi: () => 'Giá trị không nằm trong danh mục cho phép', en: () => 'Not one of the allowed values' },
  vn_province: { vi: () => 'Hãy chọn một tỉnh, thành phố của Việt Nam', en: () => 'Choose a province or city of Viet Nam' },
  wrong_type: { vi: () => 'Sai kiểu dữ liệu', en: () => 'Wrong kind of value' },
  too_large: {
    vi: (p, w) => (p.max !== undefined ? `Vượt quá giới hạn cho phép (tối đa ${w.number(p.max)})` : 'Vượt quá giới hạn cho phép'),
    en: (p, w) => (p.max !== undefined ? `Too large (at most ${w.number(p.max)})` : 'Too large'),
  },
  too_small: {
    vi: (p, w) => (p.min !== undefined ? `Chưa đủ giá trị tối thiểu (ít nhất ${w.number(p.min)})` : 'Chưa đủ giá trị tối thiểu'),
    en: (p, w) => (p.min !== undefined ? `Too small (at least ${w.number(p.min)})` : 'Too small'),
  },
  unknown_fields: { vi: (p, w) => `Trường không được hỗ trợ: ${w.text(p.keys)}`, en: (p, w) => `Fields not accepted: ${w.text(p.keys)}` },
  invalid: { vi: () => 'Giá trị không hợp lệ', en: () => 'Not a valid value' },
  not_json: { vi: () => 'Không phải JSON', en: () => 'Not JSON' },
  // ---- the domain's own rules
  party_one_of: { vi: () => 'Mỗi bên là một địa phương hoặc một tổ chức', en: () => 'Each party is one locality or one organization' },
  needs_party: { vi: () => 'Văn kiện phải có ít nhất một bên ký kết', en: () => 'An agreement needs at least one party' },
  validity_reversed: { vi: () => 'Ngày hết hiệu lực phải sau ngày bắt đầu', en: () => 'The validity ends before it starts' },
  phone: { vi: () => 'Số điện thoại chỉ gồm chữ số, dấu cách, + - ( ) /', en: () => 'Digits, spaces and + - ( ) / only' },
  email: { vi: () => 'Địa chỉ thư điện tử không hợp lệ', en: () => 'Not an e-mail address' },
  term_reversed: { vi: () => 'Nhiệm kỳ kết thúc trước khi bắt đầu', en: () => 'The term ends before it starts' },
  participant_one_of: { vi: () => 'Mỗi thành phần là một địa phương, tổ chức hoặc nhân vật', en: () => 'Each participant is one locality, organization or person' },
  ends_before_start: { vi: () => 'Ngày kết thúc phải sau ngày bắt đầu', en: () => 'Ends before it starts' },
  member_person_or_name: { vi: () => 'Chọn nhân vật hoặc nhập họ tên', en: () => 'Choose a person or type a name' },
  datetime_format: { vi: () => 'Thời gian dạng dd/MM/yyyy HH:mm', en: () => 'A date and time as dd/MM/yyyy HH:mm' },
  datetime_invalid: { vi: () => 'Thời gian không hợp lệ', en: () => 'Not a real date and time' },
  counterpart_one_of: { vi: () => 'Mỗi đối tác là một nhân vật, tổ chức hoặc địa phương', en: () => 'Each counterpart is one person, organization or locality' },
  section_twice: { vi: () => 'Mục bị lặp', en: () => 'A section appears twice' },
  file_name_too_long: { vi: () => 'Tên tệp quá dài', en: () => 'The file name is too long' },
  not_sha256: { vi: () => 'Mã băm sha256 không hợp lệ', en: () => 'Not a sha256 hash' },
  attachment_mime: { vi: () => 'Chỉ PDF hoặc ảnh (PNG, JPEG, TIFF)', en: () => 'Only PDF files or pictures (PNG, JPEG, TIFF)' },
  query_too_long: { vi: () => 'Từ khóa quá dài', en: () => 'Too much to search for' },
  period_reversed: { vi: () => 'Khoảng thời gian không hợp lệ (ngày đầu sau ngày cuối)', en: () => 'The period ends before it starts' },
  record_gone: { vi: () => 'Bản ghi được chọn không còn tồn tại', en: () => 'The chosen record no longer exists' },
  unknown_sector: { vi: (p, w) => `Lĩnh vực không có trong danh mục: ${w.text(p.codes)}`, en: (p, w) => `Not in the list of sectors: ${w.text(p.codes)}` },
  figure_in_future: { vi: () => 'Ngày của số liệu ở tương lai', en: () => 'Dated in the future' },
  // ---- a spreadsheet's rows (src/main/exchange/import): `field` is the sheet's field, params name what was read
  uncomputed_formula: {
    vi: () => 'Ô công thức chưa có giá trị — mở tệp trong Excel rồi lưu lại',
    en: () => 'A formula cell without a saved value: open the file in Excel and save it again',
  },
  missing: {
    vi: (p) => `Thiếu ${importFieldLabel(String(p.kind), String(p.key), 'vi').toLocaleLowerCase('vi')}`,
    en: (p) => `${importFieldLabel(String(p.kind), String(p.key), 'en')} missing`,
  },
  not_a_date: { vi: (p) => `${q(p.text, 'vi')} không phải ngày hợp lệ (dd/MM/yyyy)`, en: (p) => `${q(p.text, 'en')} is not a date (dd/MM/yyyy)` },
  unknown_country: {
    vi: (p) => `Không rõ quốc gia ${q(p.text, 'vi')}; bản ghi mới dùng ${String(p.fallback)}, bản ghi trùng giữ như cũ`,
    en: (p) => `Unknown country ${q(p.text, 'en')}: a new record takes ${String(p.fallback)}, a matching one keeps its own`,
  },
  unknown_locality: { vi: (p) => `Không tìm thấy địa phương ${q(p.name, 'vi')}`, en: (p) => `No locality ${q(p.name, 'en')} in the register` },
  unknown_kind: {
    vi: (p) => `Không rõ loại ${q(p.text, 'vi')}; bản ghi mới ghi là “Khác”, bản ghi trùng giữ như cũ`,
    en: (p) => `Unknown kind ${q(p.text, 'en')}: a new record is "Other", a matching one keeps its own`,
  },
  name_missing: { vi: () => 'Thiếu họ tên', en: () => 'Name missing' },
  unknown_organization: {
    vi: (p) => `Chưa có tổ chức ${q(p.name, 'vi')} trong danh bạ; bỏ qua liên kết (bản ghi trùng giữ liên kết cũ)`,
    en: (p) => `No organization ${q(p.name, 'en')} in the register: the link is left out (a matching record keeps its own)`,
  },
  unknown_agreement: {
    vi: (p, w) => `Không tìm thấy văn kiện ${q(p.title, 'vi')}${p.signed ? ` ký ngày ${w.date(p.signed)}` : ''}`,
    en: (p, w) => `No agreement ${q(p.title, 'en')}${p.signed ? ` signed on ${w.date(p.signed)}` : ''} in the register`,
  },
  ambiguous_agreement: {
    vi: (p) => `Có ${String(p.count)} văn kiện cùng tên ${q(p.title, 'vi')}; thêm cột “Ngày ký văn kiện” để chọn đúng`,
    en: (p) => `${String(p.count)} agreements are titled ${q(p.title, 'en')}: add a column "Ngày ký văn kiện" (date signed) to tell them apart`,
  },
  unknown_commitment_status: {
    vi: (p) => `Không rõ tình trạng ${q(p.text, 'vi')}; bản ghi mới ghi là “Chưa thực hiện”, bản ghi trùng giữ như cũ`,
    en: (p) => `Unknown status ${q(p.text, 'en')}: a new record is "Not started", a matching one keeps its own`,
  },
  unknown_agreement_kind: {
    vi: (p) => `Không rõ loại văn kiện ${q(p.text, 'vi')}; bản ghi mới ghi là “Khác”, bản ghi trùng giữ như cũ`,
    en: (p) => `Unknown kind of agreement ${q(p.text, 'en')}: a new record is "Other", a matching one keeps its own`,
  },
  unknown_agreement_status: {
    vi: (p) => `Không rõ tình trạng ${q(p.text, 'vi')}; bản ghi mới tính theo ngày ký, bản ghi trùng giữ như cũ`,
    en: (p) => `Unknown status ${q(p.text, 'en')}: a new record takes it from its signing date, a matching one keeps its own`,
  },
  unknown_party: {
    vi: (p) => `Không tìm thấy ${q(p.name, 'vi')} trong danh bạ (địa phương hoặc tổ chức)`,
    en: (p) => `No locality or organization ${q(p.name, 'en')} in the register`,
  },
  unknown_sector_skipped: {
    vi: (p) => `Lĩnh vực ${q(p.name, 'vi')} không có trong danh mục; bỏ qua`,
    en: (p) => `The sector ${q(p.name, 'en')} is not in the list: left out`,
  },
  encoding_suspected: {
    vi: (p) =>
      p.encoding === 'utf8-as-cp1252'
        ? 'Văn bản trong tệp có vẻ bị lỗi bảng mã (UTF-8 đọc nhầm thành Windows-1252); chạy lại với --convert để sửa.'
        : `Tệp có vẻ dùng bảng mã cũ ${String(p.encoding).toUpperCase()}; chạy lại với --convert để chuyển sang Unicode.`,
    en: (p) =>
      p.encoding === 'utf8-as-cp1252'
        ? 'The text seems to be UTF-8 read as Windows-1252: run again with --convert to repair it.'
        : `The file seems typed in the old ${String(p.encoding).toUpperCase()} encoding: run again with --convert to turn it into Unicode.`,
  },
  identical: { vi: () => 'Giống hệt bản ghi đã có; không có gì để cập nhật', en: () => 'Identical to a record in the register: nothing to update' },
  matches: {
    vi: (p, w) => `Trùng với bản ghi đã có: ${w.text(p.name)}${changes(p, 'vi') ? `; cập nhật sẽ đổi ${w.list(changes(p, 'vi') ?? [])}` : ''}`,
    en: (p, w) => `Matches a record in the register: ${w.text(p.name)}${changes(p, 'en') ? `; an update changes ${w.list(changes(p, 'en') ?? [])}` : ''}`,
  },
  // ---- the approval request's rate table (src/main/documents/approval)
  currency_code: { vi: () => 'Mã tiền tệ gồm 3 chữ cái in hoa (VND, USD, JPY...)', en: () => 'A currency code of three capital letters (VND, USD, JPY…)' },
  rate_repeated: {
    vi: (p, w) => `Quốc gia và hạng này đã có ở dòng ${w.number(p.row)}`,
    en: (p, w) => `This country and rank are already on row ${w.number(p.row)}`,
  },
} satisfies Record<string, Wording>

export type IssueCode = keyof typeof ISSUES
export const isIssueCode = (s: string): s is IssueCode => Object.hasOwn(ISSUES, s)

/** One field's problem as it crosses the contract: no words, only what the words need. */
export interface Issue {
  /** Dotted path of the field, e.g. "parties" or "signedDate" ('' for the whole input). */
  field: string
  code: IssueCode
  params?: Params
}

/** A zod issue as an Issue: the project's schemas name their code as the message; zod's own codes are mapped. */
function issueOf(issue: z.core.$ZodIssue): Issue {
  const field = issue.path.map(String).join('.')
  const own = issue.message
  const at = (code: IssueCode, params?: Params): Issue => (params ? { field, code, params } : { field, code })
  if (isIssueCode(own)) {
    const params = issue.code === 'custom' ? (issue.params as Params | undefined) : issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined
    return at(own, params && Object.keys(params).length ? params : undefined)
  }
  switch (issue.code) {
    case 'invalid_type':
      return at(issue.input === undefined || issue.input === null ? 'required' : 'wrong_type')
    case 'invalid_value':
      return at('not_in_list')
    case 'too_big':
      return at(issue.origin === 'string' ? 'too_long' : 'too_large', { max: Number(issue.maximum) })
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? at('required') : at('too_small', { min: Number(issue.minimum) })
    case 'unrecognized_keys':
      return at('unknown_fields', { keys: issue.keys })
    case 'invalid_format':
      return at(issue.format === 'uuid' ? 'invalid_id' : 'invalid')
    default:
      return at('invalid')
  }
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map(issueOf)
}
