/**
 * Spreadsheet import: partners (organizations), people, agreements and the commitments that
 * follow them up (also the "Cam kết" sheet of the register this app exports, sent back with
 * its statuses brought up to date). The columns are
 * mapped from Vietnamese or English headers; every row is previewed with its problems
 * (missing required field, unknown province or party, a date that is not a date, a name
 * that matches an existing record); nothing is written until the officer confirms, and
 * then every row in one transaction, through the same checks as the forms.
 */
import { z } from 'zod'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, COMMITMENT_STATUSES, COUNTRIES, ORGANIZATION_KINDS, type Label } from '../../../shared/domain/labels.ts'
import { agreementInput, commitmentInput } from '../../../shared/domain/agreements.ts'
import { organizationInput, personInput } from '../../../shared/domain/partners.ts'
import { isIsoDate, parseDate } from '../../../shared/text/dates.ts'
import { fold } from '../../../shared/text/fold.ts'
import type { ImportKind, TextEncoding } from '../../../shared/domain/exchange.ts'
import { agreementFields, insertAgreement, insertCommitment, writeAgreementUpdate, writeCommitmentUpdate } from '../../agreements/queries.ts'
import type { Ctx, Db } from '../../context.ts'
import { AppError } from '../../errors.ts'
import type { IssueCode, Params } from '../../../shared/messages/index.ts'
import { insertOrganization, insertPerson } from '../../partners/queries.ts'
import { updateRecord, writeBulk } from '../../records.ts'
import { inList } from '../../search/documents.ts'
import { toDetails } from '../../api/dispatcher.ts'
import { convertEncoding, detectEncoding } from './encoding.ts'
import type { Table } from './read.ts'

export type RowAction = 'create' | 'update' | 'skip'

