/**
 * What a data pack would do here, worked out by the database on the pack's tables: which of
 * its records are new, which update one here, which are the same, which conflict with an
 * edit made here, and what its deletions mean. Nothing in the register is written; the
 * plan lives in temp tables until the transaction that made it ends.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import { fold } from '../../../shared/text/fold.ts'
import type { Db } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { ENTITY_TABLES, TOMBSTONE_TABLE, camel, damaged, quote, type EntityTable, type PackManifest } from './format.ts'
import { dialectOf } from '../../db/dialect/index.ts'
import { columnsOf, countOf, mainTable, rowsOf, run, tempTable, type PackDb } from './sql.ts'

export const META = new Set(['created_at', 'updated_at', 'updated_by', 'origin'])

type Row = unknown[]
/** A record shown to the officer (conflicts), with the app's field names. */
export type Rec = Record<string, unknown> & { id?: string }

export interface Conflict {
  key: string
  table: EntityTable
  id: string
  name: string
  /** null: deleted here, edited there. */
  mine: Rec | null
  /** null: deleted there ("Bản bên kia đã xóa"), edited here. */
  theirs: Rec | null
  /** The pack's version of the record (its update time, or its deletion's): kept mine, it is not asked about again. */
  version: string
}

export interface PackAnalysis {
  manifest: PackManifest
  created: number
  updated: number
  /** Records deleted here because they were deleted there (and not edited here since). */
  deleted: number
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
export interface Source {
  columns: string[]
  select: string
  count: number
}

export interface TablePlan {
  source: Source | null
  /** How many of the pack's records are new here (their ids are in temp.pack_written, new = 1). */
  created: number
  updates: Row[]
}

export interface Plan extends PackAnalysis {
  tables: Map<EntityTable, TablePlan>
}

/** "table:id" → the version of the pack's record the officer already declined for theirs here. */
type Declined = Map<string, string>
export const declinedKey = (table: string, id: string) => `declined:${table}:${id}`

/** Columns that may point at a partner matched under another id (reference data, names). */
const MAPPED = new Set(['locality_id', 'organization_id', 'person_id', 'home_locality_id', 'predecessor_id', 'successor_id', 'partner_locality_id', 'entity_id'])
const PARTNERS = new Set<string>(['locality', 'organization', 'person'])

export const record = (columns: string[], row: Row): Rec => Object.fromEntries(columns.map((c, i) => [camel(c), row[i]]))
const nameOf = (r: Rec) => String(r.nameVi ?? r.titleVi ?? r.title ?? r.label ?? r.action ?? r.fileName ?? ([r.familyName, r.givenName].filter(Boolean).join(' ') || r.id))

/** An itinerary item's counterparts as stored: a JSON list of references. */
const counterpartList = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not_json' })
      return z.NEVER
    }
  })
  .pipe(z.array(z.record(z.string(), z.unknown())))

/**
 * Columns of a row selected as `prefix0, prefix1, …` (names no case mapping changes), and
 * the row read back as a list in the columns' order.
 */
export const selectList = (alias: string, columns: readonly string[], prefix: string) => columns.map((c, i) => `${alias}.${quote(c)} AS ${prefix}${i}`).join(', ')
export const listOf = (r: Record<string, unknown>, columns: readonly string[], prefix: string): Row => columns.map((_, i) => r[`${prefix}${i}`])

/** Some columns of a pack's table under the given names (NULL where the pack lacks one); no rows when it lacks the table. */
async function packRows<R>(db: Db, pack: PackDb, table: string, wanted: Record<keyof R & string, string>): Promise<R[]> {
  const columns = pack.columns(table)
  if (columns.length === 0) return []
  const list = Object.entries<string>(wanted).map(([as, c]) => `${columns.includes(c) ? `s.${quote(c)}` : 'NULL'} AS ${quote(as)}`)
  return rowsOf<R>(db, `SELECT ${list.join(', ')} FROM ${pack.table(table)} s`)
}

