/**
 * What a data pack would do here, worked out by SQLite on the attached pack file: which of
 * its records are new, which update one here, which are the same, which conflict with an
 * edit made here, and what its deletions mean. Nothing in the register is written; the
 * plan lives in temp tables until the transaction that made it ends.
 */
import { z } from 'zod'
import { fold } from '../../../shared/text/fold.ts'
import type { Db } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { ENTITY_TABLES, TOMBSTONE_TABLE, camel, damaged, quote, type EntityTable, type PackManifest } from './format.ts'
import { columnsOf, countOf, rowsOf, run } from './sql.ts'

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

export async function packColumns(db: Db, schema: string, table: string): Promise<string[]> {
  return (await rowsOf<{ name: string }>(db, `SELECT name FROM pragma_table_info(?, ?)`, [table, schema])).map((r) => r.name)
}

/** Some columns of a pack's table under the given names (NULL where the pack lacks one); no rows when it lacks the table. */
async function packRows<R>(db: Db, schema: string, table: string, wanted: Record<keyof R & string, string>): Promise<R[]> {
  const columns = await packColumns(db, schema, table)
  if (columns.length === 0) return []
  const list = Object.entries<string>(wanted).map(([as, c]) => `${columns.includes(c) ? `s.${quote(c)}` : 'NULL'} AS ${quote(as)}`)
  return rowsOf<R>(db, `SELECT ${list.join(', ')} FROM ${schema}.${quote(table)} s`)
}

