/**
 * Every row of a pack passes the schema the form that writes it uses, before anything is
 * written: an agreement is read back as the agreement form would send it (its parties,
 * signatories and sectors gathered from their tables) and checked by `agreementInput`, an
 * engagement with its participants by `engagementInput`, and so on; the meta columns
 * (UUID ids, ISO times) and the records no form writes (attachments, brief settings,
 * deletions) by schemas of their own. A pack bringing `kind = 'bogus'`, 2025-02-31, an end
 * before its start, a 2 MB note or a non-UUID id is refused naming table, record and field.
 *
 * Pure over the pack's database file, so it can run off the main thread.
 */
import Database from 'better-sqlite3'
import { z } from 'zod'
import { agreementInput, commitmentInput } from '../../../shared/domain/agreements.ts'
import { attachmentRecord } from '../../../shared/domain/attachments.ts'
import { briefSettings } from '../../../shared/domain/briefs.ts'
import { id, isoDate, requiredText } from '../../../shared/domain/common.ts'
import { engagementInput } from '../../../shared/domain/engagements.ts'
import { fieldLabel } from '../../../shared/domain/fields.ts'
import { factInput, localityInput, organizationInput, personInput } from '../../../shared/domain/partners.ts'
import { itemInput, snippetInput, tripInput } from '../../../shared/domain/trips.ts'
import { ENTITY_TABLES, TOMBSTONE_TABLE, camel, quote } from './format.ts'

export interface RowProblem {
  table: string
  id: string
  field: string
  message: string
}

type Row = Record<string, unknown>

const meta = z.object({
  id: id(),
  createdAt: z.iso.datetime({ error: 'Thời điểm không hợp lệ / invalid time' }),
  updatedAt: z.iso.datetime({ error: 'Thời điểm không hợp lệ / invalid time' }),
  updatedBy: requiredText().pipe(z.string().max(200)),
  origin: requiredText().pipe(z.string().max(100)),
})
const refKey = z.object({ refKey: z.string().max(100).nullable().optional() })
const lineage = z.object({ predecessorId: id(), successorId: id(), effectiveDate: isoDate() })
const brief = z.object({ tripId: id(), settings: z.string().transform(parseJson).pipe(briefSettings) })
const tombstone = z.object({
  tbl: z.enum(ENTITY_TABLES),
  id: id(),
  deletedAt: z.iso.datetime({ error: 'Thời điểm không hợp lệ / invalid time' }),
  deletedBy: z.string().max(200),
  origin: z.string().max(100),
})

function parseJson(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text)
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Không phải JSON / not JSON' })
    return z.NEVER
  }
}
/** A JSON list column as the form sends it (a list), or the text itself for the schema to refuse. */
const jsonList = (text: unknown) => {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** A row of an SQLite table with the app's field names. */
const camelRow = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]))

/**
 * Children of a parent table, read in the parents' id order alongside them (a merge join),
 * so that a register of 600,000 participants is checked in one pass.
 */
class Children {
  private readonly rows: IterableIterator<Row> | null
  private next: IteratorResult<Row> | null = null
  private readonly key: string