/** A field a sheet can fill (named for the officer in IMPORT_FIELD_LABELS). */
interface FieldSpec {
  key: string
  required?: boolean
  /**
   * The input fields a column of this field decides (default: the field's own key). An
   * update writes these and leaves every other field as the record has it.
   */
  sets?: string[]
  /** Folded header words that map to this field. */
  headers: string[]
}

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  partners: [
    { key: 'nameVi', required: true, headers: ['ten to chuc', 'ten doi tac', 'ten co quan', 'ten', 'name', 'organization', 'partner'] },
    { key: 'nameEn', headers: ['ten tieng anh', 'english name', 'name en'] },
    { key: 'nameNative', headers: ['ten ban ngu', 'ten tieng nhat', 'native name', 'japanese name', 'kanji'] },
    { key: 'abbreviation', headers: ['ten viet tat', 'viet tat', 'abbreviation', 'acronym'] },
    { key: 'kind', headers: ['loai hinh', 'loai', 'kind', 'type'] },
    { key: 'country', headers: ['quoc gia', 'nuoc', 'country'] },
    { key: 'locality', sets: ['localityId'], headers: ['ten tinh', 'tinh', 'dia phuong', 'province', 'prefecture', 'locality'] },
    { key: 'website', headers: ['website', 'trang web', 'trang thong tin'] },
    { key: 'notes', headers: ['ghi chu', 'notes', 'note'] },
  ],
  people: [
    { key: 'fullName', sets: ['familyName', 'givenName'], headers: ['ho va ten', 'ho ten', 'full name', 'name'] },
    { key: 'familyName', headers: ['ho', 'family name', 'surname', 'last name'] },
    { key: 'givenName', headers: ['ten', 'given name', 'first name'] },
    { key: 'nativeName', sets: ['familyNameNative', 'givenNameNative'], headers: ['ten ban ngu', 'native name', 'kanji', 'ten tieng nhat'] },
    { key: 'title', headers: ['chuc vu', 'chuc danh', 'title', 'position'] },
    { key: 'organization', sets: ['organizationId'], headers: ['co quan', 'to chuc', 'don vi', 'organization'] },
    { key: 'locality', sets: ['localityId'], headers: ['ten tinh', 'tinh', 'dia phuong', 'province', 'prefecture', 'locality'] },
    { key: 'country', headers: ['quoc gia', 'country'] },
    { key: 'phone', headers: ['dien thoai', 'so dien thoai', 'phone', 'telephone', 'tel'] },
    { key: 'email', headers: ['email', 'e-mail', 'thu dien tu'] },
    { key: 'bio', headers: ['tieu su', 'bio', 'biography', 'ghi chu', 'notes'] },
  ],
  agreements: [
    { key: 'titleVi', required: true, headers: ['ten van kien', 'ten thoa thuan', 'tieu de', 'title', 'agreement', 'ten'] },
    { key: 'kind', headers: ['loai van kien', 'loai', 'kind', 'type'] },
    { key: 'signedDate', headers: ['ngay ky', 'signed date', 'date signed', 'signed'] },
    { key: 'signedPlace', headers: ['noi ky', 'dia diem ky', 'place'] },
    { key: 'status', headers: ['tinh trang', 'trang thai', 'status'] },
    { key: 'homeParty', sets: ['parties.home'], headers: ['ben viet nam', 'ben ta', 'ten tinh', 'tinh', 'dia phuong', 'ben 1', 'party 1', 'vietnamese side'] },
    { key: 'partnerParty', sets: ['parties.partner'], headers: ['ben doi tac', 'doi tac', 'ben 2', 'party 2', 'partner'] },
    { key: 'sectors', headers: ['linh vuc', 'sectors', 'sector'] },
    { key: 'validFrom', headers: ['hieu luc tu', 'co hieu luc tu', 'valid from', 'effective from', 'effective'] },
    { key: 'validUntil', headers: ['hieu luc den', 'het han', 'valid until', 'expiry'] },
    { key: 'summary', headers: ['noi dung chinh', 'noi dung', 'tom tat', 'summary', 'ghi chu', 'notes'] },
  ],
  commitments: [
    { key: 'action', required: true, headers: ['noi dung cam ket', 'cam ket', 'noi dung', 'viec can lam', 'cong viec', 'commitment', 'action'] },
    { key: 'agreement', required: true, sets: ['agreementId'], headers: ['van kien', 'ten van kien', 'thoa thuan', 'agreement'] },
    { key: 'agreementSignedDate', sets: [], headers: ['ngay ky van kien', 'ngay ky', 'signed date', 'date signed'] },
    { key: 'owner', headers: ['don vi thuc hien', 'don vi chu tri', 'co quan chu tri', 'chu tri', 'owner', 'responsible'] },
    { key: 'dueDate', headers: ['han hoan thanh', 'thoi han', 'han', 'due date', 'deadline', 'due'] },
    { key: 'status', headers: ['tinh trang', 'trang thai', 'status'] },
    { key: 'notes', headers: ['ghi chu', 'notes', 'note'] },
  ],
}

/**
 * A row's problem, without words: `column` is the sheet's header it is about, `field` the
 * record's field when the record's own checks refused it; the code and parameters are
 * worded by src/shared/messages (the wizard in its language, the CLI in both).
 */
export interface Problem {
  column: string | null
  /** 'info' says something true that needs no decision (a row identical to its record). */
  level: 'error' | 'warning' | 'info'
  code: IssueCode
  field?: string
  params?: Params
}

/** An existing record a row matches; `unchanged` when the row would write what it already holds. */
export interface Match {
  id: string
  name: string
  unchanged: boolean
}

export interface PreviewRow {
  row: number
  values: Record<string, string>
  problems: Problem[]
  match: Match | null
  action: RowAction
}

export interface Preview {
  kind: ImportKind
  sheet: string
  sheets: string[]
  headers: string[]
  /** Field key -> header index, or null. */
  mapping: Record<string, number | null>
  encoding: TextEncoding | null
  encodingSuspected: TextEncoding | null
  rows: PreviewRow[]
  /**
   * Each row without errors: its fields as a form would send them, the same checked as a new
   * record (null when the row can only update its match), and the fields whose cells could
   * not be read (an update keeps the record's values there).
   */
  inputs: Map<number, { fields: Fields; created: Fields | null; kept: Set<string> }>
}

