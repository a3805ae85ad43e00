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
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { sql } from 'kysely'
import { z } from 'zod'
import { fold } from '../../shared/text/fold.ts'
import type { Ctx, Db } from '../context.ts'
import type { DB } from '../db/schema.ts'
import type { PackAnalysisView } from '../../shared/contract.ts'
import { AppError } from '../errors.ts'
import { reindexAll } from '../search/documents.ts'
import { attachmentPath, storeBytes } from './attachments.ts'
import { existsSync, readFileSync } from 'node:fs'

export const PACK_FORMAT = 'hanh-trang-pack'
export const PACK_VERSION = 1

type Table = keyof DB
/** Tables in the order they can be written (parents first). */
const ENTITY_TABLES = ['locality', 'organization', 'person', 'agreement', 'commitment', 'engagement', 'fact', 'trip', 'itineraryItem', 'snippet', 'brief', 'attachment'] as const
type EntityTable = (typeof ENTITY_TABLES)[number]
/** Rows that belong to one parent and travel with it. */
const CHILD_TABLES: Array<{ table: Table; parent: EntityTable; key: string }> = [
  { table: 'localityLineage', parent: 'locality', key: 'successorId' },
  { table: 'agreementParty', parent: 'agreement', key: 'agreementId' },
  { table: 'agreementSignatory', parent: 'agreement', key: 'agreementId' },
  { table: 'agreementSector', parent: 'agreement', key: 'agreementId' },
  { table: 'engagementParticipant', parent: 'engagement', key: 'engagementId' },
  { table: 'engagementAgreement', parent: 'engagement', key: 'engagementId' },
  { table: 'tripDestination', parent: 'trip', key: 'tripId' },
  { table: 'tripMember', parent: 'trip', key: 'tripId' },
]
/** Columns that point at other records (rewritten when ids are mapped). */
const REFERENCES = ['localityId', 'organizationId', 'personId', 'agreementId', 'engagementId', 'tripId', 'homeLocalityId', 'predecessorId', 'successorId', 'partnerLocalityId']
const META = new Set(['createdAt', 'updatedAt', 'updatedBy', 'origin'])

type Row = Record<string, unknown> & { id?: string }

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

// ---- export ------------------------------------------------------------------------------

async function rowsOf(db: Db, table: Table, column?: string, ids?: readonly string[]): Promise<Row[]> {
  if (!column || !ids) return (await db.selectFrom(table).selectAll().execute()) as Row[]
  const rows: Row[] = []
  // SQLite bounds the number of parameters in one statement.
  for (let i = 0; i < ids.length; i += 5000) {
    rows.push(...((await db.selectFrom(table).selectAll().where(sql.ref(column), 'in', ids.slice(i, i + 5000) as string[]).execute()) as Row[]))
  }
  return rows
}

