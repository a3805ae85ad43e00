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
 * Format 3 carries the tables as an SQLite database file (`data.sqlite`, the database's own
 * table and column names, only the rows of the scope), as Anki's .apkg carries its
 * collection: SQLite copies the rows out, and on import attaches the file and compares and
 * moves the rows itself, so that a register of 100,000 agreements goes out and comes in
 * within seconds. Only what differs comes up to JavaScript to be weighed. The pack's file
 * is checked before use (zip CRC, tables and indexes only; better-sqlite3 opens databases
 * in SQLite's defensive mode). Formats 1 and 2 (JSON per table) are still read.
 */
import Database from 'better-sqlite3'
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate'
import { CompiledQuery, sql, type RawBuilder } from 'kysely'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32, createDeflateRaw, createInflateRaw, type DeflateRaw } from 'node:zlib'
import { z } from 'zod'
import type { PackAnalysisView } from '../../shared/contract.ts'
import { fold } from '../../shared/text/fold.ts'
import type { Ctx, Db } from '../context.ts'
import { AppError } from '../errors.ts'
import { dependentsOf, type EntityIds, type SearchKind } from '../search/documents.ts'
import { indexLaterSelect } from '../search/queue.ts'
import { attachmentPath, storeBytes } from './attachments.ts'

export const PACK_FORMAT = 'hanh-trang-pack'
export const PACK_VERSION = 3
const DATA_FILE = 'data.sqlite'

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
/** What a child's reference must find here, or the link is dropped (a partial pack's edges). */
const TARGET: Record<string, EntityTable> = { locality_id: 'locality', predecessor_id: 'locality', successor_id: 'locality', organization_id: 'organization', person_id: 'person', agreement_id: 'agreement' }
const META = new Set(['created_at', 'updated_at', 'updated_by', 'origin'])
/** Search documents belong to these tables. */
const SEARCHED: readonly SearchKind[] = ['locality', 'organization', 'person', 'agreement', 'engagement']

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