const SHEET_NAMES: Record<ImportKind, string[]> = {
  partners: ['doi tac', 'to chuc', 'partners', 'organizations'],
  people: ['nhan vat', 'nhan su', 'people', 'persons', 'contacts'],
  agreements: ['van kien', 'thoa thuan', 'so theo doi van kien', 'agreements'],
  commitments: ['cam ket', 'viec can theo doi', 'commitments'],
}

/**
 * A workbook's sheet named for the kind ("Cam kết" for commitments, as in the register this
 * app exports), else none, which reads the first sheet.
 */
export function sheetFor(kind: ImportKind) {
  return (sheets: string[]) => sheets.find((s) => SHEET_NAMES[kind].includes(fold(s).trim()))
}

/** Each field to the first header that names it (exactly, else as a prefix). */
export function autoMap(kind: ImportKind, headers: string[]): Record<string, number | null> {
  const folded = headers.map((h) => fold(h).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim())
  const used = new Set<number>()
  const mapping: Record<string, number | null> = {}
  for (const f of FIELDS[kind]) {
    let at = folded.findIndex((h, i) => !used.has(i) && f.headers.includes(h))
    if (at < 0) at = folded.findIndex((h, i) => !used.has(i) && f.headers.some((x) => x.length > 3 && h.startsWith(x)))
    mapping[f.key] = at >= 0 ? at : null
    if (at >= 0) used.add(at)
  }
  return mapping
}

/** "dd/MM/yyyy", "yyyy-MM-dd", or an Excel serial -> ISO; undefined when it is no date. */
export function readDate(text: string): string | undefined {
  const t = text.trim()
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Number(t)
    if (serial > 20000 && serial < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10)
  }
  const iso = parseDate(t)
  return iso && isIsoDate(iso) ? iso : undefined
}

function labelValue(table: Record<string, Label>, text: string): string | undefined {
  const f = fold(text)
  if (!f) return undefined
  for (const [value, l] of Object.entries(table)) {
    if (value === f || fold(l.vi) === f || fold(l.en) === f) return value
  }
  for (const [value, l] of Object.entries(table)) {
    const vi = fold(l.vi)
    if (vi.startsWith(f) || f.startsWith(vi.split(' (')[0]!) || fold(l.en).startsWith(f)) return value
    const abbr = /\(([^)]+)\)/.exec(l.vi)?.[1]
    if (abbr && fold(abbr) === f) return value
  }
  return undefined
}

const DESIGNATIONS = /^(tinh|thanh pho|tp\.?|thu do|quan|huyen|prefecture|province|city)\s+/
const SUFFIXES = /\s+(prefecture|province|city)$/

interface Resolver {
  locality(name: string): { id: string; name: string } | undefined
  organization(name: string): { id: string; name: string } | undefined
  sector(name: string): string | undefined
}

/** Agreements by folded Vietnamese or English title; a commitment row names its agreement so. */
async function agreementFinder(db: Db) {
  const byTitle = new Map<string, Array<{ id: string; signedDate: string | null }>>()
  for (const a of await db.selectFrom('agreement').select(['id', 'titleVi', 'titleEn', 'signedDate']).execute()) {
    for (const title of new Set([a.titleVi, a.titleEn].filter(Boolean).map((t) => fold(t!).trim()))) {
      const list = byTitle.get(title) ?? []
      list.push({ id: a.id, signedDate: a.signedDate })
      byTitle.set(title, list)
    }
  }
  return (title: string, signedDate: string | null) => (byTitle.get(fold(title).trim()) ?? []).filter((a) => !signedDate || a.signedDate === signedDate)
}