/** The ids a scope covers, table by table. */
async function closure(db: Db, scope: PackScope): Promise<Partial<Record<EntityTable, Set<string>>> | null> {
  if (scope.kind === 'all') return null
  const ids: Record<EntityTable, Set<string>> = Object.fromEntries(ENTITY_TABLES.map((t) => [t, new Set<string>()])) as Record<EntityTable, Set<string>>
  const pluck = (rows: Row[], key: string, into: Set<string>) => rows.forEach((r) => r[key] && into.add(r[key] as string))
  if (scope.kind === 'partner') {
    const isLocality = !!(await db.selectFrom('locality').select('id').where('id', '=', scope.id).executeTakeFirst())
    ;(isLocality ? ids.locality : ids.organization).add(scope.id)
    const col = isLocality ? 'localityId' : 'organizationId'
    pluck(await rowsOf(db, 'person', col, [scope.id]), 'id', ids.person)
    pluck(await rowsOf(db, 'agreementParty', col, [scope.id]), 'agreementId', ids.agreement)
    pluck(await rowsOf(db, 'engagementParticipant', col, [scope.id]), 'engagementId', ids.engagement)
    if (isLocality) {
      pluck(await rowsOf(db, 'fact', 'localityId', [scope.id]), 'id', ids.fact)
      pluck(await rowsOf(db, 'localityLineage', 'successorId', [scope.id]), 'predecessorId', ids.locality)
    }
  } else {
    if (!(await db.selectFrom('trip').select('id').where('id', '=', scope.id).executeTakeFirst())) throw new AppError('not_found', 'Không tìm thấy đoàn công tác / trip not found')
    ids.trip.add(scope.id)
    const trip = (await rowsOf(db, 'trip', 'id', [scope.id]))[0]!
    if (trip.homeLocalityId) ids.locality.add(trip.homeLocalityId as string)
    pluck(await rowsOf(db, 'tripDestination', 'tripId', [scope.id]), 'localityId', ids.locality)
    pluck(await rowsOf(db, 'tripMember', 'tripId', [scope.id]), 'personId', ids.person)
    const items = await rowsOf(db, 'itineraryItem', 'tripId', [scope.id])
    pluck(items, 'id', ids.itineraryItem)
    for (const item of items) {
      for (const c of JSON.parse(item.counterparts as string) as Row[]) {
        if (c.personId) ids.person.add(c.personId as string)
        if (c.organizationId) ids.organization.add(c.organizationId as string)
        if (c.localityId) ids.locality.add(c.localityId as string)
      }
    }
    pluck(await rowsOf(db, 'brief', 'tripId', [scope.id]), 'id', ids.brief)
    pluck(await rowsOf(db, 'snippet'), 'id', ids.snippet)
    const destinations = [...ids.locality]
    pluck(await rowsOf(db, 'agreementParty', 'localityId', destinations), 'agreementId', ids.agreement)
    pluck(await rowsOf(db, 'fact', 'localityId', destinations), 'id', ids.fact)
  }
  // What the chosen records point at comes along: commitments, parties, signatories, participants.
  pluck(await rowsOf(db, 'commitment', 'agreementId', [...ids.agreement]), 'id', ids.commitment)
  const parties = await rowsOf(db, 'agreementParty', 'agreementId', [...ids.agreement])
  pluck(parties, 'localityId', ids.locality)
  pluck(parties, 'organizationId', ids.organization)
  pluck(await rowsOf(db, 'agreementSignatory', 'agreementId', [...ids.agreement]), 'personId', ids.person)
  const participants = await rowsOf(db, 'engagementParticipant', 'engagementId', [...ids.engagement])
  pluck(participants, 'localityId', ids.locality)
  pluck(participants, 'organizationId', ids.organization)
  pluck(participants, 'personId', ids.person)
  const people = await rowsOf(db, 'person', 'id', [...ids.person])
  pluck(people, 'organizationId', ids.organization)
  pluck(people, 'localityId', ids.locality)
  pluck(await rowsOf(db, 'organization', 'id', [...ids.organization]), 'localityId', ids.locality)
  // Scans and pictures of the records that travel.
  pluck(await rowsOf(db, 'attachment', 'entityId', [...ids.agreement, ...ids.person]), 'id', ids.attachment)
  // Successors of old units, so that lineage reads the same on the other side.
  pluck(await rowsOf(db, 'localityLineage', 'predecessorId', [...ids.locality]), 'successorId', ids.locality)
  return ids
}