/** The non-empty values of one column, optionally where another column is in a list of ids. */
async function column(db: Db, table: string, name: string, filter: { column: string; ids: readonly string[] } | null = null): Promise<string[]> {
  if (filter && filter.ids.length === 0) return []
  const where = filter ? `AND ${quote(filter.column)} IN (SELECT value FROM json_each(?))` : ''
  const rows = await rowsOf<{ v: string }>(db, `SELECT ${quote(name)} AS v FROM ${quote(table)} WHERE ${quote(name)} IS NOT NULL ${where}`, filter ? [JSON.stringify(filter.ids)] : [])
  return rows.map((r) => r.v).filter(Boolean)
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
    this.z = createDeflateRaw({ level, chunkSize: 1 << 20 })
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

/** A scratch folder for a pack's database file, removed when the work is done. */
function scratch(): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-pack-'))
  return { file: join(dir, DATA_FILE), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

let attached = 0

/** Attaches an SQLite file under a fresh schema name while `use` runs (ATTACH and DETACH happen outside any transaction). */
async function withAttached<T>(db: Db, file: string, use: (schema: string) => Promise<T>): Promise<T> {
  const schema = `pack_${++attached}`
  await sql`ATTACH DATABASE ${file} AS ${sql.id(schema)}`.execute(db)
  try {
    return await use(schema)
  } catch (e) {
    // A pack's file that SQLite finds damaged is a damaged pack, not an application fault.
    const code = e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : ''
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw damaged(DATA_FILE)
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('invalid_input', 'Gói dữ liệu không nhất quán: có liên kết tới bản ghi không có trong gói lẫn trên máy này; không có gì được ghi. / The pack links to records it does not hold; nothing written.')
    }
    throw e
  } finally {
    await sql`DETACH DATABASE ${sql.id(schema)}`.execute(db)
  }
}

const run = (db: Db, text: string, parameters: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, parameters))
const rowsOf = async <R>(db: Db, text: string, parameters: unknown[] = []) => (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows
const countOf = async (db: Db, text: string, parameters: unknown[] = []) => Number((await rowsOf<{ n: number }>(db, text, parameters))[0]?.n ?? 0)

/** `dataDir`: where attachment files are kept (they travel inside the pack). */
export async function buildPack(ctx: Ctx, scope: PackScope, dataDir: string): Promise<{ bytes: Uint8Array; manifest: PackManifest }> {
  const tmp = scratch()
  try {
    // SQLite copies the chosen rows into the pack's own database file, table by table.
    const { counts, hashes } = await withAttached(ctx.db, tmp.file, async (out) => {
      await run(ctx.db, `PRAGMA ${out}.journal_mode = OFF`)
      await run(ctx.db, `PRAGMA ${out}.synchronous = OFF`)
      return ctx.db.transaction().execute(async (trx) => {
        const ids = await closure(trx, scope)
        const counts: Record<string, number> = {}
        for (const table of ALL_TABLES) {
          const child = CHILD_TABLES.find((c) => c.table === table)
          const entity = ENTITY_TABLES.find((t) => t === table)
          await run(trx, `CREATE TABLE ${out}.${quote(table)} AS SELECT * FROM main.${quote(table)} WHERE 0`)
          const where = !ids ? '' : entity ? `WHERE id IN (SELECT value FROM json_each(?))` : `WHERE ${quote(child!.key)} IN (SELECT id FROM ${out}.${quote(child!.parent)})`
          const r = await run(trx, `INSERT INTO ${out}.${quote(table)} SELECT * FROM main.${quote(table)} ${where}`, ids && entity ? [JSON.stringify([...ids[entity]])] : [])
          counts[camel(table)] = Number(r.numAffectedRows ?? 0)
        }
        const hashes = (await rowsOf<{ sha256: string }>(trx, `SELECT DISTINCT sha256 FROM ${out}.attachment`)).map((r) => r.sha256)
        return { counts, hashes }
      })
    })

    const out: Uint8Array[] = []
    let failure: Error | null = null
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else out.push(chunk)
    })
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
    const data = new ZlibEntry(DATA_FILE, LEVEL)
    zip.add(data)
    for await (const chunk of createReadStream(tmp.file, { highWaterMark: 1 << 20 })) await data.push(chunk as Buffer)
    await data.end()
    for (const sha256 of hashes) {
      const path = attachmentPath(dataDir, sha256)
      if (!existsSync(path)) continue
      // Scans are already compressed (PDF, JPEG): stored as they are.
      const file = new ZipDeflate(`attachments/${sha256}`, { level: 0 })
      zip.add(file)
      file.push(readFileSync(path), true)
    }
    zip.end()
    if (failure) throw failure
    const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0))
    out.reduce((at, c) => (bytes.set(c, at), at + c.length), 0)
    return { bytes, manifest: m }
  } finally {
    tmp.dispose()
  }
}

// ---- reading -------------------------------------------------------------------------------

/** A pack opened for merging: its tables as an SQLite file in a scratch folder. */
export interface OpenedPack {
  manifest: PackManifest
  /** The pack's database file (format 3 as it travels; older formats converted to one). */
  file: string
  attachments(): Array<[sha256: string, bytes: Uint8Array]>
  dispose(): void
}

const notAPack = () => new AppError('invalid_input', 'Tệp không phải gói dữ liệu Hành Trang (.htpack) hoặc đã bị hỏng. / Not a pack, or damaged.')
/** An itinerary item's counterparts as stored: a JSON list of references. */
const counterpartList = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' })
      return z.NEVER
    }
  })
  .pipe(z.array(z.record(z.string(), z.unknown())))

const damaged = (what: string) => new AppError('invalid_input', `Gói dữ liệu hỏng: ${what} không đọc được. / Damaged pack.`)

function only(bytes: Uint8Array, name: string): Uint8Array | undefined {
  try {
    return unzipSync(bytes, { filter: (f) => f.name === name })[name]
  } catch {
    throw notAPack()
  }
}

export function readManifest(bytes: Uint8Array): PackManifest {
  const raw = only(bytes, 'manifest.json')
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
  return m
}

interface EntryRef {
  method: number
  crc: number
  compressedSize: number
  size: number
  offset: number
}

/**
 * The zip's central directory: where each entry's data starts, so that the database file
 * is inflated by zlib on the thread pool straight to disk, not held in memory.
 */
