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
import { giftInput } from '../../../shared/domain/gifts.ts'
import { attachmentRecord } from '../../../shared/domain/attachments.ts'
import { briefSettings } from '../../../shared/domain/briefs.ts'
import { id, isoDate } from '../../../shared/domain/common.ts'
import { engagementInput } from '../../../shared/domain/engagements.ts'
import { factInput, localityInput, organizationInput, personInput } from '../../../shared/domain/partners.ts'
import { itemInput, snippetInput, tripInput } from '../../../shared/domain/trips.ts'
import { issuesOf, type IssueCode, type Params } from '../../../shared/messages/index.ts'
import { AppError } from '../../errors.ts'
import { ENTITY_TABLES, TOMBSTONE_TABLE, camel, quote } from './format.ts'

/** Columns that say who changed a record when: two rows differing only there hold the same record. */
const META = new Set(['created_at', 'updated_at', 'updated_by', 'origin'])

export interface RowProblem {
  table: string
  id: string
  field: string
  code: IssueCode
  params?: Params
}

type Row = Record<string, unknown>

/** A time as the core stamps it: ISO 8601 in UTC ("2026-11-23T08:00:00.000Z"). */
const stampTime = () => z.string().regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/, { error: 'datetime_invalid' })
/** The meta columns every record carries: checked on a million rows, so plain string checks (no transforms). */
const meta = z.object({
  id: id(),
  createdAt: stampTime(),
  updatedAt: stampTime(),
  updatedBy: z.string().min(1).max(200),
  origin: z.string().min(1).max(100),
})
const refKey = z.object({ refKey: z.string().max(100).nullable().optional() })
const lineage = z.object({ predecessorId: id(), successorId: id(), effectiveDate: isoDate() })
const brief = z.object({ tripId: id(), settings: z.string().transform(parseJson).pipe(briefSettings) })
const tombstone = z.object({
  tbl: z.enum(ENTITY_TABLES),
  id: id(),
  deletedAt: stampTime(),
  deletedBy: z.string().max(200),
  origin: z.string().max(100),
})

function parseJson(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text)
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not_json' })
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

/** The table's columns under the app's field names, renamed by SQLite (rows then come out as plain, fast objects). */
function camelColumns(db: Database.Database, table: string, schema = 'main'): string {
  return columnsIn(db, table, schema)
    .map((n) => `${quote(n)} AS ${quote(camel(n))}`)
    .join(', ')
}
const columnsIn = (db: Database.Database, table: string, schema: string) => (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as Array<{ name: string }>).map((r) => r.name)

const problemsOf = (table: string, rowId: unknown, error: z.ZodError): RowProblem[] =>
  issuesOf(error).map(({ field, code, params }) => ({ table, id: String(rowId ?? ''), field, code, ...(params && { params }) }))

/** Problems found so far, up to a bound (the first is what the officer reads). */
class Problems {
  readonly list: RowProblem[] = []
  private readonly max: number
  constructor(max: number) {
    this.max = max
  }
  get full() {
    return this.list.length >= this.max
  }
  check(table: string, schema: z.ZodType, row: Row): void {
    if (this.full) return
    const r = schema.safeParse(row)
    if (!r.success) this.list.push(...problemsOf(table, row.id, r.error).slice(0, this.max - this.list.length))
  }
}

/**
 * Children of a parent table, read in the parents' id order alongside them (a merge join),
 * so that a register of 600,000 participants is checked in one pass. Each child's own meta
 * columns are checked as it passes.
 */
class Children {
  private readonly rows: IterableIterator<Row> | null
  private next: IteratorResult<Row> | null = null
  private readonly table: string
  private readonly problems: Problems

  constructor(db: Database.Database, table: string, key: string, order: string | null, tables: ReadonlySet<string>, problems: Problems) {
    this.table = table
    this.problems = problems
    this.rows = tables.has(table)
      ? (db.prepare(`SELECT ${quote(key)} AS parent__, ${camelColumns(db, table)} FROM main.${quote(table)} ORDER BY ${quote(key)}${order ? `, ${quote(order)}` : ''}`).iterate() as IterableIterator<Row>)
      : null
  }

  /**
   * The children of `parentId`; parents must be asked for in ascending id order. Children
   * of parents not asked for (identical here, or absent from the pack) are never written.
   */
  of(parentId: string): Row[] {
    if (!this.rows) return []
    const found: Row[] = []
    this.next ??= this.rows.next()
    while (!this.next.done) {
      const k = String(this.next.value.parent__)
      if (k > parentId) break
      if (k === parentId) {
        if (CHILD_META.has(this.table)) this.problems.check(this.table, meta, this.next.value)
        found.push(this.next.value)
      }
      this.next = this.rows.next()
    }
    return found
  }

  /** Ends the statement (its connection can close only then). */
  close(): void {
    this.rows?.return?.()
  }
}

interface TableCheck {
  schema: z.ZodType
  /** The parent rows' children, by table, gathered into the form's shape. */
  children?: Array<{ table: string; key: string; order: string | null; as: (rows: Row[]) => Record<string, unknown> }>
  /** The row's own columns in the form's shape (booleans, JSON lists). */
  shape?: (row: Row) => Row
}

