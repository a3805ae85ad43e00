/**
 * The search index for bulk writes. A handful of records is indexed at once, inside the
 * transaction that writes them, as every edit is. Thousands of records (a data pack, a
 * large spreadsheet) are queued in that same transaction instead, and the indexer writes
 * their documents in small steps afterwards: the import finishes in seconds, the register
 * shows the new records at once, and search finds them as the index catches up (the
 * search box says so while it does). The queue is in the database, so a crash or a quit
 * in between loses nothing: the indexer resumes on the next start.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Db } from '../context.ts'
import type { DB } from '../db/schema.ts'
import { SEARCH_ORDER, type EntityIds, type SearchKind } from './doc.ts'
import { dependentsOf, reindexEntities } from './documents.ts'

/** Up to this many records are indexed inside the writing transaction. */
export const INLINE_LIMIT = 500
/** Records per background step: one short transaction, so the window stays responsive. */
const STEP = 2000

/**
 * Brings the index up to date for these records, now when they are few, else through the
 * queue (records should be listed oldest first: the newest then rank first). Returns how
 * many were queued.
 */
export async function indexLater(db: Db, ids: EntityIds): Promise<number> {
  const selects: Partial<Record<SearchKind, RawBuilder<unknown>>> = {}
  // The ids as one JSON parameter per kind, kept in the order given.
  for (const [kind, list] of Object.entries(ids) as Array<[SearchKind, readonly string[]]>) {
    if (list.length) selects[kind] = sql`SELECT value AS id, key AS sort FROM json_each(${JSON.stringify(list)})`
  }
  return indexLaterSelect(db, selects)
}

/**
 * `indexLater` for the records a query names (columns `id`, and `sort`: the order to index
 * them in). A data pack's hundreds of thousands of ids then go from its tables to the
 * queue inside SQLite, never through JavaScript.
 */
export async function indexLaterSelect(db: Db, selects: Partial<Record<SearchKind, RawBuilder<unknown>>>): Promise<number> {
  // Few or many: counting stops past the limit instead of walking a pack's every record.
  let few = 0
  for (const select of Object.values(selects)) {
    if (few <= INLINE_LIMIT) few += Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${select}) LIMIT ${INLINE_LIMIT + 1})`.execute(db)).rows[0]!.n)
  }
  if (few <= INLINE_LIMIT) {
    const ids: Record<string, string[]> = {}
    for (const [kind, select] of Object.entries(selects)) ids[kind] = (await sql<{ id: string }>`SELECT id FROM (${select}) ORDER BY sort`.execute(db)).rows.map((r) => r.id)
    await reindexEntities(db, ids)
    return 0
  }
  let queued = 0
  for (const kind of SEARCH_ORDER) {
    const select = selects[kind]
    if (select) queued += Number((await sql`INSERT INTO search_queue (kind, entity_id) SELECT ${kind}, id FROM (${select}) ORDER BY sort`.execute(db)).numAffectedRows ?? 0)
  }
  return queued
}

export async function pendingCount(db: Db): Promise<number> {
  const r = await db.selectFrom('searchQueue').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The queue's last entry now: a unit of work settles what it queued after this mark. */
export async function queueMark(db: Db): Promise<number> {
  const r = await db.selectFrom('searchQueue').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst()
  return Number(r?.seq ?? 0)
}

type Queued = { kind: string; entityId: string; dependents: number }

/** Rewrites the documents of queued records, and of the records that show a queued partner's name. */
async function indexQueued(db: Db, rows: Queued[]): Promise<void> {
  const ids: Record<string, Set<string>> = {}
  for (const r of rows) (ids[r.kind] ??= new Set()).add(r.entityId)
  const partners = [...new Set(rows.filter((r) => r.dependents === 1).map((r) => r.entityId))]
  for (const [kind, list] of Object.entries(await dependentsOf(db, partners))) for (const id of list ?? []) (ids[kind] ??= new Set()).add(id)
  await reindexEntities(db, Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, [...v]])))
}

/**
 * Brings the index up to date, inside the writing transaction, for what was queued after
 * `mark`, when that is a few hundred records; a bulk write's queue is left to the
 * background indexer. Returns how many records were left waiting.
 */
export async function settleSearch(db: Db, mark: number): Promise<number> {
  const rows = await db.selectFrom('searchQueue').select(['kind', 'entityId', 'dependents']).where('seq', '>', mark).orderBy('seq').limit(INLINE_LIMIT + 1).execute()
  if (rows.length === 0) return 0
  if (rows.length > INLINE_LIMIT) {
    const r = await db.selectFrom('searchQueue').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', '>', mark).executeTakeFirstOrThrow()
    return Number(r.n)
  }
  await indexQueued(db, rows)
  await db.deleteFrom('searchQueue').where('seq', '>', mark).execute()
  return 0
}

/** Indexes the oldest queued records, in one transaction; returns how many it took. */
export async function indexStep(db: Kysely<DB>, max = STEP): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('searchQueue').select(['seq', 'kind', 'entityId', 'dependents']).orderBy('seq').limit(max).execute()
    if (rows.length === 0) return 0
    await indexQueued(trx, rows)
    await trx.deleteFrom('searchQueue').where('seq', '<=', rows.at(-1)!.seq).execute()
    return rows.length
  })
}

export interface Indexer {
  /** Starts working through the queue if it is not already. */
  kick(): void
  /** Resolves when the queue is empty (or the indexer stopped). */
  idle(): Promise<void>
  /** Finishes the step under way and stops; `kick` starts it again. */
  stop(): Promise<void>
}

/**
 * Works through the queue in the background, one step per turn of the event loop, so
 * that requests from the window are answered between steps. `db` is read at every step:
 * a restore replaces the database.
 */
export function startIndexer(db: () => Kysely<DB>, log: (e: unknown) => void): Indexer {
  let running: Promise<void> | null = null
  let stopped = false
  const run = async () => {
    try {
      while (!stopped) {
        const done = await indexStep(db())
        if (done === 0) break
        // Let waiting requests in before the next step.
        await new Promise((resolve) => setImmediate(resolve))
      }
    } catch (e) {
      // The queue stays as it is; the next start (or kick) tries again.
      log(e)
    } finally {
      running = null
    }
  }
  return {
    kick() {
      stopped = false
      running ??= run()
    },
    idle: async () => {
      while (running) await running
    },
    async stop() {
      stopped = true
      await running
    },
  }
}