function zipDirectory(bytes: Uint8Array): Map<string, EntryRef> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number) => (at + 4 <= bytes.length ? v.getUint32(at, true) : -1)
  const u16 = (at: number) => (at + 2 <= bytes.length ? v.getUint16(at, true) : 0)
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff) && end < 0; i--) if (u32(i) === 0x06054b50) end = i
  if (end < 0) throw notAPack()
  const entries = new Map<string, EntryRef>()
  let at = u32(end + 16)
  for (let n = u16(end + 10); n > 0; n--) {
    if (u32(at) !== 0x02014b50) throw notAPack()
    const nameLength = u16(at + 28)
    const local = u32(at + 42)
    if (u32(local) !== 0x04034b50) throw notAPack()
    entries.set(strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)), {
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      offset: local + 30 + u16(local + 26) + u16(local + 28),
    })
    at += 46 + nameLength + u16(at + 30) + u16(at + 32)
  }
  return entries
}

/** Inflates one entry to a file, checking its size and CRC (a file damaged on the stick is refused). */
async function extract(bytes: Uint8Array, name: string, path: string): Promise<void> {
  const entry = zipDirectory(bytes).get(name)
  if (!entry || (entry.method !== 0 && entry.method !== 8)) throw damaged(name)
  const data = bytes.subarray(entry.offset, entry.offset + entry.compressedSize)
  let crc = 0
  let size = 0
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc)
      size += chunk.length
      done(null, chunk)
    },
  })
  try {
    const input = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)])
    // Megabyte chunks: zlib's default 16 KB ones make inflating three times slower.
    if (entry.method === 8) await pipeline(input, createInflateRaw({ chunkSize: 1 << 20 }), check, createWriteStream(path))
    else await pipeline(input, check, createWriteStream(path))
  } catch {
    throw damaged(name)
  }
  if (crc !== entry.crc || size !== entry.size) throw damaged(name)
}

/** A pack's database holds plain tables and their indexes only: no view, trigger or virtual table runs here. */
function checkDatabase(file: string): void {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const other = db.prepare(`SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index') OR sql LIKE 'CREATE VIRTUAL%'`).all()
    if (other.length) throw new AppError('invalid_input', 'Gói dữ liệu chứa đối tượng không được phép (view, trigger); không đọc. / The pack holds views or triggers; refused.')
  } catch (e) {
    if (e instanceof AppError) throw e
    throw damaged(DATA_FILE)
  } finally {
    db?.close()
  }
}

/** Formats 1 and 2 kept JSON per table (1: a list of objects in camelCase; 2: columns and rows): written into a database file like format 3's. */
function convertJson(bytes: Uint8Array, m: PackManifest, file: string): void {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = OFF')
    db.transaction(() => {
      for (const name of ALL_TABLES) {
        const fileName = m.version === 1 ? `data/${camel(name)}.json` : `data/${name}.json`
        const raw = only(bytes, fileName)
        if (!raw) continue
        let data: unknown
        try {
          data = JSON.parse(strFromU8(raw))
        } catch {
          throw damaged(fileName)
        }
        let t: TableData
        if (m.version === 1 && Array.isArray(data)) {
          const fields = [...new Set((data as Rec[]).flatMap((r) => Object.keys(r)))]
          t = { columns: fields.map(snake), rows: (data as Rec[]).map((r) => fields.map((c) => r[c] ?? null)) }
        } else {
          const d = data as Partial<TableData>
          if (!Array.isArray(d?.columns) || !Array.isArray(d.rows) || !d.rows.every((r) => Array.isArray(r) && r.length === d.columns!.length)) throw damaged(fileName)
          t = d as TableData
        }
        if (t.columns.length === 0) continue
        if (t.columns.some((c) => typeof c !== 'string') || new Set(t.columns).size !== t.columns.length) throw damaged(fileName)
        db.exec(`CREATE TABLE ${quote(name)} (${t.columns.map(quote).join(', ')})`)
        const insert = db.prepare(`INSERT INTO ${quote(name)} VALUES (${t.columns.map(() => '?').join(', ')})`)
        const value = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : (v ?? null))
        for (const r of t.rows) insert.run(r.map(value))
      }
    })()
  } finally {
    db.close()
  }
}

