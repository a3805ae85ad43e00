/**
 * Merging a data pack into the register, which never overwrites silently. Records are
 * matched by their stable ids; reference records (prefectures, provinces, Japanese bodies)
 * by their reference key, since each installation gave them its own ids; partners made
 * elsewhere by folded name and country. A record changed only in the pack since the last
 * exchange with its origin is taken; one changed only here is kept; one changed on both
 * sides is a conflict, left as it is here until the officer chooses. Deletions follow the
 * same rules: deleted there and unchanged here, deleted here; deleted there and edited here
 * (or deleted here and edited there), a conflict shown side by side.
 *
 * The database reads the pack's tables beside the register's (db/dialect/pack.ts) and
 * compares and moves the rows itself, so that a register of 100,000 agreements comes in
 * within seconds; only what differs comes up to JavaScript to be weighed. Every record written is audited under the pack's event.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { sql, type RawBuilder } from 'kysely'
import { AppError } from '../../errors.ts'
import type { Ctx, Db } from '../../context.ts'
import { auditEvent, deleteRecord, writeBulk } from '../../records.ts'
import { SEARCH_ORDER, type EntityIds, type SearchKind } from '../../search/doc.ts'
import { dependentsOf } from '../../search/documents.ts'
import { indexLaterSelect } from '../../search/queue.ts'
import { CHILD_TABLES, ENTITY_TABLES, TOMBSTONE_TABLE, camel, quote, type EntityTable, type PackManifest } from './format.ts'
import type { OpenedPack } from './open.ts'
import { dialectOf } from '../../db/dialect/index.ts'
import { declinedKey, dropTemp, plan, source, type PackAnalysis, type Plan } from './plan.ts'
import { columnsOf, countOf, mainTable, packRowCount, rowsOf, run, tempTable, withPack, type PackDb } from './sql.ts'

/** What a child's reference must find here, or the link is dropped (a partial pack's edges). */
const TARGET: Record<string, EntityTable> = { locality_id: 'locality', predecessor_id: 'locality', successor_id: 'locality', organization_id: 'organization', person_id: 'person', agreement_id: 'agreement' }
/** Search documents belong to these tables (by their kind), indexed oldest first by this column when it has one: the newest then rank first. */
const SEARCHED: Record<SearchKind, { table: EntityTable; date?: string }> = {
  locality: { table: 'locality' },
  organization: { table: 'organization' },
  person: { table: 'person' },
  agreement: { table: 'agreement', date: 'signed_date' },
  engagement: { table: 'engagement', date: 'start_date' },
  trip: { table: 'trip', date: 'start_date' },
  itineraryItem: { table: 'itinerary_item', date: 'start' },
  snippet: { table: 'snippet', date: 'created_at' },
}

type Row = unknown[]

/**
 * Inserts `select`'s rows. When they at least double a table (a pack into a new
 * installation), its secondary indexes are dropped and built again afterwards, in the same
 * transaction: building an index from the whole table is several times faster than keeping
 * it up to date row by row.
 */
async function insertSelect(db: Db, table: string, columns: string[], select: string, rows: number): Promise<void> {
  let rebuild: string[] = []
  if (rows >= 5000 && rows >= (await countOf(db, `SELECT count(*) AS n FROM ${mainTable(db, table)}`))) rebuild = await dialectOf(db).pack.dropIndexes(db, table)
  const list = columns.map(quote).join(', ')
  await run(db, `INSERT INTO ${mainTable(db, table)} (${list}) ${select}`)
  for (const statement of rebuild) await run(db, statement)
}

async function updateRows(db: Db, table: string, columns: string[], rows: Row[]): Promise<void> {
  const id = columns.indexOf('id')
  const set = columns.filter((_, i) => i !== id)
  const text = `UPDATE ${mainTable(db, table)} SET ${set.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`
  for (const row of rows) await run(db, text, [...row.filter((_, i) => i !== id), row[id]])
}


/** The audit log names records as the record functions do (itinerary_item → itineraryItem). */
const auditEntity = (table: string) => camel(table)