export async function source(db: Db, schema: string, table: string): Promise<Source | null> {
  const theirs = await packColumns(db, schema, table)
  if (theirs.length === 0) return null
  const local = await columnsOf(db, table)
  const columns = theirs.filter((c) => local.some((l) => l.name === c))
  const count = await countOf(db, `SELECT count(*) AS n FROM ${schema}.${quote(table)}`)
  const missing = local.filter((c) => c.required && !theirs.includes(c.name))
  if (count && missing.length) {
    throw new AppError('pack_missing_columns', { columns: missing.map((c) => c.name), table })
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
  /** Records deleted there that are to be deleted here. */
  pack_deleting: '(tbl TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tbl, id))',
}

export async function dropTemp(db: Db): Promise<void> {
  for (const name of Object.keys(TEMP_TABLES)) await run(db, `DROP TABLE IF EXISTS temp.${name}`)
}

/** Writes [[a, b], ...] into a two-column temp table in a few statements. */
export async function fillPairs(db: Db, table: string, pairs: Array<[string, unknown]>): Promise<void> {
  for (let i = 0; i < pairs.length; i += 20_000) {
    await run(db, `INSERT INTO temp.${table} SELECT value->>0, value->>1 FROM json_each(?)`, [JSON.stringify(pairs.slice(i, i + 20_000))])
  }
}

/**
 * Partners made on another installation that are ours under another id: reference records
 * by their key, partners by folded name and country. Returns the pack id → local id map
 * and the ids matched by name only (the officer's own record stands).
 */
async function matchPartners(db: Db, schema: string): Promise<{ idMap: Map<string, string>; byNameOnly: Set<string> }> {
  const idMap = new Map<string, string>()
  const byNameOnly = new Set<string>()
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
  return { idMap, byNameOnly }
}

/** Itinerary items name their counterparts in a JSON list: rewritten when partners took ids from here. */
async function mapCounterparts(db: Db, schema: string, idMap: Map<string, string>): Promise<void> {
  const map = (v: unknown) => (typeof v === 'string' ? (idMap.get(v) ?? v) : v)
  const rewritten: Array<[string, string]> = []
  for (const item of await packRows<{ id: string; counterparts: unknown }>(db, schema, 'itinerary_item', { id: 'id', counterparts: 'counterparts' })) {
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
  const t = `main.${quote(table)}`
  const deletedHere = `EXISTS (SELECT 1 FROM main.tombstone d WHERE d.tbl = '${table}' AND d.id = src.id)`
  const list = (alias: string) => `json_array(${src.columns.map((c) => `${alias}.${quote(c)}`).join(', ')})`
  // New records: those whose (mapped) id is not here, and was not deleted here.
  const created = await run(db, `INSERT INTO temp.pack_written (tbl, id, new) SELECT ?, src.id, 1 FROM ${src.select} src WHERE NOT EXISTS (SELECT 1 FROM ${t} m WHERE m.id = src.id) AND NOT ${deletedHere}`, [table])
  tp.created = Number(created.numAffectedRows ?? 0)
  result.created += tp.created
  // Deleted here: stays deleted unless it was edited there since (then the officer chooses).
  const versionOf = (row: Row) => `updated:${String(row[src.columns.indexOf('updated_at')] ?? '')}`
  for (const r of await rowsOf<{ theirs: string }>(db, `SELECT ${list('src')} AS theirs FROM ${src.select} src WHERE NOT EXISTS (SELECT 1 FROM ${t} m WHERE m.id = src.id) AND ${deletedHere}`)) {
    const theirs = JSON.parse(r.theirs) as Row
    const rec = record(src.columns, theirs)
    if (!changedSince(src.columns, theirs, last, false) || declined.get(`${table}:${String(rec.id)}`) === versionOf(theirs)) result.keptMine++
    else result.conflicts.push({ key: `${table}:${String(rec.id)}`, table, id: String(rec.id), name: nameOf(rec), mine: null, theirs: rec, version: versionOf(theirs) })
  }
  // Records on both sides: SQLite compares them, only those that differ come up here.
  const both = await countOf(db, `SELECT count(*) AS n FROM ${src.select} src JOIN ${t} m ON m.id = src.id`)
  const content = src.columns.filter((c) => c !== 'id' && !META.has(c))
  const same = content.length ? content.map((c) => `m.${quote(c)} IS src.${quote(c)}`).join(' AND ') : '1'
  const differing = await rowsOf<{ pid: string; mine: string; theirs: string }>(
    db,
    `SELECT src.pack_id__ AS pid, ${list('m')} AS mine, ${list('src')} AS theirs FROM ${src.select} src JOIN ${t} m ON m.id = src.id WHERE NOT (${same})`,
  )
  result.unchanged += both - differing.length
  for (const d of differing) {
    // A partner matched by name only stays as the officer has it.
    if (byNameOnly.has(d.pid)) {
      result.unchanged++
      continue
    }
    const mine = JSON.parse(d.mine) as Row
    const theirs = JSON.parse(d.theirs) as Row
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
async function planDeletions(db: Db, schema: string, last: string, declined: Declined, result: Plan): Promise<void> {
  if ((await packColumns(db, schema, TOMBSTONE_TABLE)).length === 0) return
  for (const table of ENTITY_TABLES) {
    const columns = (await columnsOf(db, table)).map((c) => c.name)
    const list = `json_array(${columns.map((c) => `m.${quote(c)}`).join(', ')})`
    const here = await rowsOf<{ mine: string; deletedAt: string }>(db, `SELECT ${list} AS mine, d.deleted_at AS deletedAt FROM ${schema}.${TOMBSTONE_TABLE} d JOIN main.${quote(table)} m ON m.id = d.id WHERE d.tbl = ?`, [table])
    for (const r of here) {
      const mine = JSON.parse(r.mine) as Row
      const rec = record(columns, mine)
      const version = `deleted:${r.deletedAt}`
      if (declined.get(`${table}:${String(rec.id)}`) === version) result.keptMine++
      else if (changedSince(columns, mine, last, true)) {
        result.conflicts.push({ key: `${table}:${String(rec.id)}`, table, id: String(rec.id), name: nameOf(rec), mine: rec, theirs: null, version })
      } else {
        await run(db, `INSERT INTO temp.pack_deleting (tbl, id) VALUES (?, ?)`, [table, rec.id])
        result.deleted++
      }
    }
  }
}

export async function plan(db: Db, schema: string, m: PackManifest): Promise<Plan> {
  const last = (await db.selectFrom('appMeta').select('value').where('key', '=', `exchange:${m.origin}`).executeTakeFirst())?.value ?? ''
  await dropTemp(db)
  for (const [name, columns] of Object.entries(TEMP_TABLES)) await run(db, `CREATE TEMP TABLE ${name} ${columns}`)
  const declined: Declined = new Map(
    (await db.selectFrom('appMeta').select(['key', 'value']).where('key', 'like', 'declined:%').execute()).map((r) => [r.key.slice('declined:'.length), r.value]),
  )
  const { idMap, byNameOnly } = await matchPartners(db, schema)
  await fillPairs(db, 'pack_map', [...idMap])
  await mapCounterparts(db, schema, idMap)

  const result: Plan = { manifest: m, created: 0, updated: 0, deleted: 0, unchanged: 0, keptMine: 0, matchedByName: byNameOnly.size, conflicts: [], tables: new Map() }
  for (const table of ENTITY_TABLES) {
    const src = await source(db, schema, table)
    const tp: TablePlan = { source: src, created: 0, updates: [] }
    result.tables.set(table, tp)
    if (src && src.count > 0) await planTable(db, table, src, last, byNameOnly, declined, result, tp)
  }
  await planDeletions(db, schema, last, declined, result)
  return result
}