export async function openPack(bytes: Uint8Array): Promise<OpenedPack> {
  const m = readManifest(bytes)
  const tmp = scratch()
  try {
    if (m.version >= 3) {
      await extract(bytes, DATA_FILE, tmp.file)
      checkDatabase(tmp.file)
    } else convertJson(bytes, m, tmp.file)
  } catch (e) {
    tmp.dispose()
    throw e
  }
  return {
    manifest: m,
    file: tmp.file,
    attachments() {
      const files = unzipSync(bytes, { filter: (f) => /^attachments\/[0-9a-f]{64}$/.test(f.name) })
      return Object.entries(files).map(([name, content]) => [name.slice('attachments/'.length), content])
    },
    dispose: tmp.dispose,
  }
}

/** A table of a pack as records with the app's field names (tests, inspection). */
export async function packRecords(bytes: Uint8Array, table: string): Promise<Rec[]> {
  const pack = await openPack(bytes)
  const db = new Database(pack.file, { readonly: true })
  try {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(snake(table))
    const rows = exists ? (db.prepare(`SELECT * FROM ${quote(snake(table))} ORDER BY rowid`).all() as Rec[]) : []
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v])))
  } finally {
    db.close()
    pack.dispose()
  }
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

/**
 * A pack's table as SQL: its rows in the columns this database has, with references to
 * partners rewritten to the ids they have here (`temp.pack_map`). `pack_id__` keeps the id
 * the row had in the pack.
 */
interface Source {
  columns: string[]
  select: string
  count: number
}

interface TablePlan {
  source: Source | null
  /** How many of the pack's records are new here (their ids are in temp.pack_written, new = 1). */
  created: number
  updates: Row[]
}

interface Plan extends PackAnalysis {
  tables: Map<EntityTable, TablePlan>
}

/** Columns that may point at a partner matched under another id (reference data, names). */
const MAPPED = new Set(['locality_id', 'organization_id', 'person_id', 'home_locality_id', 'predecessor_id', 'successor_id', 'partner_locality_id', 'entity_id'])
const PARTNERS = new Set<string>(['locality', 'organization', 'person'])

const record = (columns: string[], row: Row): Rec => Object.fromEntries(columns.map((c, i) => [camel(c), row[i]]))
const nameOf = (r: Rec) => String(r.nameVi ?? r.titleVi ?? r.title ?? r.label ?? r.action ?? ([r.familyName, r.givenName].filter(Boolean).join(' ') || r.id))

async function packColumns(db: Db, schema: string, table: string): Promise<string[]> {
  return (await rowsOf<{ name: string }>(db, `SELECT name FROM pragma_table_info(?, ?)`, [table, schema])).map((r) => r.name)
}

/** Some columns of a pack's table under the given names (NULL where the pack lacks one); no rows when it lacks the table. */
async function packRows<R>(db: Db, schema: string, table: string, wanted: Record<keyof R & string, string>): Promise<R[]> {
  const columns = await packColumns(db, schema, table)
  if (columns.length === 0) return []
  const list = Object.entries<string>(wanted).map(([as, c]) => `${columns.includes(c) ? `s.${quote(c)}` : 'NULL'} AS ${quote(as)}`)
  return rowsOf<R>(db, `SELECT ${list.join(', ')} FROM ${schema}.${quote(table)} s`)
}

async function source(db: Db, schema: string, table: string): Promise<Source | null> {
  const theirs = await packColumns(db, schema, table)
  if (theirs.length === 0) return null
  const local = await columnsOf(db, table)
  const columns = theirs.filter((c) => local.some((l) => l.name === c))
  const count = await countOf(db, `SELECT count(*) AS n FROM ${schema}.${quote(table)}`)
  const missing = local.filter((c) => c.required && !theirs.includes(c.name))
  if (count && missing.length) {
    throw new AppError('invalid_input', `Gói dữ liệu thiếu cột ${missing.map((c) => c.name).join(', ')} của bảng ${table}; không có gì được ghi. / The pack lacks required columns.`)
  }
  const mapped = (c: string) => `coalesce((SELECT to_id FROM temp.pack_map WHERE from_id = s.${quote(c)}), s.${quote(c)})`
  const expressions = columns.map((c) => {
    if (MAPPED.has(c) || (c === 'id' && PARTNERS.has(table))) return `${mapped(c)} AS ${quote(c)}`
    // An itinerary item names its counterparts inside a JSON list (rewritten in temp.pack_counterparts).
    if (c === 'counterparts') return `coalesce((SELECT counterparts FROM temp.pack_counterparts WHERE id = s.id), s.counterparts) AS counterparts`
    return `s.${quote(c)}`
  })
  const select = `(SELECT ${columns.includes('id') ? 's.id AS pack_id__, ' : ''}${expressions.join(', ')} FROM ${schema}.${quote(table)} s)`
  return { columns, select, count }
}