/**
 * Audit rows for what a pack writes to one table, set-based: a created record (the record
 * holds what came), an updated one with the record as it was before. Their ids follow the
 * pack's event id in order, so that 340,000 of them go into the log's key in sequence.
 */
async function auditWritten(trx: Db, ctx: Ctx, event: string, table: EntityTable, isNew: boolean, rows: number): Promise<void> {
  const columns = ['id', 'entity', 'entity_id', 'action', 'before', 'after', 'at', 'actor', 'source']
  const store = dialectOf(trx).pack
  const key = store.numbered(sqlText(`${event}-${table}-${isNew ? 'c' : 'u'}-`), 'row_number() OVER ()')
  const values = (alias: string, before: string) =>
    `${key}, '${auditEntity(table)}', ${alias}.id, '${isNew ? 'create' : 'update'}', ${before}, NULL, ${sqlText(ctx.now())}, ${sqlText(ctx.actor)}, ${sqlText(`pack:${event}`)}`
  const written = tempTable(trx, 'pack_written')
  if (isNew) {
    await insertSelect(trx, 'audit_log', columns, `SELECT ${values('w', 'NULL')} FROM ${written} w WHERE w.tbl = '${table}' AND w.new = 1`, rows)
    return
  }
  const fields = (await columnsOf(trx, table)).map((c) => c.name)
  const before = store.jsonObject(fields.map((c) => [camel(c), `m.${quote(c)}`] as const))
  await insertSelect(trx, 'audit_log', columns, `SELECT ${values('m', before)} FROM ${mainTable(trx, table)} m WHERE m.id IN (SELECT id FROM ${written} WHERE tbl = '${table}' AND new = 0)`, rows)
}