export async function source(db: Db, pack: PackDb, table: string): Promise<Source | null> {
  const theirs = pack.columns(table)
  if (theirs.length === 0) return null
  const local = await columnsOf(db, table)
  const columns = theirs.filter((c) => local.some((l) => l.name === c))
  const count = await countOf(db, `SELECT count(*) AS n FROM ${pack.table(table)}`)
  const missing = local.filter((c) => c.required && !theirs.includes(c.name))
  if (count && missing.length) {
    throw new AppError('pack_missing_columns', { columns: missing.map((c) => c.name), table })
  }
  const mapped = (c: string) => `coalesce((SELECT to_id FROM ${tempTable(db, 'pack_map')} WHERE from_id = s.${quote(c)}), s.${quote(c)})`
  const expressions = columns.map((c) => {
    if (MAPPED.has(c) || (c === 'id' && PARTNERS.has(table))) return `${mapped(c)} AS ${quote(c)}`
    // An itinerary item names its counterparts inside a JSON list (rewritten in temp.pack_counterparts).
    if (c === 'counterparts') return `coalesce((SELECT counterparts FROM ${tempTable(db, 'pack_counterparts')} WHERE id = s.id), s.counterparts) AS counterparts`
    return `s.${quote(c)}`
  })
  const select = `(SELECT ${columns.includes('id') ? 's.id AS pack_id__, ' : ''}${expressions.join(', ')} FROM ${pack.table(table)} s)`
  return { columns, select, count }
}

const TEMP_TABLES = {
  pack_map: '(from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL)',
  pack_counterparts: '(id TEXT PRIMARY KEY, counterparts TEXT)',
  /** Records the pack writes: `new` 1 for those it creates, 0 for those it updates. */
  pack_written: '(tbl TEXT NOT NULL, id TEXT NOT NULL, new INTEGER NOT NULL, PRIMARY KEY (tbl, id))',
  /** Records deleted there that are to be deleted here. */
  pack_deleting: '(tbl TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tbl, id))',
}

export async function dropTemp(db: Db): Promise<void> {
  for (const name of Object.keys(TEMP_TABLES)) await run(db, `DROP TABLE IF EXISTS ${tempTable(db, name)}`)
}

/** Writes [[a, b], ...] into a two-column temp table, a few thousand pairs a statement. */
export async function fillPairs(db: Db, table: string, pairs: Array<[string, unknown]>): Promise<void> {
  for (let i = 0; i < pairs.length; i += 5000) {
    const batch = pairs.slice(i, i + 5000)
    await run(db, `INSERT INTO ${tempTable(db, table)} VALUES ${batch.map(() => '(?, ?)').join(', ')}`, batch.flat())
  }
}

/**
 * Partners made on another installation that are ours under another id: reference records
 * by their key, partners by folded name and country. Returns the pack id → local id map
 * and the ids matched by name only (the officer's own record stands).
 */