async function resolver(db: Db): Promise<Resolver> {
  const localities = await db.selectFrom('locality').select(['id', 'nameVi', 'nameEn', 'nameNative', 'validTo']).execute()
  const byName = new Map<string, { id: string; name: string }>()
  // Current units first, so that a name shared by an old and a new unit means the new one;
  // a name only an old unit had ("Hà Nam") resolves to that unit, with its lineage.
  for (const l of [...localities].sort((a, b) => Number(!!b.validTo) - Number(!!a.validTo))) {
    for (const n of [l.nameVi, l.nameEn, l.nameNative]) {
      if (n) byName.set(fold(n), { id: l.id, name: l.nameVi })
    }
  }
  const orgs = await db.selectFrom('organization').select(['id', 'nameVi', 'nameEn', 'abbreviation', 'nameNative']).execute()
  const byOrg = new Map<string, { id: string; name: string }>()
  for (const o of orgs) for (const n of [o.nameVi, o.nameEn, o.abbreviation, o.nameNative]) if (n) byOrg.set(fold(n), { id: o.id, name: o.nameVi })
  const sectors = await db.selectFrom('sector').select(['code', 'labelVi', 'labelEn']).execute()
  const bySector = new Map<string, string>()
  // "Giáo dục" finds "Giáo dục, đào tạo": offices write the short form.
  for (const s of sectors) for (const n of [s.code, s.labelVi, s.labelEn, s.labelVi.split(',')[0]!]) if (!bySector.has(fold(n))) bySector.set(fold(n), s.code)
  return {
    locality: (name) => {
      // "Hà Nam (nay thuộc tỉnh Ninh Bình)", as this app's own reports name an old unit, is Hà Nam.
      const f = fold(name).replace(/\s*\([^)]*\)$/, '').trim()
      return byName.get(f) ?? byName.get(f.replace(DESIGNATIONS, '').replace(SUFFIXES, '')) ?? byName.get(name.normalize('NFKC').replace(/[県府都道]$/, '').trim() + '県')
    },
    organization: (name) => byOrg.get(fold(name).trim()),
    sector: (name) => bySector.get(fold(name).trim()),
  }
}

const splitList = (text: string) =>
  text
    .split(/[;,\n]|\s+–\s+|\s+-\s+/)
    .map((s) => s.trim())
    .filter(Boolean)