  constructor(db: Database.Database, table: string, key: string, order: string | null, tables: ReadonlySet<string>) {
    this.key = key
    this.rows = tables.has(table) ? (db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${quote(key)}${order ? `, ${quote(order)}` : ''}`).iterate() as IterableIterator<Row>) : null
  }

  /** The children of `parentId`; parents must be asked for in ascending id order. */
  of(parentId: string): Row[] {
    if (!this.rows) return []
    const found: Row[] = []
    this.next ??= this.rows.next()
    while (!this.next.done) {
      const k = String(this.next.value[this.key])
      if (k > parentId) break
      if (k === parentId) found.push(this.next.value)
      this.next = this.rows.next()
    }
    return found
  }

  /** Children whose parent was never asked for (a parent the pack does not hold). */
  rest(): Row[] {
    if (!this.rows) return []
    const left: Row[] = []
    if (this.next && !this.next.done) left.push(this.next.value)
    for (const r of this.rows) left.push(r)
    return left
  }
}

interface TableCheck {
  schema: z.ZodType
  /** The parent rows' children, by table, gathered into the form's shape. */
  children?: Array<{ table: string; key: string; order: string | null; as: (rows: Row[]) => Record<string, unknown> }>
  /** The row's own columns in the form's shape (booleans, JSON lists). */
  shape?: (row: Row) => Row
}

const CHECKS: Record<string, TableCheck> = {
  locality: { schema: z.intersection(localityInput, refKey) },
  organization: { schema: z.intersection(organizationInput, refKey) },
  person: { schema: personInput },
  agreement: {
    schema: agreementInput,
    shape: (r) => ({ ...r, shortenedProcedure: r.shortenedProcedure === 1 || r.shortenedProcedure === true }),
    children: [
      { table: 'agreement_party', key: 'agreement_id', order: 'position', as: (rows) => ({ parties: rows.map((p) => ({ side: p.side, localityId: p.locality_id, organizationId: p.organization_id })) }) },
      { table: 'agreement_signatory', key: 'agreement_id', order: 'position', as: (rows) => ({ signatories: rows.map((s) => ({ personId: s.person_id, side: s.side, titleAtSigning: s.title_at_signing })) }) },
      { table: 'agreement_sector', key: 'agreement_id', order: null, as: (rows) => ({ sectors: rows.map((s) => s.sector_code) }) },
    ],
  },
  commitment: { schema: commitmentInput },
  engagement: {
    schema: engagementInput,
    children: [
      {
        table: 'engagement_participant',
        key: 'engagement_id',
        order: 'position',
        as: (rows) => ({ participants: rows.map((p) => ({ localityId: p.locality_id, organizationId: p.organization_id, personId: p.person_id, role: p.role })) }),
      },
      { table: 'engagement_agreement', key: 'engagement_id', order: null, as: (rows) => ({ agreementIds: rows.map((a) => a.agreement_id) }) },
    ],
  },
  fact: { schema: factInput },
  trip: {
    schema: tripInput,
    children: [
      { table: 'trip_destination', key: 'trip_id', order: 'position', as: (rows) => ({ destinationIds: rows.map((d) => d.locality_id) }) },
      { table: 'trip_member', key: 'trip_id', order: 'position', as: (rows) => ({ members: rows.map((m) => ({ personId: m.person_id, name: m.name, title: m.title, role: m.role })) }) },
    ],
  },
  itinerary_item: { schema: itemInput, shape: (r) => ({ ...r, counterparts: jsonList(r.counterparts), sectors: jsonList(r.sectors) }) },
  snippet: { schema: snippetInput, shape: (r) => ({ ...r, sectors: jsonList(r.sectors) }) },
  brief: { schema: brief },
  attachment: { schema: attachmentRecord },
}
/** Child tables that carry meta columns of their own. */
const CHILD_META = new Set(['agreement_party', 'agreement_signatory', 'engagement_participant', 'trip_member', 'locality_lineage'])

const problemsOf = (table: string, rowId: unknown, error: z.ZodError): RowProblem[] =>
  error.issues.map((issue) => ({ table, id: String(rowId ?? ''), field: issue.path.map(String).join('.'), message: issue.message }))

/**
 * Checks every row of the pack's database file; returns at most `max` problems (none: the
 * pack's rows are all what forms would write).
 */
export function checkPackRows(file: string, max = 20): RowProblem[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  const problems: RowProblem[] = []
  const add = (found: RowProblem[]) => problems.push(...found.slice(0, max - problems.length))
  try {
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name))
    for (const [table, check] of Object.entries(CHECKS)) {
      if (!tables.has(table) || problems.length >= max) continue
      const children = (check.children ?? []).map((c) => ({ ...c, rows: new Children(db, c.table, c.key, c.order, tables) }))
      for (const raw of db.prepare(`SELECT * FROM ${quote(table)} ORDER BY id`).iterate() as IterableIterator<Row>) {
        const row = camelRow(raw)
        const m = meta.safeParse(row)
        if (!m.success) add(problemsOf(table, row.id, m.error))
        const form = Object.assign(check.shape ? check.shape(row) : row, ...children.map((c) => c.as(c.rows.of(String(raw.id)))))
        const r = check.schema.safeParse(form)
        if (!r.success) add(problemsOf(table, row.id, r.error))
        if (problems.length >= max) break
      }
      // A child whose parent the pack does not hold is dropped on import; its meta is still checked below.
      for (const c of children) c.rows.rest()
    }
    for (const table of CHILD_META) {
      if (!tables.has(table) || problems.length >= max) continue
      for (const raw of db.prepare(`SELECT * FROM ${quote(table)}`).iterate() as IterableIterator<Row>) {
        const row = camelRow(raw)
        const m = (table === 'locality_lineage' ? meta.and(lineage) : meta).safeParse(row)
        if (!m.success) add(problemsOf(table, row.id, m.error))
        if (problems.length >= max) break
      }
    }
    if (tables.has(TOMBSTONE_TABLE) && problems.length < max) {
      for (const raw of db.prepare(`SELECT * FROM ${TOMBSTONE_TABLE}`).iterate() as IterableIterator<Row>) {
        const r = tombstone.safeParse(camelRow(raw))
        if (!r.success) add(problemsOf(TOMBSTONE_TABLE, raw.id, r.error))
        if (problems.length >= max) break
      }
    }
  } finally {
    db.close()
  }
  return problems
}

const TABLE_LABELS: Record<string, string> = {
  locality: 'địa phương',
  organization: 'tổ chức',
  person: 'nhân vật',
  agreement: 'văn kiện',
  commitment: 'cam kết',
  engagement: 'hoạt động',
  fact: 'số liệu',
  trip: 'đoàn công tác',
  itinerary_item: 'mục chương trình',
  snippet: 'luận điểm',
  brief: 'tài liệu',
  attachment: 'tệp đính kèm',
  tombstone: 'bản ghi đã xóa',
  agreement_party: 'bên ký kết',
  agreement_signatory: 'người ký',
  engagement_participant: 'thành phần tham dự',
  trip_member: 'thành viên đoàn',
  locality_lineage: 'sáp nhập địa phương',
}

/** The words for a refused pack: the first problem in full, how many more. */
export function describeProblems(problems: RowProblem[]): string {
  const [first] = problems
  if (!first) return ''
  const where = `bảng ${TABLE_LABELS[first.table] ?? first.table} (${first.table}), bản ghi ${first.id.slice(0, 40) || '(không có mã)'}${first.field ? `, trường “${fieldLabel(first.field)}”` : ''}`
  const more = problems.length > 1 ? ` và ${problems.length - 1} lỗi khác` : ''
  return `Gói dữ liệu có bản ghi không hợp lệ — ${where}: ${first.message}${more}. Không có gì được ghi. / The pack holds an invalid record; nothing was written.`
}
