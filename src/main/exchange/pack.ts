/**
 * Data packs (.htpack): a zip with a versioned manifest and one JSON file per table, for
 * colleagues who exchange data on a USB stick. A pack holds everything, one partner with
 * all that is linked to it, or one trip with what its brief needs.
 *
 * Merging never overwrites silently. Records are matched by their stable ids; reference
 * records (prefectures, provinces, Japanese bodies) by their reference key, since each
 * installation gave them its own ids; partners made elsewhere by folded name and country.
 * A record changed only in the pack since the last exchange with its origin is taken; one
 * changed only here is kept; one changed on both sides is a conflict, left as it is here
 * until the officer chooses.
 *
 * Format 2 keeps each table as `{"columns": [...], "rows": [[...], ...]}` in the database's
 * own column names: SQLite writes the rows as JSON itself, rows are compared and written as
 * arrays, and a register of 100,000 agreements goes out and comes in within seconds.
 * Format 1 (a list of objects per table) is still read.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate'
import { CompiledQuery, sql } from 'kysely'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib'
import { z } from 'zod'
import type { PackAnalysisView } from '../../shared/contract.ts'
import { fold } from '../../shared/text/fold.ts'
import type { Ctx, Db } from '../context.ts'
import { AppError } from '../errors.ts'
import { dependentsOf, inList, type EntityIds } from '../search/documents.ts'
import { indexLater } from '../search/queue.ts'
import { attachmentPath, storeBytes } from './attachments.ts'

export const PACK_FORMAT = 'hanh-trang-pack'
export const PACK_VERSION = 2

/** Tables in the order they can be written (parents first). */
const ENTITY_TABLES = ['locality', 'organization', 'person', 'agreement', 'commitment', 'engagement', 'fact', 'trip', 'itinerary_item', 'snippet', 'brief', 'attachment'] as const
type EntityTable = (typeof ENTITY_TABLES)[number]
/** Rows that belong to one parent and travel with it. */
const CHILD_TABLES: Array<{ table: string; parent: EntityTable; key: string }> = [
  { table: 'locality_lineage', parent: 'locality', key: 'successor_id' },
  { table: 'agreement_party', parent: 'agreement', key: 'agreement_id' },
  { table: 'agreement_signatory', parent: 'agreement', key: 'agreement_id' },
  { table: 'agreement_sector', parent: 'agreement', key: 'agreement_id' },
  { table: 'engagement_participant', parent: 'engagement', key: 'engagement_id' },
  { table: 'engagement_agreement', parent: 'engagement', key: 'engagement_id' },
  { table: 'trip_destination', parent: 'trip', key: 'trip_id' },
  { table: 'trip_member', parent: 'trip', key: 'trip_id' },
]
const ALL_TABLES = [...ENTITY_TABLES, ...CHILD_TABLES.map((c) => c.table)]
/** Columns that point at other records (rewritten when ids are mapped). */
const REFERENCES = ['locality_id', 'organization_id', 'person_id', 'agreement_id', 'engagement_id', 'trip_id', 'home_locality_id', 'predecessor_id', 'successor_id', 'partner_locality_id', 'entity_id']
/** What a child's reference must find here, or the link is dropped (a partial pack's edges). */
const TARGET: Record<string, EntityTable> = { locality_id: 'locality', predecessor_id: 'locality', successor_id: 'locality', organization_id: 'organization', person_id: 'person', agreement_id: 'agreement' }
const META = new Set(['created_at', 'updated_at', 'updated_by', 'origin'])
/** Search documents belong to these tables. */
const SEARCHED = new Set<EntityTable>(['locality', 'organization', 'person', 'agreement', 'engagement'])

type Value = unknown
type Row = Value[]
/** A table as a pack holds it: column names, then rows in that column order. */
interface TableData {
  columns: string[]
  rows: Row[]
}
/** A record shown to the officer (conflicts), with the app's field names. */
export type Rec = Record<string, unknown> & { id?: string }

const manifest = z.object({
  format: z.literal(PACK_FORMAT, { error: 'Không phải gói dữ liệu Hành Trang / not a Hành Trang pack' }),
  version: z.number().int().positive(),
  createdAt: z.string(),
  origin: z.string(),
  exportedBy: z.string(),
  scope: z.string(),
  counts: z.record(z.string(), z.number()),
})
export type PackManifest = z.infer<typeof manifest>