async function matchPartners(db: Db, pack: PackDb): Promise<{ idMap: Map<string, string>; byNameOnly: Set<string> }> {
  const idMap = new Map<string, string>()
  const byNameOnly = new Set<string>()
  for (const table of ['locality', 'organization'] as const) {
    const theirs = await packRows<{ id: string; refKey: unknown; nameVi: unknown; country: unknown }>(db, pack, table, { id: 'id', refKey: 'ref_key', nameVi: 'name_vi', country: 'country' })
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
  const theirPeople = await packRows<{ id: string; family: unknown; given: unknown; country: unknown }>(db, pack, 'person', { id: 'id', family: 'family_name', given: 'given_name', country: 'country' })
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
  return { idMap, byNameOnly }
}

/** Itinerary items name their counterparts in a JSON list: rewritten when partners took ids from here. */
async function mapCounterparts(db: Db, pack: PackDb, idMap: Map<string, string>): Promise<void> {
  const map = (v: unknown) => (typeof v === 'string' ? (idMap.get(v) ?? v) : v)
  const rewritten: Array<[string, string]> = []
  for (const item of await packRows<{ id: string; counterparts: unknown }>(db, pack, 'itinerary_item', { id: 'id', counterparts: 'counterparts' })) {
    const list = counterpartList.safeParse(item.counterparts)
    if (!list.success) throw damaged('itinerary_item.counterparts')
    if (idMap.size) rewritten.push([item.id, JSON.stringify(list.data.map((c) => ({ ...c, ...Object.fromEntries(['personId', 'organizationId', 'localityId'].filter((k) => c[k]).map((k) => [k, map(c[k])])) })))])
  }
  await fillPairs(db, 'pack_counterparts', rewritten)
}

/** "Changed since the last exchange": edited after it, and not merely made then (reference data on first start). */
function changedSince(columns: string[], row: Row, last: string, here: boolean): boolean {
  const updatedAt = columns.indexOf('updated_at')
  const createdAt = columns.indexOf('created_at')
  if (updatedAt < 0) return !here
  const updated = String(row[updatedAt])
  return updated > last && (!here || createdAt < 0 || row[updatedAt] !== row[createdAt])
}

/** One table: new records, records deleted here that the pack brings again, records on both sides. */
async function planTable(db: Db, table: EntityTable, src: Source, last: string, byNameOnly: Set<string>, declined: Declined, result: Plan, tp: TablePlan): Promise<void> {
  if (!src.columns.includes('id')) throw damaged(table)
  const t = mainTable(db, table)
  const deletedHere = `EXISTS (SELECT 1 FROM ${mainTable(db, 'tombstone')} d WHERE d.tbl = '${table}' AND d.id = src.id)`
  // New records: those whose (mapped) id is not here, and was not deleted here.
  const created = await run(db, `INSERT INTO ${tempTable(db, 'pack_written')} (tbl, id, new) SELECT ?, src.id, 1 FROM ${src.select} src WHERE NOT EXISTS (SELECT 1 FROM ${t} m WHERE m.id = src.id) AND NOT ${deletedHere}`, [table])
  tp.created = Number(created.numAffectedRows ?? 0)
  result.created += tp.created
  // Deleted here: stays deleted unless it was edited there since (then the officer chooses).
  const versionOf = (row: Row) => `updated:${String(row[src.columns.indexOf('updated_at')] ?? '')}`
  for (const r of await rowsOf<Record<string, unknown>>(db, `SELECT ${selectList('src', src.columns, 't')} FROM ${src.select} src WHERE NOT EXISTS (SELECT 1 FROM ${t} m WHERE m.id = src.id) AND ${deletedHere}`)) {
    const theirs = listOf(r, src.columns, 't')
    const rec = record(src.columns, theirs)
    if (!changedSince(src.columns, theirs, last, false) || declined.get(`${table}:${String(rec.id)}`) === versionOf(theirs)) result.keptMine++
    else result.conflicts.push({ key: `${table}:${String(rec.id)}`, table, id: String(rec.id), name: nameOf(rec), mine: null, theirs: rec, version: versionOf(theirs) })
  }
  // Records on both sides: the database compares them, only those that differ come up here.
  const both = await countOf(db, `SELECT count(*) AS n FROM ${src.select} src JOIN ${t} m ON m.id = src.id`)
  const content = src.columns.filter((c) => c !== 'id' && !META.has(c))
  const { same } = dialectOf(db)
  const alike = content.length ? sql.join(content.map((c) => same(sql.ref(`m.${c}`), sql.ref(`src.${c}`))), sql` AND `) : sql`1 = 1`
  const differing = (
    await rowsOf<Record<string, unknown>>(
      db,
      `SELECT src.pack_id__ AS pid, ${selectList('m', src.columns, 'm')}, ${selectList('src', src.columns, 't')} FROM ${src.select} src JOIN ${t} m ON m.id = src.id WHERE NOT (?)`,
      [alike],
    )
  ).map((r) => ({ pid: r.pid as string, mine: listOf(r, src.columns, 'm'), theirs: listOf(r, src.columns, 't') }))
  result.unchanged += both - differing.length
  for (const d of differing) {
    // A partner matched by name only stays as the officer has it.
    if (byNameOnly.has(d.pid)) {
      result.unchanged++
      continue
    }
    const { mine, theirs } = d
    const changedHere = changedSince(src.columns, mine, last, true)
    const changedThere = changedSince(src.columns, theirs, last, false)
    const rec = record(src.columns, theirs)
    if (changedThere && !changedHere) {
      tp.updates.push(theirs)
      result.updated++
    } else if ((changedHere && !changedThere) || declined.get(`${table}:${String(rec.id)}`) === versionOf(theirs)) result.keptMine++
    else result.conflicts.push({ key: `${table}:${String(rec.id)}`, table, id: String(rec.id), name: nameOf(record(src.columns, mine)), mine: record(src.columns, mine), theirs: rec, version: versionOf(theirs) })
  }
}

/**
 * The pack's deletions: a record deleted there and not edited here since the last exchange
 * is deleted here (temp.pack_deleting); one edited here is a conflict. Deletions of
 * records this installation never had are simply kept, to travel on.
 */
async function planDeletions(db: Db, pack: PackDb, last: string, declined: Declined, result: Plan): Promise<void> {
  if (pack.columns(TOMBSTONE_TABLE).length === 0) return
  for (const table of ENTITY_TABLES) {
    const columns = (await columnsOf(db, table)).map((c) => c.name)
    const here = await rowsOf<Record<string, unknown>>(db, `SELECT ${selectList('m', columns, 'm')}, d.deleted_at AS deleted FROM ${pack.table(TOMBSTONE_TABLE)} d JOIN ${mainTable(db, table)} m ON m.id = d.id WHERE d.tbl = ?`, [table])
    for (const r of here) {
      const mine = listOf(r, columns, 'm')
      const rec = record(columns, mine)
      const version = `deleted:${String(r.deleted)}`
      if (declined.get(`${table}:${String(rec.id)}`) === version) result.keptMine++
      else if (changedSince(columns, mine, last, true)) {
        result.conflicts.push({ key: `${table}:${String(rec.id)}`, table, id: String(rec.id), name: nameOf(rec), mine: rec, theirs: null, version })
      } else {
        await run(db, `INSERT INTO ${tempTable(db, 'pack_deleting')} (tbl, id) VALUES (?, ?)`, [table, rec.id])
        result.deleted++
      }
    }
  }
}

export async function plan(db: Db, pack: PackDb, m: PackManifest): Promise<Plan> {
  const last = (await db.selectFrom('appMeta').select('value').where('key', '=', `exchange:${m.origin}`).executeTakeFirst())?.value ?? ''
  await dropTemp(db)
  for (const [name, columns] of Object.entries(TEMP_TABLES)) await run(db, `CREATE TEMP TABLE ${name} ${columns}`)
  const declined: Declined = new Map(
    (await db.selectFrom('appMeta').select(['key', 'value']).where('key', 'like', 'declined:%').execute()).map((r) => [r.key.slice('declined:'.length), r.value]),
  )
  const { idMap, byNameOnly } = await matchPartners(db, pack)
  await fillPairs(db, 'pack_map', [...idMap])
  await mapCounterparts(db, pack, idMap)

  const result: Plan = { manifest: m, created: 0, updated: 0, deleted: 0, unchanged: 0, keptMine: 0, matchedByName: byNameOnly.size, conflicts: [], tables: new Map() }
  for (const table of ENTITY_TABLES) {
    const src = await source(db, pack, table)
    const tp: TablePlan = { source: src, created: 0, updates: [] }
    result.tables.set(table, tp)
    if (src && src.count > 0) await planTable(db, table, src, last, byNameOnly, declined, result, tp)
  }
  await planDeletions(db, pack, last, declined, result)
  return result
}