/** A value as an SQL string literal (the actor's name, a time: never a table's data). */
const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`

/** The attachment files the pack's records need that the store does not have yet. */
async function missingAttachments(db: Db, pack: PackDb, dataDir: string, carried: ReadonlySet<string>): Promise<string[]> {
  if (pack.columns('attachment').length === 0) return []
  const wanted = (await rowsOf<{ sha256: string }>(db, `SELECT DISTINCT sha256 FROM ${pack.table('attachment')}`)).map((r) => r.sha256)
  const missing: string[] = []
  for (const h of wanted) if (carried.has(h) && !(await dialectOf(db).files.has(db, dataDir, 'attachment', h))) missing.push(h)
  return missing
}

/** A refusal found while merging is reported as the row check's refusal when there is one (it says more). */
async function preferCheck<T>(pack: OpenedPack, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    await pack.checked()
    throw e
  }
}

/** The file of the register `db` works on (the pack's row check reads it), or none (in memory, on a server). */
const registerFile = (db: Db) => dialectOf(db).pack.registerFile(db)

export async function analyzePack(db: Db, pack: OpenedPack): Promise<PackAnalysis> {
  pack.startCheck(await registerFile(db))
  return preferCheck(pack, () =>
    withPack(db, pack.file, (tables) =>
      db.transaction().execute(async (trx) => {
        await tables.load(trx)
        const p = await plan(trx, tables, pack.manifest)
        await dropTemp(trx)
        await pack.checked()
        return summary(p)
      }),
    ),
  )
}

function summary(p: Plan): PackAnalysis {
  const { manifest, created, updated, deleted, unchanged, keptMine, matchedByName, conflicts } = p
  return { manifest, created, updated, deleted, unchanged, keptMine, matchedByName, conflicts }
}

export type Choices = Record<string, 'mine' | 'theirs'>
export type Applied = PackAnalysis & { resolvedTheirs: number; indexing: number }

/**
 * Applies a pack in one transaction; `choices` settles the conflicts ("theirs" takes the
 * pack's version, or its deletion). The database moves the rows from the pack's tables
 * itself; many records' search documents are written just after, in the background. The
 * audit log shows the pack (`fileName`, who sent it) and every record it wrote. On a server
 * the transaction is REPEATABLE READ: it sees one snapshot, and a colleague's write to a
 * record it writes fails it rather than being overwritten; it is then run again (`retried`).
 */
export async function applyPack(ctx: Ctx, pack: OpenedPack, dataDir: string, choices: Choices = {}, fileName = ''): Promise<Applied> {
  return preferCheck(pack, () =>
    withPack(ctx.db, pack.file, async (tables) => {
      const bulk = await intoNewInstallation(ctx.db, pack.file)
      // A bulk load locks the register for readers: the check then reads the pack alone (every row is new anyway).
      pack.startCheck(bulk ? undefined : await registerFile(ctx.db))
      const { isolation, retryable } = dialectOf(ctx.db).snapshot
      const attempt = async () => {
        const { value, indexing } = await writeBulk(ctx, async (trx) => {
          await tables.load(trx)
          const applied = await merge(trx, ctx, tables, pack.manifest, choices, fileName)
          // The rows were checked on another thread meanwhile: nothing commits unless all passed.
          await pack.checked()
          // The files the records need, each checked against its hash (content-addressed: one not used yet would harm nothing).
          // On a server they go into the database in this transaction, with the records.
          const keep = (sha256: string, path: string) => dialectOf(trx).files.put(trx, dataDir, 'attachment', sha256, { path, move: true }, ctx.actor)
          await pack.storeAttachments(await missingAttachments(trx, tables, dataDir, pack.attachmentHashes), keep)
          return applied
        }, { isolation })
        return { ...value, indexing: value.indexing + indexing }
      }
      const work = () => retried(attempt, retryable)
      return bulk ? dialectOf(ctx.db).pack.bulkLoad(ctx.db, work) : work()
    }),
  )
}

/** How often a pack's apply is tried when colleagues' writes keep overlapping it on a server. */
export const APPLY_TRIES = 4

/**
 * Runs `attempt` again while it fails for a reason that another try may not meet (on a
 * server: a colleague's write committed in between, so this snapshot is stale; the whole
 * apply, plan included, then starts again on a fresh one), a bounded number of times.
 */
export async function retried<T>(attempt: () => Promise<T>, retryable: (e: unknown) => boolean): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (e) {
      if (!retryable(e)) throw e
      if (tries >= APPLY_TRIES) throw new AppError('pack_apply_contended', { tries })
      await sleep(50 * 2 ** tries * (0.5 + Math.random()))
    }
  }
}

/**
 * True when the pack holds more than twice the agreements and engagements of this
 * database: a register moving into a new installation, loaded as the database loads many
 * new rows best (the dialect's `bulkLoad`).
 */
async function intoNewInstallation(db: Db, file: string): Promise<boolean> {
  let mine = 0
  for (const table of ['agreement', 'engagement']) mine += await countOf(db, `SELECT count(*) AS n FROM ${mainTable(db, table)}`)
  const theirs = packRowCount(file, ['agreement', 'engagement'])
  return theirs >= 5000 && theirs > 2 * mine
}

/** Records of one table: the new ones (and those deleted here that the officer takes back), then the updates. */
async function writeTable(trx: Db, ctx: Ctx, event: string, p: Plan, table: EntityTable, choices: Choices): Promise<number> {
  const { source: src, created, updates: planned } = p.tables.get(table)!
  if (!src) return 0
  const id = src.columns.indexOf('id')
  const taken = p.conflicts.filter((c) => c.table === table && choices[c.key] === 'theirs' && c.theirs)
  const revived = taken.filter((c) => !c.mine).map((c) => c.id)
  const updates = [...planned, ...taken.filter((c) => c.mine).map((c) => src.columns.map((col) => c.theirs![camel(col)]))]
  const written = tempTable(trx, 'pack_written')
  for (const revivedId of revived) {
    await run(trx, `INSERT INTO ${written} (tbl, id, new) VALUES (?, ?, 1)`, [table, revivedId])
    await run(trx, `DELETE FROM ${mainTable(trx, 'tombstone')} WHERE tbl = ? AND id = ?`, [table, revivedId])
  }
  // New records: a pack of 100,000 agreements into a new installation is all new rows.
  if (created + revived.length) {
    await auditWritten(trx, ctx, event, table, true, created + revived.length)
    const list = src.columns.map((c) => `src.${quote(c)}`).join(', ')
    await insertSelect(trx, table, src.columns, `SELECT ${list} FROM ${src.select} src WHERE src.id IN (SELECT id FROM ${written} WHERE tbl = '${table}' AND new = 1)`, created + revived.length)
  }
  const ids = updates.map((r) => r[id] as string)
  const { listRows } = dialectOf(trx)
  for (let i = 0; i < ids.length; i += 20_000) await run(trx, `INSERT INTO ${written} (tbl, id, new) SELECT ?, l.value, 0 FROM ? l`, [table, listRows(ids.slice(i, i + 20_000))])
  if (ids.length) await auditWritten(trx, ctx, event, table, false, ids.length)
  await updateRows(trx, table, src.columns, updates)
  return taken.length
}

/** The children of every record taken from the pack come with it (an updated record's old ones are replaced). */
async function writeChildren(trx: Db, pack: PackDb, m: PackManifest): Promise<void> {
  const written = tempTable(trx, 'pack_written')
  for (const child of CHILD_TABLES) {
    const parents = await countOf(trx, `SELECT count(*) AS n FROM ${written} WHERE tbl = ?`, [child.parent])
    if (parents === 0) continue
    const of = (isNew: string) => `(SELECT id FROM ${written} WHERE tbl = '${child.parent}'${isNew})`
    await run(trx, `DELETE FROM ${mainTable(trx, child.table)} WHERE ${quote(child.key)} IN ${of(' AND new = 0')}`)
    const src = await source(trx, pack, child.table)
    if (!src || src.count === 0 || !src.columns.includes(child.key)) continue
    // Links to records neither side has (a partial pack's edges) are dropped. A whole
    // register's links all point inside it (one snapshot); the foreign keys still check them.
    const checks = Object.entries(m.scope === 'all' ? {} : TARGET)
      .filter(([col]) => src.columns.includes(col) && col !== child.key)
      .map(([col, target]) => `AND (src.${quote(col)} IS NULL OR EXISTS (SELECT 1 FROM ${mainTable(trx, target)} t WHERE t.id = src.${quote(col)}))`)
    const list = src.columns.map((c) => `src.${quote(c)}`).join(', ')
    await insertSelect(trx, child.table, src.columns, `SELECT ${list} FROM ${src.select} src WHERE src.${quote(child.key)} IN ${of('')} ${checks.join(' ')}`, src.count)
  }
}

/**
 * The pack's deletions: each record to go is deleted through the record functions (its
 * cascade, audit row and tombstone), keeping the original deletion's time and author; one
 * still used by a record made here stays (counted as kept). Deletions of records never
 * here are kept so that they travel on.
 */
async function applyDeletions(trx: Db, ctx: Ctx, pack: PackDb, p: Plan, choices: Choices): Promise<{ deleted: number; kept: number }> {
  if (pack.columns(TOMBSTONE_TABLE).length === 0) return { deleted: 0, kept: 0 }
  const planned = await rowsOf<{ tbl: EntityTable; id: string }>(trx, `SELECT tbl, id FROM ${tempTable(trx, 'pack_deleting')}`)
  const chosen = p.conflicts.filter((c) => !c.theirs && choices[c.key] === 'theirs').map((c) => ({ tbl: c.table, id: c.id }))
  let deleted = 0
  let kept = 0
  for (const [i, d] of [...planned, ...chosen].entries()) {
    // Gone already: it belonged to a record deleted before it (an agreement's commitment).
    if (!(await countOf(trx, `SELECT count(*) AS n FROM ${mainTable(trx, d.tbl)} WHERE id = ?`, [d.id]))) {
      if (i < planned.length) deleted++
      continue
    }
    await run(trx, 'SAVEPOINT pack_delete')
    try {
      await deleteRecord(trx, ctx, camel(d.tbl) as never, d.id)
      await run(trx, 'RELEASE pack_delete')
      // Deletions the officer chose are counted among the conflicts resolved.
      if (i < planned.length) deleted++
    } catch (e) {
      await run(trx, 'ROLLBACK TO pack_delete')
      await run(trx, 'RELEASE pack_delete')
      if (dialectOf(trx).pack.failureOf(e) !== 'dangling') throw e
      kept++
    }
  }
  for (const table of ENTITY_TABLES) {
    await run(
      trx,
      `INSERT INTO ${mainTable(trx, 'tombstone')} (tbl, id, deleted_at, deleted_by, origin) SELECT t.tbl, t.id, t.deleted_at, t.deleted_by, t.origin FROM ${pack.table(TOMBSTONE_TABLE)} t
       WHERE t.tbl = ? AND NOT EXISTS (SELECT 1 FROM ${mainTable(trx, table)} m WHERE m.id = t.id)
       ON CONFLICT (tbl, id) DO UPDATE SET deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by, origin = excluded.origin`,
      [table],
    )
  }
  return { deleted, kept }
}

/** The search documents of the records written, and of those that show a renamed partner's name; the ids stay in the database. */
async function queueSearch(trx: Db): Promise<number> {
  const written = sql.raw(tempTable(trx, 'pack_written'))
  const { listRows } = dialectOf(trx)
  const renamed = (await rowsOf<{ id: string }>(trx, `SELECT id FROM ${tempTable(trx, 'pack_written')} WHERE new = 0 AND tbl IN ('locality', 'organization', 'person')`)).map((r) => r.id)
  const dependents: EntityIds = await dependentsOf(trx, renamed)
  const search: Partial<Record<SearchKind, RawBuilder<unknown>>> = {}
  for (const kind of SEARCH_ORDER) {
    const { table, date } = SEARCHED[kind]
    // Oldest first (ids are UUIDv7, made in time order): the newest then rank first.
    const records = sql`SELECT w.id, x.${sql.ref(date ?? 'id')} AS sort FROM ${written} w JOIN ${sql.raw(mainTable(trx, table))} x ON x.id = w.id WHERE w.tbl = ${table}`
    const shown = dependents[kind]?.length
      ? sql`UNION ALL SELECT l.value, NULL FROM ${listRows(dependents[kind])} l WHERE l.value NOT IN (SELECT id FROM ${written} WHERE tbl = ${table})`
      : sql``
    search[kind] = sql`${records} ${shown}`
  }
  return indexLaterSelect(trx, search)
}

const upsertMeta = (trx: Db, key: string, value: string) =>
  trx
    .insertInto('appMeta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()

/**
 * What this exchange leaves for the next: a version of theirs the officer chose not to
 * take is remembered (the same version is not asked about again; a newer one is), and the
 * exchange counts as done only when every conflict was settled: one left open (a pack
 * imported from the command line) is shown again next time.
 */
async function settleExchange(trx: Db, m: PackManifest, p: Plan, choices: Choices): Promise<void> {
  for (const c of p.conflicts) if (choices[c.key] === 'mine') await upsertMeta(trx, declinedKey(c.table, c.id), c.version)
  if (p.conflicts.every((c) => choices[c.key])) await upsertMeta(trx, `exchange:${m.origin}`, m.createdAt)
}

async function merge(trx: Db, ctx: Ctx, pack: PackDb, m: PackManifest, choices: Choices, fileName: string): Promise<Applied> {
  const p = await plan(trx, pack, m)
  // The pack itself is an event of the audit log; every record it writes names it.
  const event = await auditEvent(trx, ctx, 'pack', 'import', { fileName, exportedBy: m.exportedBy, createdAt: m.createdAt, origin: m.origin, scope: m.scope })
  const packCtx: Ctx = { ...ctx, source: `pack:${event}` }
  let resolvedTheirs = 0
  for (const table of ENTITY_TABLES) resolvedTheirs += await writeTable(trx, packCtx, event, p, table, choices)
  await writeChildren(trx, pack, m)
  const { deleted, kept } = await applyDeletions(trx, packCtx, pack, p, choices)
  resolvedTheirs += p.conflicts.filter((c) => !c.theirs && choices[c.key] === 'theirs').length
  await settleExchange(trx, m, p, choices)
  const indexing = await queueSearch(trx)
  await dropTemp(trx)
  return { ...summary(p), deleted, keptMine: p.keptMine + kept, resolvedTheirs, indexing }
}