export type PackScope = { kind: 'all' } | { kind: 'partner'; id: string } | { kind: 'trip'; id: string }

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The columns of a table here, with what an insert needs to know of them. */
async function columnsOf(db: Db, table: string): Promise<Array<{ name: string; required: boolean }>> {
  const { rows } = await sql<{ name: string; notnull: number; dfltValue: unknown; pk: number }>`SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(${table})`.execute(db)
  return rows.map((r) => ({ name: r.name, required: r.notnull === 1 && r.dfltValue === null && r.pk === 0 }))
}

/** Rows as JSON arrays, `page` at a time in rowid order (memory stays flat however large the table). */
async function* jsonRows(db: Db, table: string, columns: string[], filter: { column: string; ids: readonly string[] } | null, page = 20_000): AsyncGenerator<string[]> {
  const where = filter ? `AND ${quote(filter.column)} IN (SELECT value FROM json_each(?))` : ''
  const text = `SELECT rowid AS r, json_array(${columns.map(quote).join(', ')}) AS j FROM ${quote(table)} WHERE rowid > ? ${where} ORDER BY rowid LIMIT ${page}`
  const ids = filter && JSON.stringify(filter.ids)
  for (let after = 0; ; ) {
    const { rows } = await db.executeQuery<{ r: number; j: string }>(CompiledQuery.raw(text, ids ? [after, ids] : [after]))
    if (rows.length === 0) return
    yield rows.map((x) => x.j)
    after = rows.at(-1)!.r
  }
}

/** Local rows with these ids, as arrays in the given column order. */
async function rowsById(db: Db, table: string, columns: string[], ids: readonly string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>()
  const at = columns.indexOf('id')
  for (let i = 0; i < ids.length; i += 20_000) {
    for await (const page of jsonRows(db, table, columns, { column: 'id', ids: ids.slice(i, i + 20_000) })) {
      for (const j of page) {
        const row = JSON.parse(j) as Row
        found.set(row[at] as string, row)
      }
    }
  }
  return found
}

async function column(db: Db, table: string, name: string, filter: { column: string; ids: readonly string[] } | null = null): Promise<string[]> {
  if (filter && filter.ids.length === 0) return []
  const out: string[] = []
  for await (const page of jsonRows(db, table, [name], filter)) for (const j of page) out.push((JSON.parse(j) as [string])[0])
  return out.filter(Boolean)
}

// ---- export ------------------------------------------------------------------------------

type Selection = Record<EntityTable, Set<string>>