const TEMP_TABLES = {
  pack_map: '(from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL)',
  pack_counterparts: '(id TEXT PRIMARY KEY, counterparts TEXT)',
  /** Records the pack writes: `new` 1 for those it creates, 0 for those it updates. */
  pack_written: '(tbl TEXT NOT NULL, id TEXT NOT NULL, new INTEGER NOT NULL, PRIMARY KEY (tbl, id))',
}

async function dropTemp(db: Db): Promise<void> {
  for (const name of Object.keys(TEMP_TABLES)) await run(db, `DROP TABLE IF EXISTS temp.${name}`)
}

/** Writes [[a, b], ...] into a two-column temp table in a few statements. */
async function fillPairs(db: Db, table: string, pairs: Array<[string, unknown]>): Promise<void> {
  for (let i = 0; i < pairs.length; i += 20_000) {
    await run(db, `INSERT INTO temp.${table} SELECT value->>0, value->>1 FROM json_each(?)`, [JSON.stringify(pairs.slice(i, i + 20_000))])
  }
}

async function plan(db: Db, schema: string, m: PackManifest): Promise<Plan> {
  const last = (await db.selectFrom('appMeta').select('value').where('key', '=', `exchange:${m.origin}`).executeTakeFirst())?.value ?? ''
  await dropTemp(db)
  for (const [name, columns] of Object.entries(TEMP_TABLES)) await run(db, `CREATE TEMP TABLE ${name} ${columns}`)
  const idMap = new Map<string, string>()
  /** Pack ids matched by name only: the officer's own record stands, it is not merged field by field. */
  const byNameOnly = new Set<string>()

  // Reference records by their key; partners made elsewhere by folded name and country.
  for (const table of ['locality', 'organization'] as const) {
    const theirs = await packRows<{ id: string; refKey: unknown; nameVi: unknown; country: unknown }>(db, schema, table, { id: 'id', refKey: 'ref_key', nameVi: 'name_vi', country: 'country' })
    if (theirs.length === 0) continue
    const local = await db.selectFrom(table).select(['id', 'refKey', 'nameVi', 'country']).execute()
    const byRef = new Map(local.filter((l) => l.refKey).map((l) => [l.refKey!, l.id]))
    const byName = new Map(local.map((l) => [`${fold(l.nameVi)}|${l.country}`, l.id]))
    const localIds = new Set(local.map((l) => l.id))
    for (const r of theirs) {
      if (localIds.has(r.id)) continue
      const byKey = typeof r.refKey === 'string' ? byRef.get(r.refKey) : undefined
      const named = byName.get(`${fold(String(r.nameVi))}|${String(r.country)}`)
      if (byKey) idMap.set(r.id, byKey)
      else if (named) {
        idMap.set(r.id, named)
        byNameOnly.add(r.id)
      }
    }
  }
  const theirPeople = await packRows<{ id: string; family: unknown; given: unknown; country: unknown }>(db, schema, 'person', { id: 'id', family: 'family_name', given: 'given_name', country: 'country' })
  if (theirPeople.length) {
    const mine = await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'country']).execute()
    const personKey = (family: unknown, given: unknown, country: unknown) => `${fold(`${String(family)} ${String(given ?? '')}`)}|${String(country)}`
    const peopleByName = new Map(mine.map((p) => [personKey(p.familyName, p.givenName, p.country), p.id]))
    const personIds = new Set(mine.map((p) => p.id))
    for (const r of theirPeople) {
      const match = peopleByName.get(personKey(r.family, r.given, r.country))
      if (personIds.has(r.id) || !match) continue
      idMap.set(r.id, match)
      byNameOnly.add(r.id)
    }
  }
  await fillPairs(db, 'pack_map', [...idMap])
  // Itinerary items name their counterparts in a JSON list: read (a list that is not one
  // refuses the pack as damaged), and rewritten when partners took ids from here.
  const map = (v: unknown) => (typeof v === 'string' ? (idMap.get(v) ?? v) : v)
  const rewritten: Array<[string, string]> = []
  for (const item of await packRows<{ id: string; counterparts: unknown }>(db, schema, 'itinerary_item', { id: 'id', counterparts: 'counterparts' })) {
    const list = counterpartList.safeParse(item.counterparts)
    if (!list.success) throw damaged('itinerary_item.counterparts')
    if (idMap.size) rewritten.push([item.id, JSON.stringify(list.data.map((c) => ({ ...c, ...Object.fromEntries(['personId', 'organizationId', 'localityId'].filter((k) => c[k]).map((k) => [k, map(c[k])])) })))])
  }
  await fillPairs(db, 'pack_counterparts', rewritten)

  const result: Plan = { manifest: m, created: 0, updated: 0, unchanged: 0, keptMine: 0, matchedByName: byNameOnly.size, conflicts: [], tables: new Map() }
  for (const table of ENTITY_TABLES) {
    const src = await source(db, schema, table)
    const tp: TablePlan = { source: src, created: 0, updates: [] }
    result.tables.set(table, tp)
    if (!src || src.count === 0) continue
    if (!src.columns.includes('id')) throw damaged(table)
    const t = `main.${quote(table)}`
    // New records: those whose (mapped) id is not here.
    const created = await run(db, `INSERT INTO temp.pack_written (tbl, id, new) SELECT ?, src.id, 1 FROM ${src.select} src WHERE NOT EXISTS (SELECT 1 FROM ${t} m WHERE m.id = src.id)`, [table])
    tp.created = Number(created.numAffectedRows ?? 0)
    result.created += tp.created
    // Records on both sides: SQLite compares them, only those that differ come up here.
    const both = await countOf(db, `SELECT count(*) AS n FROM ${src.select} src JOIN ${t} m ON m.id = src.id`)
    const content = src.columns.filter((c) => c !== 'id' && !META.has(c))
    const same = content.length ? content.map((c) => `m.${quote(c)} IS src.${quote(c)}`).join(' AND ') : '1'
    const list = (alias: string) => `json_array(${src.columns.map((c) => `${alias}.${quote(c)}`).join(', ')})`
    const differing = await rowsOf<{ pid: string; mine: string; theirs: string }>(
      db,
      `SELECT src.pack_id__ AS pid, ${list('m')} AS mine, ${list('src')} AS theirs FROM ${src.select} src JOIN ${t} m ON m.id = src.id WHERE NOT (${same})`,
    )
    result.unchanged += both - differing.length
    const updatedAt = src.columns.indexOf('updated_at')
    const createdAt = src.columns.indexOf('created_at')
    const id = src.columns.indexOf('id')
    for (const d of differing) {
      // A partner matched by name only stays as the officer has it.
      if (byNameOnly.has(d.pid)) {
        result.unchanged++
        continue
      }
      const mine = JSON.parse(d.mine) as Row
      const theirs = JSON.parse(d.theirs) as Row
      // A record never edited here since it was made (reference data on first start) has not changed here.
      const mineUpdated = updatedAt < 0 ? '' : String(mine[updatedAt])
      const changedHere = mineUpdated > last && (createdAt < 0 || mine[updatedAt] !== mine[createdAt])
      const changedThere = updatedAt < 0 || String(theirs[updatedAt]) > last
      if (changedThere && !changedHere) {
        tp.updates.push(theirs)
        result.updated++
      } else if (changedHere && !changedThere) result.keptMine++
      else {
        const target = String(theirs[id])
        result.conflicts.push({ key: `${table}:${target}`, table, id: target, name: nameOf(record(src.columns, mine)), mine: record(src.columns, mine), theirs: record(src.columns, theirs) })
      }
    }
  }
  return result
}