/** Child rows come out of SQLite under the form's own field names; the schema ignores the rest. */
const CHECKS: Record<string, TableCheck> = {
  locality: { schema: z.intersection(localityInput, refKey) },
  organization: { schema: z.intersection(organizationInput, refKey) },
  person: { schema: personInput },
  agreement: {
    schema: agreementInput,
    shape: (r) => ({ ...r, shortenedProcedure: r.shortenedProcedure === 1 || r.shortenedProcedure === true }),
    children: [
      { table: 'agreement_party', key: 'agreement_id', order: 'position', as: (parties) => ({ parties }) },
      { table: 'agreement_signatory', key: 'agreement_id', order: 'position', as: (signatories) => ({ signatories }) },
      { table: 'agreement_sector', key: 'agreement_id', order: null, as: (rows) => ({ sectors: rows.map((s) => s.sectorCode) }) },
    ],
  },
  commitment: { schema: commitmentInput },
  engagement: {
    schema: engagementInput,
    children: [
      { table: 'engagement_participant', key: 'engagement_id', order: 'position', as: (participants) => ({ participants }) },
      { table: 'engagement_agreement', key: 'engagement_id', order: null, as: (rows) => ({ agreementIds: rows.map((a) => a.agreementId) }) },
    ],
  },
  fact: { schema: factInput },
  trip: {
    schema: tripInput,
    shape: (r) => ({ ...r, hosts: jsonList(r.hosts) }),
    children: [
      { table: 'trip_destination', key: 'trip_id', order: 'position', as: (rows) => ({ destinationIds: rows.map((d) => d.localityId) }) },
      { table: 'trip_member', key: 'trip_id', order: 'position', as: (members) => ({ members }) },
    ],
  },
  itinerary_item: { schema: itemInput, shape: (r) => ({ ...r, counterparts: jsonList(r.counterparts), sectors: jsonList(r.sectors), translations: jsonList(r.translations) }) },
  snippet: { schema: snippetInput, shape: (r) => ({ ...r, sectors: jsonList(r.sectors) }) },
  brief: { schema: brief },
  attachment: { schema: attachmentRecord },
  gift: { schema: giftInput },
}
/** Child tables that carry meta columns of their own. */
const CHILD_META = new Set(['agreement_party', 'agreement_signatory', 'engagement_participant', 'trip_member'])

/**
 * The pack's rows of `table` to check, in id order: all of them, or, when the register is
 * at hand, those not already here as they are (a row identical to one here is never written).
 */
function rowsToCheck(db: Database.Database, table: string, here: boolean): IterableIterator<Row> {
  const theirs = columnsIn(db, table, 'main')
  const mine = here ? new Set(columnsIn(db, table, 'here')) : new Set<string>()
  const content = theirs.filter((c) => mine.has(c) && c !== 'id' && !META.has(c))
  const known = mine.has('id') ? `WHERE NOT EXISTS (SELECT 1 FROM here.${quote(table)} m WHERE m.id = p.id${content.map((c) => ` AND m.${quote(c)} IS p.${quote(c)}`).join('')})` : ''
  return db.prepare(`SELECT ${camelColumns(db, table)} FROM main.${quote(table)} p ${known} ORDER BY id`).iterate() as IterableIterator<Row>
}

/**
 * Checks every row of the pack's database file that an import could write; returns at most
 * `max` problems (none: the rows are all what forms would write). `register`: the database
 * the pack goes into, read-only, so that rows it already holds as they are are passed over.
 */
export function checkPackRows(file: string, options: { max?: number; register?: string } = {}): RowProblem[] {
  if (!options.register) return checkRows(file, options.max ?? 20, null)
  try {
    return checkRows(file, options.max ?? 20, options.register)
  } catch (e) {
    // The register is locked by a bulk load (a pack into a new installation, under the
    // rollback journal): then every row is new there anyway, and all are checked.
    if (!/^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '')) throw e
    return checkRows(file, options.max ?? 20, null)
  }
}

function checkRows(file: string, max: number, register: string | null): RowProblem[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 })
  const problems = new Problems(max)
  try {
    const here = !!register
    if (register) db.prepare('ATTACH DATABASE ? AS here').run(register)
    const tables = new Set((db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name))
    for (const [table, check] of Object.entries(CHECKS)) {
      if (!tables.has(table) || problems.full) continue
      const children = (check.children ?? []).map((c) => ({ ...c, rows: new Children(db, c.table, c.key, c.order, tables, problems) }))
      for (const row of rowsToCheck(db, table, here)) {
        problems.check(table, meta, row)
        const form = Object.assign(check.shape ? check.shape(row) : row, ...children.map((c) => c.as(c.rows.of(String(row.id)))))
        problems.check(table, check.schema, form)
        if (problems.full) break
      }
      for (const c of children) c.rows.close()
    }
    if (tables.has('locality_lineage')) {
      const both = meta.and(lineage)
      for (const row of db.prepare(`SELECT ${camelColumns(db, 'locality_lineage')} FROM main.locality_lineage`).iterate() as IterableIterator<Row>) problems.check('locality_lineage', both, row)
    }
    if (tables.has(TOMBSTONE_TABLE)) {
      for (const row of db.prepare(`SELECT ${camelColumns(db, TOMBSTONE_TABLE)} FROM main.${TOMBSTONE_TABLE}`).iterate() as IterableIterator<Row>) problems.check(TOMBSTONE_TABLE, tombstone, row)
    }
  } finally {
    db.close()
  }
  return problems.list
}

/** A refused pack: the first problem in full (table, record, field, what is wrong) and how many more. */
export function problemsError(problems: RowProblem[]): AppError {
  const [first] = problems
  return new AppError('pack_invalid_record', first ? { table: first.table, id: first.id.slice(0, 40), field: first.field, problem: first.code, more: problems.length - 1 } : {})
}