/** The ids a scope covers, table by table; null for everything. */
async function closure(db: Db, scope: PackScope): Promise<Selection | null> {
  if (scope.kind === 'all') return null
  const ids = Object.fromEntries(ENTITY_TABLES.map((t) => [t, new Set<string>()])) as Selection
  const add = (into: Set<string>, values: string[]) => values.forEach((v) => into.add(v))
  const where = (col: string, list: Iterable<string>) => ({ column: col, ids: [...list] })
  if (scope.kind === 'partner') {
    const isLocality = (await column(db, 'locality', 'id', where('id', [scope.id]))).length > 0
    if (!isLocality && (await column(db, 'organization', 'id', where('id', [scope.id]))).length === 0) throw new AppError('not_found', 'Không tìm thấy đối tác / partner not found')
    ;(isLocality ? ids.locality : ids.organization).add(scope.id)
    const col = isLocality ? 'locality_id' : 'organization_id'
    add(ids.person, await column(db, 'person', 'id', where(col, [scope.id])))
    add(ids.agreement, await column(db, 'agreement_party', 'agreement_id', where(col, [scope.id])))
    add(ids.engagement, await column(db, 'engagement_participant', 'engagement_id', where(col, [scope.id])))
    if (isLocality) {
      add(ids.fact, await column(db, 'fact', 'id', where('locality_id', [scope.id])))
      add(ids.locality, await column(db, 'locality_lineage', 'predecessor_id', where('successor_id', [scope.id])))
    }
  } else {
    const trip = await db.selectFrom('trip').select(['id', 'homeLocalityId']).where('id', '=', scope.id).executeTakeFirst()
    if (!trip) throw new AppError('not_found', 'Không tìm thấy đoàn công tác / trip not found')
    ids.trip.add(trip.id)
    if (trip.homeLocalityId) ids.locality.add(trip.homeLocalityId)
    add(ids.locality, await column(db, 'trip_destination', 'locality_id', where('trip_id', [scope.id])))
    add(ids.person, await column(db, 'trip_member', 'person_id', where('trip_id', [scope.id])))
    const items = await db.selectFrom('itineraryItem').select(['id', 'counterparts']).where('tripId', '=', scope.id).execute()
    for (const item of items) {
      ids.itinerary_item.add(item.id)
      for (const c of JSON.parse(item.counterparts) as Rec[]) {
        if (c.personId) ids.person.add(c.personId as string)
        if (c.organizationId) ids.organization.add(c.organizationId as string)
        if (c.localityId) ids.locality.add(c.localityId as string)
      }
    }
    add(ids.brief, await column(db, 'brief', 'id', where('trip_id', [scope.id])))
    add(ids.snippet, await column(db, 'snippet', 'id'))
    const places = [...ids.locality]
    add(ids.agreement, await column(db, 'agreement_party', 'agreement_id', where('locality_id', places)))
    add(ids.fact, await column(db, 'fact', 'id', where('locality_id', places)))
  }
  // What the chosen records point at comes along: commitments, parties, signatories, participants.
  const agreements = [...ids.agreement]
  add(ids.commitment, await column(db, 'commitment', 'id', where('agreement_id', agreements)))
  add(ids.locality, await column(db, 'agreement_party', 'locality_id', where('agreement_id', agreements)))
  add(ids.organization, await column(db, 'agreement_party', 'organization_id', where('agreement_id', agreements)))
  add(ids.person, await column(db, 'agreement_signatory', 'person_id', where('agreement_id', agreements)))
  const engagements = [...ids.engagement]
  for (const col of ['locality_id', 'organization_id', 'person_id'] as const) {
    add(ids[col === 'locality_id' ? 'locality' : col === 'organization_id' ? 'organization' : 'person'], await column(db, 'engagement_participant', col, where('engagement_id', engagements)))
  }
  add(ids.organization, await column(db, 'person', 'organization_id', where('id', ids.person)))
  add(ids.locality, await column(db, 'person', 'locality_id', where('id', ids.person)))
  add(ids.locality, await column(db, 'organization', 'locality_id', where('id', ids.organization)))
  // Scans and pictures of the records that travel.
  add(ids.attachment, await column(db, 'attachment', 'id', where('entity_id', [...ids.agreement, ...ids.person])))
  // Successors of old units, so that lineage reads the same on the other side.
  add(ids.locality, await column(db, 'locality_lineage', 'successor_id', where('predecessor_id', ids.locality)))
  return ids
}

/** Deflate level: 4 keeps a full register's pack small while the export stays well inside its time. */
const LEVEL = 4

/**
 * A zip entry compressed by zlib on Node's thread pool, so that compressing one page of
 * rows overlaps SQLite reading the next (fflate's own deflate would run on this thread).
 * `push` waits while zlib is behind: memory stays bounded however large the table.
 */
class ZlibEntry implements ZipInputFile {
  size = 0
  crc = 0
  compression = 8
  flag = 0 as const
  ondata: AsyncFlateStreamHandler = () => {}
  private readonly z: DeflateRaw
  private readonly ended: Promise<void>

  readonly filename: string

  constructor(filename: string, level: number) {
    this.filename = filename
    this.z = createDeflateRaw({ level })
    this.z.on('data', (chunk: Buffer) => this.ondata(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength), false))
    this.ended = new Promise((resolve, reject) => {
      this.z.once('error', reject)
      this.z.once('end', () => {
        // The zip's data descriptor takes the size and CRC as they stand now.
        this.ondata(null, new Uint8Array(0), true)
        resolve()
      })
    })
  }

  terminate(): void {
    this.z.destroy()
  }

  async push(chunk: Uint8Array): Promise<void> {
    this.size += chunk.length
    this.crc = crc32(chunk, this.crc)
    if (!this.z.write(chunk)) await once(this.z, 'drain')
  }

  end(): Promise<void> {
    this.z.end()
    return this.ended
  }
}