export async function previewImport(
  db: Db,
  table: Table,
  kind: ImportKind,
  options: { mapping?: Record<string, number | null>; encoding?: TextEncoding | null } = {},
): Promise<Preview> {
  const encodingSuspected = detectEncoding([...table.headers, ...table.rows.slice(0, 200).flatMap((r) => r.cells)])
  const encoding = options.encoding ?? null
  const convert = (s: string) => (encoding ? convertEncoding(s, encoding) : s)
  const headers = table.headers.map(convert)
  const mapping = options.mapping ?? autoMap(kind, headers)
  const r = await resolver(db)
  const findAgreement = kind === 'commitments' ? await agreementFinder(db) : null
  const spec = FIELDS[kind]
  const column = (key: string) => {
    const i = mapping[key]
    return i === null || i === undefined ? null : (headers[i] ?? key)
  }

  const existing = await existingIndex(db, kind)
  const keys = updatedKeys(kind, mapping)
  const read: Array<{ row: number; values: Record<string, string>; problems: Problem[]; input: Fields; found?: { id: string; name: string }; kept: Set<string> }> = []
  for (const { row, cells, uncomputed } of table.rows) {
    const values: Record<string, string> = {}
    for (const f of spec) {
      const i = mapping[f.key]
      values[f.key] = i === null || i === undefined ? '' : convert(cells[i] ?? '')
    }
    const problems: Problem[] = []
    const say = (level: Problem['level'], key: string | null, code: IssueCode, params?: Params) =>
      problems.push({ column: key ? column(key) : null, level, code, ...(params && { params }) })
    const error = (key: string | null, code: IssueCode, params?: Params) => say('error', key, code, params)
    const warn = (key: string | null, code: IssueCode, params?: Params) => say('warning', key, code, params)
    // A cell that cannot be read: a new record takes a default, an updated one keeps its value.
    const kept = new Set<string>()
    const unread = (key: string, field: string, code: IssueCode, params: Params) => {
      warn(key, code, params)
      kept.add(field)
    }
    // A formula saved without its value: what it would show is unknown, so the row cannot go in.
    const unknown = new Set(spec.filter((f) => uncomputed?.includes(mapping[f.key] ?? -1)).map((f) => f.key))
    for (const key of unknown) error(key, 'uncomputed_formula')
    for (const f of spec) if (f.required && !values[f.key] && !unknown.has(f.key)) error(f.key, 'missing', { kind, key: f.key })
    const date = (key: string) => {
      const text = values[key]
      if (!text) return null
      const iso = readDate(text)
      if (!iso) error(key, 'not_a_date', { text })
      return iso ?? null
    }
    const country = (text: string, fallback: string) => {
      if (!text) return fallback
      const code = /^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : labelValue(COUNTRIES, text)
      if (!code) unread('country', 'country', 'unknown_country', { text, fallback })
      return code ?? fallback
    }

    let input: unknown
    let matchKey = ''
    if (kind === 'partners') {
      const loc = values.locality ? r.locality(values.locality) : undefined
      if (values.locality && !loc) error('locality', 'unknown_locality', { name: values.locality })
      const kindValue = values.kind ? labelValue(ORGANIZATION_KINDS, values.kind) : 'company'
      if (values.kind && !kindValue) unread('kind', 'kind', 'unknown_kind', { text: values.kind })
      input = {
        kind: kindValue ?? 'other',
        nameVi: values.nameVi,
        nameEn: values.nameEn,
        nameNative: values.nameNative,
        abbreviation: values.abbreviation,
        country: country(values.country ?? '', 'JP'),
        localityId: loc?.id ?? null,
        website: values.website,
        notes: values.notes,
      }
      matchKey = fold(values.nameVi ?? '')
    } else if (kind === 'people') {
      let family = values.familyName ?? ''
      let given = values.givenName ?? ''
      const countryCode = country(values.country ?? '', 'JP')
      if (!family && values.fullName) {
        const words = values.fullName.split(/\s+/)
        // "YAMAMOTO Ichita" and "Cao Văn Cường" are both family name first.
        family = words[0] ?? ''
        given = words.slice(1).join(' ')
      }
      if (!family) error('familyName', 'name_missing')
      const [familyNative, ...givenNative] = (values.nativeName ?? '').split(/\s+/).filter(Boolean)
      const loc = values.locality ? r.locality(values.locality) : undefined
      if (values.locality && !loc) error('locality', 'unknown_locality', { name: values.locality })
      const org = values.organization ? r.organization(values.organization) : undefined
      if (values.organization && !org) unread('organization', 'organizationId', 'unknown_organization', { name: values.organization })
      input = {
        familyName: family.charAt(0) + family.slice(1).toLocaleLowerCase(countryCode === 'VN' ? 'vi' : 'en'),
        givenName: given,
        familyNameNative: familyNative ?? null,
        givenNameNative: givenNative.join(' ') || null,
        nameOrder: 'family_first',
        country: countryCode,
        title: values.title,
        organizationId: org?.id ?? null,
        localityId: loc?.id ?? null,
        bio: values.bio,
        phone: values.phone,
        email: values.email,
      }
      matchKey = fold(`${family} ${given}`)
    } else if (kind === 'commitments') {
      const signedDate = date('agreementSignedDate')
      const found = values.agreement ? findAgreement!(values.agreement, signedDate) : []
      if (values.agreement && found.length === 0) {
        error('agreement', 'unknown_agreement', { title: values.agreement, ...(signedDate && { signed: signedDate }) })
      } else if (found.length > 1) {
        error('agreement', 'ambiguous_agreement', { count: found.length, title: values.agreement ?? '' })
      }
      const agreementId = found.length === 1 ? found[0]!.id : undefined
      const statusValue = values.status ? labelValue(COMMITMENT_STATUSES, values.status) : 'open'
      if (values.status && !statusValue) unread('status', 'status', 'unknown_commitment_status', { text: values.status })
      input = { agreementId, action: values.action, owner: values.owner, dueDate: date('dueDate'), status: statusValue ?? 'open', notes: values.notes }
      matchKey = `${agreementId ?? ''}|${fold(values.action ?? '')}`
    } else {
      const signedDate = date('signedDate')
      matchKey = `${fold(values.titleVi ?? '')}|${signedDate ?? ''}`
      const kindValue = values.kind ? labelValue(AGREEMENT_KINDS, values.kind) : 'other'
      if (values.kind && !kindValue) unread('kind', 'kind', 'unknown_agreement_kind', { text: values.kind })
      const statusValue = values.status ? labelValue(AGREEMENT_STATUSES, values.status) : signedDate ? 'signed' : 'proposed'
      if (values.status && !statusValue) unread('status', 'status', 'unknown_agreement_status', { text: values.status })
      const parties: Array<{ side: 'home' | 'partner'; localityId: string | null; organizationId: string | null }> = []
      for (const [key, side] of [['homeParty', 'home'], ['partnerParty', 'partner']] as const) {
        for (const name of splitList(values[key] ?? '')) {
          const loc = r.locality(name)
          const org = loc ? undefined : r.organization(name)
          if (!loc && !org) error(key, 'unknown_party', { name })
          else parties.push({ side, localityId: loc?.id ?? null, organizationId: org?.id ?? null })
        }
      }
      // A row that updates a record without party columns keeps the record's parties.
      const partiesFromRow = !existing.has(matchKey) || keys.has('parties.home') || keys.has('parties.partner')
      if (partiesFromRow && parties.length === 0 && !problems.some((p) => p.code === 'unknown_party')) error('homeParty', 'needs_party')
      const sectors: string[] = []
      // Sectors are split at semicolons and line breaks, and at commas only inside a part that
      // is no sector as a whole: "Giáo dục, đào tạo" is one sector, "Du lịch, Nông nghiệp" two.
      const sectorNames = (values.sectors ?? '').split(/[;\n]/).flatMap((part) => (r.sector(part) ? [part] : part.split(','))).map((x) => x.trim()).filter(Boolean)
      for (const name of sectorNames) {
        const code = r.sector(name)
        if (code) sectors.push(code)
        else warn('sectors', 'unknown_sector_skipped', { name })
      }
      input = {
        kind: kindValue ?? 'other',
        titleVi: values.titleVi,
        status: statusValue ?? (signedDate ? 'signed' : 'proposed'),
        signedDate,
        signedPlace: values.signedPlace,
        validFrom: date('validFrom'),
        validUntil: date('validUntil'),
        summary: values.summary,
        sectors,
        parties,
      }
    }

    read.push({ row, values, problems, input: input as Fields, found: existing.get(matchKey), kept })
  }

  // The contract's own checks (lengths, real dates, required fields), as a form would: on the
  // row as a new record or, for a row that matches one, on what "update" would write (the
  // matched records read in one go).
  const currents = await currentsOf(db, kind, read.flatMap((r) => (r.found && !r.problems.some(isError) ? [r.found.id] : [])))
  const rows: PreviewRow[] = []
  const inputs: Preview['inputs'] = new Map()
  for (const { row, values, problems, input, found, kept } of read) {
    const match: Match | null = found ? { ...found, unchanged: false } : null
    let changes: string[] = []
    if (!problems.some(isError)) {
      const created = SCHEMAS[kind].safeParse(input)
      const update = found ? updateOf(kind, currents.get(found.id)!, input, without(keys, kept)) : null
      const result = update ? update.result : created
      if (!result.success) for (const d of toDetails(result.error)) problems.push({ column: null, level: 'error', ...d })
      else inputs.set(row, { fields: input, created: created.success ? created.data : null, kept })
      if (match && update?.result.success) {
        match.unchanged = update.unchanged
        changes = update.changed.map((k) => FIELDS[kind].find((f) => (f.sets ?? [f.key]).includes(k))?.key ?? k)
      }
    }
    if (match?.unchanged) problems.push({ column: null, level: 'info', code: 'identical' })
    else if (match) problems.push({ column: null, level: 'warning', code: 'matches', params: { name: match.name, kind, changes: [...new Set(changes)] } })
    rows.push({ row, values, problems, match, action: problems.some(isError) ? 'skip' : match ? 'skip' : 'create' })
  }
  return { kind, sheet: table.sheet, sheets: table.sheets, headers, mapping, encoding, encodingSuspected, rows, inputs }
}