/** `dataDir`: where attachment files are kept (they travel inside the pack). */
export async function buildPack(ctx: Ctx, scope: PackScope, dataDir: string): Promise<{ bytes: Uint8Array; manifest: PackManifest }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await closure(trx, scope)
    const files: Record<string, Uint8Array> = {}
    const counts: Record<string, number> = {}
    const data: Partial<Record<Table, Row[]>> = {}
    for (const table of ENTITY_TABLES) data[table] = ids ? await rowsOf(trx, table, 'id', [...(ids[table] ?? [])]) : await rowsOf(trx, table)
    for (const child of CHILD_TABLES) {
      const parents = (data[child.parent] ?? []).map((r) => r.id as string)
      data[child.table] = ids ? await rowsOf(trx, child.table, child.key, parents) : await rowsOf(trx, child.table)
    }
    for (const a of data.attachment ?? []) {
      const path = attachmentPath(dataDir, a.sha256 as string)
      if (existsSync(path)) files[`attachments/${a.sha256 as string}`] = readFileSync(path)
    }
    for (const [table, rows] of Object.entries(data)) {
      files[`data/${table}.json`] = strToU8(JSON.stringify(rows))
      counts[table] = rows!.length
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
    files['manifest.json'] = strToU8(JSON.stringify(m, null, 2))
    return { bytes: zipSync(files, { level: 6 }), manifest: m }
  })
}

// ---- import ------------------------------------------------------------------------------

export interface Conflict {
  key: string
  table: EntityTable
  id: string
  name: string
  mine: Row
  theirs: Row
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

interface Plan extends PackAnalysis {
  /** Incoming id -> local id, where they differ. */
  idMap: Map<string, string>
  writes: Array<{ table: EntityTable; row: Row; mode: 'insert' | 'update' }>
  data: Partial<Record<Table, Row[]>>
}

export function readPack(bytes: Uint8Array): { manifest: PackManifest; data: Partial<Record<Table, Row[]>>; files: Record<string, Uint8Array> } {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new AppError('invalid_input', 'Tệp không phải gói dữ liệu Hành Trang (.htpack) hoặc đã bị hỏng. / Not a pack, or damaged.')
  }
  const raw = files['manifest.json']
  if (!raw) throw new AppError('invalid_input', 'Gói dữ liệu thiếu manifest.json. / The pack has no manifest.')
  let parsed: z.ZodSafeParseResult<PackManifest>
  try {
    parsed = manifest.safeParse(JSON.parse(strFromU8(raw)))
  } catch {
    throw new AppError('invalid_input', 'manifest.json không đọc được. / Unreadable manifest.')
  }
  if (!parsed.success) throw new AppError('invalid_input', `Gói dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`)
  if (parsed.data.version > PACK_VERSION) {
    throw new AppError('db_from_future', `Gói dữ liệu do phiên bản Hành Trang mới hơn tạo ra (định dạng ${parsed.data.version}, phiên bản này đọc đến ${PACK_VERSION}); hãy cập nhật ứng dụng. / From a newer version.`)
  }
  const data: Partial<Record<Table, Row[]>> = {}
  for (const table of [...ENTITY_TABLES, ...CHILD_TABLES.map((c) => c.table)]) {
    const file = files[`data/${table}.json`]
    if (!file) continue
    try {
      const rows = JSON.parse(strFromU8(file)) as unknown
      if (!Array.isArray(rows)) throw new Error('not a list')
      data[table] = rows as Row[]
    } catch {
      throw new AppError('invalid_input', `Gói dữ liệu hỏng: data/${table}.json không đọc được. / Damaged pack.`)
    }
  }
  return { manifest: parsed.data, data, files }
}

const content = (row: Row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !META.has(k) && k !== 'id').sort(([a], [b]) => a.localeCompare(b))))
const nameOf = (table: EntityTable, r: Row) =>
  String(r.nameVi ?? r.titleVi ?? r.title ?? r.label ?? r.action ?? [r.familyName, r.givenName].filter(Boolean).join(' ') ?? r.id)

function remap(row: Row, idMap: Map<string, string>): Row {
  const out: Row = { ...row }
  for (const key of REFERENCES) if (typeof out[key] === 'string' && idMap.has(out[key] as string)) out[key] = idMap.get(out[key] as string)
  if (typeof out.counterparts === 'string') {
    const list = JSON.parse(out.counterparts) as Row[]
    out.counterparts = JSON.stringify(list.map((c) => remap(c, idMap)))
  }
  return out
}