export async function analyzePack(db: Db, bytes: Uint8Array): Promise<PackAnalysis> {
  const pack = await openPack(bytes)
  try {
    return await withAttached(db, pack.file, (schema) =>
      db.transaction().execute(async (trx) => {
        const p = await plan(trx, schema, pack.manifest)
        await dropTemp(trx)
        return summary(p)
      }),
    )
  } finally {
    pack.dispose()
  }
}

function summary(p: Plan): PackAnalysis {
  const { manifest: m, created, updated, unchanged, keptMine, matchedByName, conflicts } = p
  return { manifest: m, created, updated, unchanged, keptMine, matchedByName, conflicts }
}

/**
 * Inserts `select`'s rows. When they at least double a table (a pack into a new
 * installation), its secondary indexes are dropped and built again afterwards, in the same
 * transaction: building an index from the whole table is several times faster than keeping
 * it up to date row by row.
 */
async function insertSelect(db: Db, table: string, columns: string[], select: string, rows: number): Promise<void> {
  let rebuild: string[] = []
  if (rows >= 5000 && rows >= (await countOf(db, `SELECT count(*) AS n FROM main.${quote(table)}`))) {
    const indexes = await rowsOf<{ name: string; sql: string }>(db, `SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table])
    for (const index of indexes) await run(db, `DROP INDEX main.${quote(index.name)}`)
    rebuild = indexes.map((index) => index.sql)
  }
  const list = columns.map(quote).join(', ')
  await run(db, `INSERT INTO main.${quote(table)} (${list}) ${select}`)
  for (const statement of rebuild) await run(db, statement)
}

async function updateRows(db: Db, table: string, columns: string[], rows: Row[]): Promise<void> {
  const id = columns.indexOf('id')
  const set = columns.filter((_, i) => i !== id)
  const text = `UPDATE ${quote(table)} SET ${set.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`
  for (const row of rows) await run(db, text, [...row.filter((_, i) => i !== id), row[id]])
}

/**
 * Applies a pack in one transaction; `choices` settles the conflicts ("theirs" takes the
 * pack's version). SQLite moves the rows from the pack's database file itself; many
 * records' search documents are written just after, in the background.
 */
export async function applyPack(
  ctx: Ctx,
  bytes: Uint8Array,
  dataDir: string,
  choices: Record<string, 'mine' | 'theirs'> = {},
): Promise<PackAnalysis & { resolvedTheirs: number; indexing: number }> {
  const pack = await openPack(bytes)
  try {
    // Attachment files first: content-addressed, so writing one that is not used yet harms nothing.
    for (const [, content] of pack.attachments()) storeBytes(dataDir, content)
    return await withAttached(ctx.db, pack.file, async (schema) => {
      const bulk = await intoNewInstallation(ctx.db, schema)
      if (bulk) await run(ctx.db, `PRAGMA main.journal_mode = DELETE`)
      try {
        return await ctx.db.transaction().execute((trx) => merge(trx, schema, pack.manifest, choices))
      } finally {
        if (bulk) await run(ctx.db, `PRAGMA main.journal_mode = WAL`)
      }
    })
  } finally {
    pack.dispose()
  }
}

/**
 * True when the pack holds more agreements and engagements than this database: a register
 * moving into a new installation. That load runs under SQLite's rollback journal instead of
 * the WAL: pages added beyond the end of the file are then written once, where the WAL would
 * write them twice (to the log, then by the checkpoint), and the transaction stays as safe.
 */
async function intoNewInstallation(db: Db, schema: string): Promise<boolean> {
  let theirs = 0
  let mine = 0
  for (const table of ['agreement', 'engagement']) {
    if ((await packColumns(db, schema, table)).length) theirs += await countOf(db, `SELECT count(*) AS n FROM ${schema}.${table}`)
    mine += await countOf(db, `SELECT count(*) AS n FROM main.${table}`)
  }
  return theirs >= 5000 && theirs >= mine
}

async function merge(trx: Db, schema: string, m: PackManifest, choices: Record<string, 'mine' | 'theirs'>): Promise<PackAnalysis & { resolvedTheirs: number; indexing: number }> {
  const p = await plan(trx, schema, m)
  let resolvedTheirs = 0
  for (const table of ENTITY_TABLES) {
    const { source: src, created, updates: planned } = p.tables.get(table)!
    if (!src) continue
    const id = src.columns.indexOf('id')
    const taken = p.conflicts.filter((c) => c.table === table && choices[c.key] === 'theirs')
    const updates = [...planned, ...taken.map((c) => src.columns.map((col) => c.theirs[camel(col)]))]
    resolvedTheirs += taken.length
    // New records: a pack of 100,000 agreements into a new installation is all new rows.
    if (created) {
      const list = src.columns.map((c) => `src.${quote(c)}`).join(', ')
      await insertSelect(trx, table, src.columns, `SELECT ${list} FROM ${src.select} src WHERE src.id IN (SELECT id FROM temp.pack_written WHERE tbl = '${table}' AND new = 1)`, created)
    }
    await updateRows(trx, table, src.columns, updates)
    const ids = updates.map((r) => r[id] as string)
    for (let i = 0; i < ids.length; i += 20_000) await run(trx, `INSERT INTO temp.pack_written (tbl, id, new) SELECT ?, value, 0 FROM json_each(?)`, [table, JSON.stringify(ids.slice(i, i + 20_000))])
  }
  // The children of every record taken from the pack come with it (an updated record's old
  // ones are replaced), except links to records neither side has (a partial pack's edges).
  for (const child of CHILD_TABLES) {
    const parents = await countOf(trx, `SELECT count(*) AS n FROM temp.pack_written WHERE tbl = ?`, [child.parent])
    if (parents === 0) continue
    const of = (isNew: string) => `(SELECT id FROM temp.pack_written WHERE tbl = '${child.parent}'${isNew})`
    await run(trx, `DELETE FROM main.${quote(child.table)} WHERE ${quote(child.key)} IN ${of(' AND new = 0')}`)
    const src = await source(trx, schema, child.table)
    if (!src || src.count === 0 || !src.columns.includes(child.key)) continue
    // A whole register's links all point inside it (one snapshot); the foreign keys still check them.
    const checks = Object.entries(m.scope === 'all' ? {} : TARGET)
      .filter(([col]) => src.columns.includes(col) && col !== child.key)
      .map(([col, target]) => `AND (src.${quote(col)} IS NULL OR EXISTS (SELECT 1 FROM main.${quote(target)} t WHERE t.id = src.${quote(col)}))`)
    const list = src.columns.map((c) => `src.${quote(c)}`).join(', ')
    await insertSelect(trx, child.table, src.columns, `SELECT ${list} FROM ${src.select} src WHERE src.${quote(child.key)} IN ${of('')} ${checks.join(' ')}`, src.count)
  }
  await trx
    .insertInto('appMeta')
    .values({ key: `exchange:${m.origin}`, value: m.createdAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: m.createdAt }))
    .execute()

  // Search: the records written, oldest first (the newest then rank first in the queue), and
  // those whose documents show a renamed partner's name (first of all). The ids stay in SQLite.
  const renamed = (await rowsOf<{ id: string }>(trx, `SELECT id FROM temp.pack_written WHERE new = 0 AND tbl IN ('locality', 'organization', 'person')`)).map((r) => r.id)
  const dependents: EntityIds = await dependentsOf(trx, renamed)
  const search: Partial<Record<SearchKind, RawBuilder<unknown>>> = {}
  for (const table of SEARCHED) {
    const date = table === 'agreement' ? 'signed_date' : table === 'engagement' ? 'start_date' : null
    const written = date
      ? sql`SELECT w.id, x.${sql.raw(date)} AS sort FROM temp.pack_written w JOIN main.${sql.raw(table)} x ON x.id = w.id WHERE w.tbl = ${table}`
      : sql`SELECT id, rowid AS sort FROM temp.pack_written WHERE tbl = ${table}`
    const shown = dependents[table]?.length
      ? sql`UNION ALL SELECT value, NULL FROM json_each(${JSON.stringify(dependents[table])}) WHERE value NOT IN (SELECT id FROM temp.pack_written WHERE tbl = ${table})`
      : sql``
    search[table] = sql`${written} ${shown}`
  }
  const indexing = await indexLaterSelect(trx, search)
  await dropTemp(trx)
  return { ...summary(p), resolvedTheirs, indexing }
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