/** `dataDir`: where attachment files are kept (they travel inside the pack). */
export async function buildPack(ctx: Ctx, scope: PackScope, dataDir: string): Promise<{ bytes: Uint8Array; manifest: PackManifest }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await closure(trx, scope)
    const out: Uint8Array[] = []
    let failure: Error | null = null
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else out.push(chunk)
    })
    const counts: Record<string, number> = {}
    const parentIds = new Map<string, string[]>()
    for (const table of ALL_TABLES) {
      const child = CHILD_TABLES.find((c) => c.table === table)
      const entity = ENTITY_TABLES.find((t) => t === table)
      const filter = !ids ? null : entity ? { column: 'id', ids: [...ids[entity]] } : { column: child!.key, ids: parentIds.get(child!.parent) ?? [] }
      const columns = (await columnsOf(trx, table)).map((c) => c.name)
      const file = new ZlibEntry(`data/${table}.json`, LEVEL)
      zip.add(file)
      await file.push(strToU8(`{"columns":${JSON.stringify(columns)},"rows":[\n`))
      let n = 0
      const kept: string[] = []
      if (!filter || filter.ids.length > 0) {
        for await (const page of jsonRows(trx, table, columns, filter)) {
          await file.push(strToU8(`${n ? ',\n' : ''}${page.join(',\n')}`))
          n += page.length
          if (ids && entity) for (const j of page) kept.push((JSON.parse(j) as Row)[columns.indexOf('id')] as string)
        }
      }
      await file.push(strToU8('\n]}'))
      await file.end()
      if (entity) parentIds.set(entity, kept)
      counts[camel(table)] = n
    }
    for (const sha256 of new Set(await column(trx, 'attachment', 'sha256', ids && { column: 'id', ids: [...ids.attachment] }))) {
      const path = attachmentPath(dataDir, sha256)
      if (!existsSync(path)) continue
      // Scans are already compressed (PDF, JPEG): stored as they are.
      const file = new ZipDeflate(`attachments/${sha256}`, { level: 0 })
      zip.add(file)
      file.push(readFileSync(path), true)
    }
    const m: PackManifest = {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      createdAt: ctx.now(),
      origin: ctx.origin,
      exportedBy: ctx.actor,
      scope: scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`,
      counts,
    }
    const mf = new ZipDeflate('manifest.json', { level: LEVEL })
    zip.add(mf)
    mf.push(strToU8(JSON.stringify(m, null, 2)), true)
    zip.end()
    if (failure) throw failure
    const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0))
    out.reduce((at, c) => (bytes.set(c, at), at + c.length), 0)
    return { bytes, manifest: m }
  })
}

// ---- reading -------------------------------------------------------------------------------

export interface OpenedPack {
  manifest: PackManifest
  /** One table, read when asked for (a full register's files are large); absent tables are empty. */
  table(name: string): TableData
  attachments(): Array<[sha256: string, bytes: Uint8Array]>
}

const damaged = (what: string) => new AppError('invalid_input', `Gói dữ liệu hỏng: ${what} không đọc được. / Damaged pack.`)

export function readPack(bytes: Uint8Array): OpenedPack {
  const only = (name: string) => {
    try {
      return unzipSync(bytes, { filter: (f) => f.name === name })[name]
    } catch {
      throw new AppError('invalid_input', 'Tệp không phải gói dữ liệu Hành Trang (.htpack) hoặc đã bị hỏng. / Not a pack, or damaged.')
    }
  }
  const raw = only('manifest.json')
  if (!raw) throw new AppError('invalid_input', 'Gói dữ liệu thiếu manifest.json. / The pack has no manifest.')
  let parsed: z.ZodSafeParseResult<PackManifest>
  try {
    parsed = manifest.safeParse(JSON.parse(strFromU8(raw)))
  } catch {
    throw new AppError('invalid_input', 'manifest.json không đọc được. / Unreadable manifest.')
  }
  if (!parsed.success) throw new AppError('invalid_input', `Gói dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`)
  const m = parsed.data
  if (m.version > PACK_VERSION) {
    throw new AppError('db_from_future', `Gói dữ liệu do phiên bản Hành Trang mới hơn tạo ra (định dạng ${m.version}, phiên bản này đọc đến ${PACK_VERSION}); hãy cập nhật ứng dụng. / From a newer version.`)
  }
  return {
    manifest: m,
    table(name) {
      // Format 1 named files and fields in camelCase and held a list of objects.
      const fileName = m.version === 1 ? `data/${camel(name)}.json` : `data/${name}.json`
      const file = only(fileName)
      if (!file) return { columns: [], rows: [] }
      let data: unknown
      try {
        data = JSON.parse(strFromU8(file))
      } catch {
        throw damaged(fileName)
      }
      if (m.version === 1 && Array.isArray(data)) {
        const columns = [...new Set((data as Rec[]).flatMap((r) => Object.keys(r)))]
        return { columns: columns.map(snake), rows: (data as Rec[]).map((r) => columns.map((c) => r[c] ?? null)) }
      }
      const t = data as Partial<TableData>
      if (!Array.isArray(t?.columns) || !Array.isArray(t.rows) || !t.rows.every((r) => Array.isArray(r) && r.length === t.columns!.length)) throw damaged(fileName)
      return t as TableData
    },
    attachments() {
      const files = unzipSync(bytes, { filter: (f) => /^attachments\/[0-9a-f]{64}$/.test(f.name) })
      return Object.entries(files).map(([name, content]) => [name.slice('attachments/'.length), content])
    },
  }
}

/** A table of a pack as records with the app's field names (tests, inspection). */
export function packRecords(bytes: Uint8Array, table: string): Rec[] {
  const t = readPack(bytes).table(snake(table))
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [camel(c), r[i]])))
}

// ---- merging --------------------------------------------------------------------------------

export interface Conflict {
  key: string
  table: EntityTable
  id: string
  name: string
  mine: Rec
  theirs: Rec
}

export interface PackAnalysis {
  manifest: PackManifest
  created: number
  updated: number
  unchanged: number
  keptMine: number
  matchedByName: number
  conflicts: Conflict[]
}

/** Pack rows of one table, in the columns this database has, references already mapped. */
interface Incoming {
  columns: string[]
  at: Map<string, number>
  rows: Row[]
}

interface TablePlan {
  incoming: Incoming
  inserts: Row[]
  updates: Row[]
}

interface Plan extends PackAnalysis {
  idMap: Map<string, string>
  tables: Map<EntityTable, TablePlan>
  pack: OpenedPack
}

const same = (a: Value, b: Value) => (a ?? null) === (b ?? null) || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b))
const record = (columns: string[], row: Row): Rec => Object.fromEntries(columns.map((c, i) => [camel(c), row[i]]))
const nameOf = (r: Rec) => String(r.nameVi ?? r.titleVi ?? r.title ?? r.label ?? r.action ?? ([r.familyName, r.givenName].filter(Boolean).join(' ') || r.id))

/** A pack's table reduced to the columns this database has, its references rewritten by `idMap`. */
async function incoming(db: Db, data: TableData, table: string, idMap: Map<string, string>): Promise<Incoming> {
  const local = await columnsOf(db, table)
  const missing = local.filter((c) => c.required && !data.columns.includes(c.name))
  if (data.rows.length && missing.length) {
    throw new AppError('invalid_input', `Gói dữ liệu thiếu cột ${missing.map((c) => c.name).join(', ')} của bảng ${table}; không có gì được ghi. / The pack lacks required columns.`)
  }
  const keep = data.columns.map((c, i) => [c, i] as const).filter(([c]) => local.some((l) => l.name === c))
  const columns = keep.map(([c]) => c)
  const refs = columns.map((c, i) => [c, i] as const).filter(([c]) => REFERENCES.includes(c)).map(([, i]) => i)
  const counterparts = columns.indexOf('counterparts')
  const map = (v: Value) => (typeof v === 'string' ? (idMap.get(v) ?? v) : v)
  const rows = data.rows.map((source) => {
    const row = keep.map(([, i]) => source[i])
    if (idMap.size) for (const i of refs) row[i] = map(row[i])
    if (counterparts >= 0 && typeof row[counterparts] === 'string' && idMap.size) {
      const list = JSON.parse(row[counterparts] as string) as Rec[]
      row[counterparts] = JSON.stringify(list.map((c) => ({ ...c, ...Object.fromEntries(['personId', 'organizationId', 'localityId'].filter((k) => c[k]).map((k) => [k, map(c[k])])) })))
    }
    return row
  })
  return { columns, at: new Map(columns.map((c, i) => [c, i])), rows }
}

async function plan(db: Db, pack: OpenedPack): Promise<Plan> {
  const m = pack.manifest
  const last = (await db.selectFrom('appMeta').select('value').where('key', '=', `exchange:${m.origin}`).executeTakeFirst())?.value ?? ''
  const idMap = new Map<string, string>()
  /** Incoming ids matched by name only: the officer's own record stands, it is not merged field by field. */
  const byNameOnly = new Set<string>()

  // Reference records by their key; partners made elsewhere by folded name and country.
  const raw = new Map<string, TableData>()
  const get = (t: string, r: Row, col: string) => r[raw.get(t)!.columns.indexOf(col)]
  for (const table of ['locality', 'organization'] as const) {
    raw.set(table, pack.table(table))
    const local = await db.selectFrom(table).select(['id', 'refKey', 'nameVi', 'country']).execute()
    const byRef = new Map(local.filter((l) => l.refKey).map((l) => [l.refKey!, l.id]))
    const byName = new Map(local.map((l) => [`${fold(l.nameVi)}|${l.country}`, l.id]))
    const localIds = new Set(local.map((l) => l.id))
    for (const r of raw.get(table)!.rows) {
      const id = get(table, r, 'id') as string
      if (localIds.has(id)) continue
      const refKey = get(table, r, 'ref_key')
      const byKey = typeof refKey === 'string' ? byRef.get(refKey) : undefined
      const named = byName.get(`${fold(String(get(table, r, 'name_vi')))}|${String(get(table, r, 'country'))}`)
      if (byKey) idMap.set(id, byKey)
      else if (named) {
        idMap.set(id, named)
        byNameOnly.add(id)
      }
    }
  }
  raw.set('person', pack.table('person'))
  const people = await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'country']).execute()
  const personKey = (family: unknown, given: unknown, country: unknown) => `${fold(`${String(family)} ${String(given ?? '')}`)}|${String(country)}`
  const peopleByName = new Map(people.map((p) => [personKey(p.familyName, p.givenName, p.country), p.id]))
  const personIds = new Set(people.map((p) => p.id))
  for (const r of raw.get('person')!.rows) {
    const id = get('person', r, 'id') as string
    const match = peopleByName.get(personKey(get('person', r, 'family_name'), get('person', r, 'given_name'), get('person', r, 'country')))
    if (personIds.has(id) || !match) continue
    idMap.set(id, match)
    byNameOnly.add(id)
  }

  const result: Plan = { manifest: m, created: 0, updated: 0, unchanged: 0, keptMine: 0, matchedByName: byNameOnly.size, conflicts: [], idMap, tables: new Map(), pack }
  for (const table of ENTITY_TABLES) {
    // The partner tables were read above for matching; the others are read now, one at a time.
    const inc = await incoming(db, raw.get(table) ?? pack.table(table), table, idMap)
    raw.delete(table)
    const tp: TablePlan = { incoming: inc, inserts: [], updates: [] }
    result.tables.set(table, tp)
    if (inc.rows.length === 0) continue
    const id = inc.at.get('id')!
    const updatedAt = inc.at.get('updated_at')
    const createdAt = inc.at.get('created_at')
    const content = inc.columns.map((c, i) => i).filter((i) => i !== id && !META.has(inc.columns[i]!))
    const local = await rowsById(db, table, inc.columns, inc.rows.map((r) => (idMap.get(r[id] as string) ?? r[id]) as string))
    for (const theirs of inc.rows) {
      const fromPack = theirs[id] as string
      const target = idMap.get(fromPack) ?? fromPack
      theirs[id] = target
      const mine = local.get(target)
      if (!mine) {
        tp.inserts.push(theirs)
        result.created++
        continue
      }
      // A partner matched by name only stays as the officer has it.
      if (byNameOnly.has(fromPack) || content.every((i) => same(mine[i], theirs[i]))) {
        result.unchanged++
        continue
      }
      // A record never edited here since it was made (reference data on first start) has not changed here.
      const mineUpdated = updatedAt === undefined ? '' : String(mine[updatedAt])
      const changedHere = mineUpdated > last && (createdAt === undefined || mine[updatedAt!] !== mine[createdAt])
      const changedThere = updatedAt === undefined || String(theirs[updatedAt]) > last
      if (changedThere && !changedHere) {
        tp.updates.push(theirs)
        result.updated++
      } else if (changedHere && !changedThere) result.keptMine++
      else result.conflicts.push({ key: `${table}:${target}`, table, id: target, name: nameOf(record(inc.columns, mine)), mine: record(inc.columns, mine), theirs: record(inc.columns, theirs) })
    }
  }
  return result
}

export async function analyzePack(db: Db, bytes: Uint8Array): Promise<PackAnalysis> {
  return summary(await plan(db, readPack(bytes)))
}

function summary(p: Plan): PackAnalysis {
  const { manifest: m, created, updated, unchanged, keptMine, matchedByName, conflicts } = p
  return { manifest: m, created, updated, unchanged, keptMine, matchedByName, conflicts }
}

/**
 * Multi-row inserts, each statement well under SQLite's limit on bound parameters (full
 * chunks reuse one prepared statement). When the rows at least double a table (a pack into
 * a new installation), its secondary indexes are dropped and built again afterwards, in the
 * same transaction: building an index from sorted data is several times faster than
 * keeping four of them up to date row by row (600,000 participants: 11 s -> 4 s).
 */
async function insertRows(db: Db, table: string, columns: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return
  let rebuild: string[] = []
  if (rows.length >= 5000) {
    const { rows: counted } = await db.executeQuery<{ n: number }>(CompiledQuery.raw(`SELECT count(*) AS n FROM ${quote(table)}`))
    if (rows.length >= (counted[0]?.n ?? 0)) {
      const { rows: indexes } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(db)
      for (const index of indexes) await db.executeQuery(CompiledQuery.raw(`DROP INDEX ${quote(index.name)}`))
      rebuild = indexes.map((index) => index.sql)
    }
  }
  const perStatement = Math.max(1, Math.min(500, Math.floor(8000 / columns.length)))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    await db.executeQuery(CompiledQuery.raw(head + Array(chunk.length).fill(tuple).join(', '), chunk.flat()))
  }
  for (const statement of rebuild) await db.executeQuery(CompiledQuery.raw(statement))
}

async function updateRows(db: Db, table: string, columns: string[], rows: Row[]): Promise<void> {
  const id = columns.indexOf('id')
  const set = columns.filter((_, i) => i !== id)
  const text = `UPDATE ${quote(table)} SET ${set.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`
  for (const row of rows) await db.executeQuery(CompiledQuery.raw(text, [...row.filter((_, i) => i !== id), row[id]]))
}

async function deleteWhereIn(db: Db, table: string, col: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 20_000) await sql`DELETE FROM ${sql.table(table)} WHERE ${inList(col, ids.slice(i, i + 20_000))}`.execute(db)
}

/**
 * Applies a pack in one transaction; `choices` settles the conflicts ("theirs" takes the
 * pack's version). Many records' search documents are written just after, in the background.
 */
export async function applyPack(
  ctx: Ctx,
  bytes: Uint8Array,
  dataDir: string,
  choices: Record<string, 'mine' | 'theirs'> = {},
): Promise<PackAnalysis & { resolvedTheirs: number; indexing: number }> {
  const pack = readPack(bytes)
  // Attachment files first: content-addressed, so writing one that is not used yet harms nothing.
  for (const [, content] of pack.attachments()) storeBytes(dataDir, content)
  return ctx.db.transaction().execute(async (trx) => {
    const p = await plan(trx, pack)
    let resolvedTheirs = 0
    const written = new Map<EntityTable, string[]>()
    const updatedIds = new Map<EntityTable, string[]>()
    for (const table of ENTITY_TABLES) {
      const tp = p.tables.get(table)!
      const { columns } = tp.incoming
      const id = columns.indexOf('id')
      const taken = p.conflicts.filter((c) => c.table === table && choices[c.key] === 'theirs')
      const updates = [...tp.updates, ...taken.map((c) => columns.map((col) => c.theirs[camel(col)]))]
      resolvedTheirs += taken.length
      // New records in multi-row statements: a pack of 100,000 agreements is mostly new rows.
      await insertRows(trx, table, columns, tp.inserts)
      await updateRows(trx, table, columns, updates)
      updatedIds.set(table, updates.map((r) => r[id] as string))
      written.set(table, [...tp.inserts.map((r) => r[id] as string), ...updatedIds.get(table)!])
    }
    // The children of every record taken from the pack come with it (an updated record's old
    // ones are replaced), except links to records neither side has (a partial pack's edges).
    const known = new Map<EntityTable, Set<string>>()
    const exists = async (table: EntityTable) => {
      let set = known.get(table)
      if (!set) known.set(table, (set = new Set(await column(trx, table, 'id'))))
      return set
    }
    for (const child of CHILD_TABLES) {
      const parents = new Set(written.get(child.parent))
      if (parents.size === 0) continue
      await deleteWhereIn(trx, child.table, child.key, updatedIds.get(child.parent)!)
      const inc = await incoming(trx, p.pack.table(child.table), child.table, p.idMap)
      const key = inc.at.get(child.key)
      if (key === undefined) continue
      const checks: Array<[number, Set<string>]> = []
      for (const [col, target] of Object.entries(TARGET)) {
        const at = inc.at.get(col)
        if (at !== undefined && col !== child.key) checks.push([at, await exists(target)])
      }
      const rows = inc.rows.filter((r) => parents.has(r[key] as string) && checks.every(([at, set]) => typeof r[at] !== 'string' || set.has(r[at] as string)))
      await insertRows(trx, child.table, inc.columns, rows)
    }
    await trx
      .insertInto('appMeta')
      .values({ key: `exchange:${p.manifest.origin}`, value: p.manifest.createdAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: p.manifest.createdAt }))
      .execute()

    // Search: the records written, in date order, and those that show a renamed partner's name.
    const search: Record<string, string[]> = {}
    for (const table of SEARCHED) search[table] = [...(written.get(table) ?? [])]
    for (const table of ['agreement', 'engagement'] as const) {
      const tp = p.tables.get(table)!
      const date = tp.incoming.at.get(table === 'agreement' ? 'signed_date' : 'start_date')
      if (date === undefined) continue
      const dates = new Map([...tp.inserts, ...tp.updates].map((r) => [r[tp.incoming.at.get('id')!] as string, String(r[date] ?? '')]))
      const dateOf = (x: string) => dates.get(x) ?? ''
      // ISO dates: plain string order is date order.
      search[table]!.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0))
    }
    const renamed = ['locality', 'organization', 'person'].flatMap((t) => updatedIds.get(t as EntityTable) ?? [])
    const dependents: EntityIds = await dependentsOf(trx, renamed)
    for (const [kind, list] of Object.entries(dependents)) {
      const have = new Set(search[kind])
      search[kind]!.push(...list.filter((x) => !have.has(x)))
    }
    const indexing = await indexLater(trx, search)
    return { ...summary(p), resolvedTheirs, indexing }
  })
}

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v))

/** What the renderer shows of an analysis: counts, and each conflict's differing fields side by side. */
export function packView(token: string, fileName: string, a: PackAnalysis): PackAnalysisView {
  return {
    token,
    fileName,
    exportedBy: a.manifest.exportedBy,
    createdAt: a.manifest.createdAt,
    created: a.created,
    updated: a.updated,
    unchanged: a.unchanged,
    keptMine: a.keptMine,
    matchedByName: a.matchedByName,
    conflicts: a.conflicts.map((c) => ({
      key: c.key,
      table: c.table,
      name: c.name,
      fields: Object.keys({ ...c.mine, ...c.theirs })
        .filter((k) => !META.has(snake(k)) && show(c.mine[k]) !== show(c.theirs[k]))
        .map((k) => [k, show(c.mine[k]), show(c.theirs[k])] as [string, string, string]),
    })),
  }
}