async function plan(db: Db, bytes: Uint8Array): Promise<Plan> {
  const { manifest: m, data } = readPack(bytes)
  const last = (await db.selectFrom('appMeta').select('value').where('key', '=', `exchange:${m.origin}`).executeTakeFirst())?.value ?? ''
  const idMap = new Map<string, string>()
  /** Incoming ids matched by name only: the officer's own record stands, it is not merged field by field. */
  const byNameOnly = new Set<string>()

  // Reference records by their key; partners made elsewhere by folded name and country.
  for (const table of ['locality', 'organization'] as const) {
    const local = (await db.selectFrom(table).select(['id', 'refKey', 'nameVi', 'country']).execute()) as Row[]
    const byRef = new Map(local.filter((l) => l.refKey).map((l) => [l.refKey as string, l.id as string]))
    const byName = new Map(local.map((l) => [`${fold(l.nameVi as string)}|${l.country as string}`, l.id as string]))
    const localIds = new Set(local.map((l) => l.id as string))
    for (const r of data[table] ?? []) {
      const id = r.id as string
      if (localIds.has(id)) continue
      const byKey = typeof r.refKey === 'string' ? byRef.get(r.refKey) : undefined
      const named = byName.get(`${fold(String(r.nameVi))}|${String(r.country)}`)
      if (byKey) idMap.set(id, byKey)
      else if (named) {
        idMap.set(id, named)
        byNameOnly.add(id)
      }
    }
  }
  const people = (await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'country']).execute()) as Row[]
  const personKey = (p: Row) => `${fold(`${p.familyName} ${p.givenName ?? ''}`)}|${String(p.country)}`
  const peopleByName = new Map(people.map((p) => [personKey(p), p.id as string]))
  const personIds = new Set(people.map((p) => p.id as string))
  for (const p of data.person ?? []) {
    if (personIds.has(p.id as string) || !peopleByName.has(personKey(p))) continue
    idMap.set(p.id as string, peopleByName.get(personKey(p))!)
    byNameOnly.add(p.id as string)
  }

  const result: Plan = { manifest: m, created: 0, updated: 0, unchanged: 0, keptMine: 0, matchedByName: byNameOnly.size, conflicts: [], idMap, writes: [], data }
  for (const table of ENTITY_TABLES) {
    const wanted = (data[table] ?? []).map((r) => (idMap.get(r.id as string) ?? r.id) as string)
    const local = new Map((await rowsOf(db, table, 'id', wanted)).map((r) => [r.id as string, r]))
    for (const original of data[table] ?? []) {
      const theirs = remap(original, idMap)
      const id = (idMap.get(original.id as string) ?? original.id) as string
      const mine = local.get(id)
      if (!mine) {
        result.writes.push({ table, row: { ...theirs, id }, mode: 'insert' })
        result.created++
        continue
      }
      // A partner matched by name only stays as the officer has it.
      if (byNameOnly.has(original.id as string) || content(mine) === content({ ...theirs, id })) {
        result.unchanged++
        continue
      }
      // A record never edited here since it was made (reference data on first start) has not changed here.
      const changedHere = (mine.updatedAt as string) > last && mine.updatedAt !== mine.createdAt
      const changedThere = (theirs.updatedAt as string) > last
      if (changedThere && !changedHere) {
        result.writes.push({ table, row: { ...theirs, id }, mode: 'update' })
        result.updated++
      } else if (changedHere && !changedThere) result.keptMine++
      else result.conflicts.push({ key: `${table}:${id}`, table, id, name: nameOf(table, mine), mine, theirs: { ...theirs, id } })
    }
  }
  return result
}

export async function analyzePack(db: Db, bytes: Uint8Array): Promise<PackAnalysis> {
  const { idMap: _i, writes: _w, data: _d, ...analysis } = await plan(db, bytes)
  return analysis
}

async function insertMany(trx: Db, table: Table, rows: Row[]) {
  if (rows.length === 0) return
  // Keep each statement well under SQLite's limit on bound parameters.
  const perStatement = Math.max(1, Math.floor(8000 / Object.keys(rows[0]!).length))
  for (let i = 0; i < rows.length; i += perStatement) await trx.insertInto(table).values(rows.slice(i, i + perStatement) as never).execute()
}