type Fields = Record<string, unknown>
type Party = { side: string; localityId: string | null; organizationId: string | null }

const SCHEMAS: Record<ImportKind, z.ZodType<Fields>> = { partners: organizationInput, people: personInput, agreements: agreementInput, commitments: commitmentInput }

/** The input fields the mapped columns decide; an update leaves the others as they are. */
function updatedKeys(kind: ImportKind, mapping: Record<string, number | null>): Set<string> {
  return new Set(FIELDS[kind].filter((f) => mapping[f.key] !== null && mapping[f.key] !== undefined).flatMap((f) => f.sets ?? [f.key]))
}

const without = (keys: Set<string>, kept: Set<string>) => new Set([...keys].filter((k) => !kept.has(k)))

const isError = (p: Problem) => p.level === 'error'

/** Records as their forms would send them, by id (a sheet's matches, read in one go). */
async function currentsOf(db: Db, kind: ImportKind, ids: string[]): Promise<Map<string, Fields>> {
  if (ids.length === 0) return new Map()
  if (kind === 'agreements') return agreementFields(db, ids)
  const table = ({ partners: 'organization', people: 'person', commitments: 'commitment' } as const)[kind]
  const rows = await db.selectFrom(table).selectAll().where(inList('id', ids)).execute()
  return new Map(
    rows.map((row) => {
      const parsed = SCHEMAS[kind].safeParse(row)
      return [row.id, parsed.success ? parsed.data : (row as Fields)]
    }),
  )
}