async function writeRow(trx: Db, table: Table, row: Row, mode: 'insert' | 'update') {
  if (mode === 'insert') await trx.insertInto(table).values(row as never).execute()
  else await trx.updateTable(table).set(row as never).where(sql.ref('id'), '=', row.id as string).execute()
}

/** Applies a pack in one transaction; `choices` settles the conflicts ("theirs" takes the pack's version). */
export async function applyPack(
  ctx: Ctx,
  bytes: Uint8Array,
  dataDir: string,
  choices: Record<string, 'mine' | 'theirs'> = {},
): Promise<PackAnalysis & { resolvedTheirs: number }> {
  // Attachment files first: content-addressed, so writing one that is not used yet harms nothing.
  const { files } = readPack(bytes)
  for (const [name, content] of Object.entries(files)) {
    if (name.startsWith('attachments/') && /^[0-9a-f]{64}$/.test(name.slice(12))) storeBytes(dataDir, content)
  }
  return ctx.db.transaction().execute(async (trx) => {
    const p = await plan(trx, bytes)
    const writes = [...p.writes, ...p.conflicts.filter((c) => choices[c.key] === 'theirs').map((c) => ({ table: c.table, row: c.theirs, mode: 'update' as const }))]
    const written = new Map<EntityTable, Set<string>>()
    for (const table of ENTITY_TABLES) {
      const mine = writes.filter((x) => x.table === table)
      // New records in multi-row statements; a pack of 100,000 agreements is mostly new rows.
      await insertMany(trx, table, mine.filter((w) => w.mode === 'insert').map((w) => w.row))
      for (const w of mine.filter((x) => x.mode === 'update')) await writeRow(trx, table, w.row, 'update')
      written.set(table, new Set(mine.map((w) => w.row.id as string)))
    }
    // The children of every record taken from the pack come with it, except links to
    // records neither side has (a partial pack's edges).
    const known = new Map<string, Set<string>>()
    const exists = async (table: Table, id: string) => {
      let set = known.get(table)
      if (!set) {
        set = new Set((await trx.selectFrom(table).select(sql<string>`id`.as('id')).execute()).map((r) => (r as { id: string }).id))
        known.set(table, set)
      }
      return set.has(id)
    }
    const TARGET: Record<string, Table> = { localityId: 'locality', predecessorId: 'locality', successorId: 'locality', organizationId: 'organization', personId: 'person', agreementId: 'agreement' }
    for (const child of CHILD_TABLES) {
      const parents = written.get(child.parent)
      if (!parents?.size) continue
      for (let i = 0, list = [...parents]; i < list.length; i += 5000) {
        await trx.deleteFrom(child.table).where(sql.ref(child.key), 'in', list.slice(i, i + 5000)).execute()
      }
      const children: Row[] = []
      for (const row of p.data[child.table] ?? []) {
        const r = remap(row, p.idMap)
        if (!parents.has(r[child.key] as string)) continue
        let dangling = false
        for (const [column, table] of Object.entries(TARGET)) {
          if (column !== child.key && typeof r[column] === 'string' && !(await exists(table, r[column] as string))) dangling = true
        }
        if (!dangling) children.push(r)
      }
      await insertMany(trx, child.table, children)
    }
    await trx
      .insertInto('appMeta')
      .values({ key: `exchange:${p.manifest.origin}`, value: p.manifest.createdAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: p.manifest.createdAt }))
      .execute()
    if (writes.length) await reindexAll(trx)
    const { idMap: _i, writes: _w, data: _d, ...analysis } = p
    return { ...analysis, resolvedTheirs: writes.length - p.writes.length }
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
        .filter((k) => !META.has(k) && show(c.mine[k]) !== show(c.theirs[k]))
        .map((k) => [k, show(c.mine[k]), show(c.theirs[k])] as [string, string, string]),
    })),
  }
}