/**
 * What "update" writes for a row: the record, with the fields the sheet has columns for
 * taken from the row (an agreement's parties side by side: a sheet with only "Bên đối tác"
 * leaves the Vietnamese side alone). `changed`: the fields that would differ from the record.
 */
function updateOf(kind: ImportKind, current: Fields, input: Fields, keys: Set<string>) {
  const merged: Fields = { ...current }
  for (const k of keys) if (!k.startsWith('parties.')) merged[k] = input[k]
  if (kind === 'agreements') {
    merged.parties = (['home', 'partner'] as const).flatMap((side) => ((keys.has(`parties.${side}`) ? input : current).parties as Party[]).filter((p) => p.side === side))
  }
  const result = SCHEMAS[kind].safeParse(merged)
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b)
  const changed = result.success ? [...keys].filter((k) => (k.startsWith('parties.') ? !same(sideOf(current, k), sideOf(result.data, k)) : !same(current[k], result.data[k]))) : []
  return { result, unchanged: result.success && changed.length === 0, changed }
}

const sideOf = (fields: Fields, key: string) => (fields.parties as Party[]).filter((p) => `parties.${p.side}` === key)
/** Lists compare as sets (parties and sectors have no order a sheet could keep). */
const canonical = (v: unknown): string => (Array.isArray(v) ? JSON.stringify(v.map((x) => JSON.stringify(x)).sort()) : JSON.stringify(v ?? null))

async function existingIndex(db: Db, kind: ImportKind): Promise<Map<string, { id: string; name: string }>> {
  const index = new Map<string, { id: string; name: string }>()
  if (kind === 'partners') {
    for (const o of await db.selectFrom('organization').select(['id', 'nameVi']).execute()) index.set(fold(o.nameVi), { id: o.id, name: o.nameVi })
  } else if (kind === 'people') {
    for (const p of await db.selectFrom('person').select(['id', 'familyName', 'givenName']).execute()) {
      const name = `${p.familyName} ${p.givenName ?? ''}`.trim()
      index.set(fold(name), { id: p.id, name })
    }
  } else if (kind === 'commitments') {
    for (const c of await db.selectFrom('commitment').select(['id', 'agreementId', 'action']).execute()) index.set(`${c.agreementId}|${fold(c.action)}`, { id: c.id, name: c.action })
  } else {
    for (const a of await db.selectFrom('agreement').select(['id', 'titleVi', 'signedDate']).execute()) index.set(`${fold(a.titleVi)}|${a.signedDate ?? ''}`, { id: a.id, name: a.titleVi })
  }
  return index
}

/** Writes the chosen rows in one transaction; any failure writes nothing. */
export async function commitImport(
  ctx: Ctx,
  preview: Preview,
  actions: Record<number, RowAction> = {},
): Promise<{ created: number; updated: number; unchanged: number; skipped: number; indexing: number }> {
  const chosen = preview.rows.map((r) => ({ ...r, action: actions[r.row] ?? r.action }))
  const bad = chosen.filter((r) => r.action !== 'skip' && r.problems.some((p) => p.level === 'error'))
  if (bad.length) {
    throw new AppError('import_rows_with_errors', { count: bad.length, rows: bad.slice(0, 10).map((r) => String(r.row)) })
  }
  const noMatch = chosen.filter((r) => r.action === 'update' && !r.match)
  if (noMatch.length) throw new AppError('import_nothing_to_update', { rows: noMatch.map((r) => String(r.row)) })
  const { value, indexing } = await writeBulk(ctx, async (trx) => {
    let created = 0
    let updated = 0
    let unchanged = 0
    const keys = updatedKeys(preview.kind, preview.mapping)
    // The matched records as they are now (they may have changed since the preview).
    const updates = chosen.filter((r) => r.action === 'update')
    const currents = await currentsOf(trx, preview.kind, updates.map((r) => r.match!.id))
    const gone = updates.filter((r) => !currents.has(r.match!.id))
    if (gone.length) throw new AppError('import_match_deleted', { rows: gone.map((r) => String(r.row)) })
    for (const r of chosen) {
      const checked = preview.inputs.get(r.row)
      // A row left alone because its record holds it already is "unchanged", not "skipped".
      if (r.action === 'skip' && r.match?.unchanged) unchanged++
      if (r.action === 'skip' || !checked) continue
      if (r.action === 'create') {
        const input = checked.created
        if (!input) throw new AppError('import_row_only_updates', { row: r.row })
        if (preview.kind === 'partners') await insertOrganization(trx, ctx, input as never)
        else if (preview.kind === 'people') await insertPerson(trx, ctx, input as never)
        else if (preview.kind === 'commitments') await insertCommitment(trx, ctx, input as never)
        else await insertAgreement(trx, ctx, input as never, undefined, { bulk: true })
        created++
      } else {
        const id = r.match!.id
        const { result, unchanged: same } = updateOf(preview.kind, currents.get(id)!, checked.fields, without(keys, checked.kept))
        if (!result.success) throw new AppError('import_row_invalid', { row: r.row }, { details: toDetails(result.error) })
        if (same) {
          // Writing the same values would still mark the record as edited here, and a later
          // pack exchange would see a change that never happened.
          unchanged++
          continue
        }
        const input = result.data
        if (preview.kind === 'partners') {
          await updateRecord(trx, ctx, 'organization', id, input as Record<string, unknown>)
        } else if (preview.kind === 'people') {
          await updateRecord(trx, ctx, 'person', id, input as Record<string, unknown>)
        } else if (preview.kind === 'commitments') {
          await writeCommitmentUpdate(trx, ctx, id, input as never)
        } else {
          // Signatories are not in a sheet: the record's, merged in, stay.
          await writeAgreementUpdate(trx, ctx, id, input as never)
        }
        updated++
      }
    }
    return { created, updated, unchanged, skipped: chosen.length - created - updated - unchanged }
  })
  // Thousands of new agreements are indexed in the background, right after.
  return { ...value, indexing }
}
