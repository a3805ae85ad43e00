/**
 * The one way records are written. Every write path (a form, a spreadsheet import, a data
 * pack, a restore, the cascade of a deletion) goes through these functions, which stamp
 * the meta columns, write the audit row, keep a tombstone for a deletion (so that it
 * travels in packs) and queue the record for the search index. `write` runs a unit of work
 * in one transaction and, before it commits, brings the search index up to date for what
 * it queued (or leaves a bulk write to the background indexer).
 */
import { sql } from 'kysely'
import { conflict, targetOf, type UpdateTarget } from './conflicts.ts'
import { notFound } from './errors.ts'
import { type Ctx, type Db, audit, stamp, touched } from './context.ts'
import type { DB } from './db/schema.ts'
import { queueMark, settleSearch } from './search/queue.ts'
import type { SearchKind } from './search/doc.ts'

export type RecordTable = {
  [T in keyof DB]: DB[T] extends { id: string; updatedAt: string } ? T : never
}[keyof DB]

/** Tables whose records have a search document, by the document's kind. */
const SEARCHED: Partial<Record<RecordTable, SearchKind>> = {
  locality: 'locality',
  organization: 'organization',
  person: 'person',
  agreement: 'agreement',
  engagement: 'engagement',
  trip: 'trip',
  itineraryItem: 'itineraryItem',
  snippet: 'snippet',
}
const PARTNERS = new Set<RecordTable>(['locality', 'organization', 'person'])

/** A table's name as SQL (and data packs, and tombstones) spell it. */
export const sqlName = (table: string) => table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * What goes when a record goes: records that belong to it are deleted first (each with its
 * audit row and tombstone), and records that merely point at it lose the pointer.
 */
const CASCADE: Partial<Record<RecordTable, Array<{ table: RecordTable; column: string; action: 'delete' | 'detach'; where?: Record<string, string> }>>> = {
  agreement: [
    { table: 'commitment', column: 'agreementId', action: 'delete' },
    { table: 'attachment', column: 'entityId', action: 'delete', where: { entity: 'agreement' } },
  ],
  person: [
    { table: 'attachment', column: 'entityId', action: 'delete', where: { entity: 'person' } },
    { table: 'gift', column: 'personId', action: 'delete' },
  ],
  locality: [
    { table: 'fact', column: 'localityId', action: 'delete' },
    { table: 'fact', column: 'partnerLocalityId', action: 'delete' },
    { table: 'snippet', column: 'localityId', action: 'detach' },
    { table: 'gift', column: 'localityId', action: 'delete' },
  ],
  organization: [
    { table: 'snippet', column: 'organizationId', action: 'detach' },
    { table: 'gift', column: 'organizationId', action: 'delete' },
  ],
  // What arose from a programme item keeps its record when the item goes (0016).
  itineraryItem: [
    { table: 'commitment', column: 'itineraryItemId', action: 'detach' },
    { table: 'agreement', column: 'itineraryItemId', action: 'detach' },
    { table: 'engagement', column: 'itineraryItemId', action: 'detach' },
  ],
  engagement: [{ table: 'gift', column: 'engagementId', action: 'detach' }],
  trip: [
    { table: 'itineraryItem', column: 'tripId', action: 'delete' },
    { table: 'brief', column: 'tripId', action: 'delete' },
    { table: 'gift', column: 'tripId', action: 'detach' },
    { table: 'approvalRequest', column: 'tripId', action: 'delete' },
  ],
}

/** Queues a record for the search index; `dependents` also rewrites the records showing a partner's name. */
export async function queueSearch(trx: Db, table: RecordTable, id: string, dependents = false): Promise<void> {
  const kind = SEARCHED[table]
  if (!kind) return
  await trx
    .insertInto('searchQueue')
    .values({ kind, entityId: id, dependents: dependents && PARTNERS.has(table) ? 1 : 0 })
    .execute()
}

export async function insertRecord(trx: Db, ctx: Ctx, table: RecordTable, values: Record<string, unknown>): Promise<string> {
  const row = { ...stamp(ctx), ...values }
  await trx.insertInto(table).values(row as never).execute()
  // A record made again under its old id (the sample data loaded again) is no longer deleted.
  await trx.deleteFrom('tombstone').where('tbl', '=', sqlName(table)).where('id', '=', row.id).execute()
  await audit(trx, ctx, table, row.id, 'create', null, row)
  await queueSearch(trx, table, row.id)
  return row.id
}

/**
 * Updates one record; `target` may carry the version the officer saw, and a stale one is
 * refused (conflicts.ts). The version is checked by the UPDATE itself, so two officers
 * saving at the same moment cannot both pass the check: one of them gets the conflict.
 */
export async function updateRecord(trx: Db, ctx: Ctx, table: RecordTable, target: string | UpdateTarget, values: Record<string, unknown>): Promise<void> {
  const { id, expectedUpdatedAt } = targetOf(target)
  const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound(sqlName(table))
  if (expectedUpdatedAt !== undefined && before.updatedAt !== expectedUpdatedAt) throw await conflict(trx, sqlName(table), before, expectedUpdatedAt)
  const changes = { ...values, ...touched(ctx) }
  let q = trx.updateTable(table).set(changes as never).where('id', '=', id)
  if (expectedUpdatedAt !== undefined) q = q.where('updatedAt', '=', expectedUpdatedAt)
  const { numUpdatedRows } = await q.executeTakeFirst()
  if (numUpdatedRows === 0n) {
    const now = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
    if (!now) throw notFound(sqlName(table))
    throw await conflict(trx, sqlName(table), now, expectedUpdatedAt!)
  }
  await audit(trx, ctx, table, id, 'update', before, { ...before, ...changes })
  await queueSearch(trx, table, id, true)
}

export async function deleteRecord(trx: Db, ctx: Ctx, table: RecordTable, id: string): Promise<void> {
  const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound(sqlName(table))
  for (const child of CASCADE[table] ?? []) {
    let q = trx.selectFrom(child.table).select('id').where(sql.ref(child.column), '=', id)
    for (const [column, value] of Object.entries(child.where ?? {})) q = q.where(sql.ref(column), '=', value)
    for (const { id: childId } of (await q.execute()) as Array<{ id: string }>) {
      if (child.action === 'delete') await deleteRecord(trx, ctx, child.table, childId)
      else await updateRecord(trx, ctx, child.table, childId, { [child.column]: null })
    }
  }
  await trx.deleteFrom(table).where('id', '=', id).execute()
  const now = ctx.now()
  await trx
    .insertInto('tombstone')
    .values({ tbl: sqlName(table), id, deletedAt: now, deletedBy: ctx.actor, origin: ctx.origin })
    .onConflict((oc) => oc.columns(['tbl', 'id']).doUpdateSet({ deletedAt: now, deletedBy: ctx.actor, origin: ctx.origin }))
    .execute()
  await audit(trx, ctx, table, id, 'delete', before, null)
  await queueSearch(trx, table, id, true)
}

/**
 * A unit of work: one transaction; before it commits, the search documents of what it
 * queued are written (a few hundred at once), or left to the background indexer (a bulk
 * write), which `ctx.searchQueued` wakes.
 */
export async function write<T>(ctx: Ctx, work: (trx: Db) => Promise<T>): Promise<T> {
  return (await writeBulk(ctx, work)).value
}

/** `write`, saying how many records were left for the background indexer (a pack, a large sheet). */
export async function writeBulk<T>(
  ctx: Ctx,
  work: (trx: Db) => Promise<T>,
  options: { isolation?: 'repeatable read' | null } = {},
): Promise<{ value: T; indexing: number }> {
  const begin = options.isolation ? ctx.db.transaction().setIsolationLevel(options.isolation) : ctx.db.transaction()
  const done = await begin.execute(async (trx) => {
    const mark = await queueMark(trx)
    const value = await work(trx)
    const indexing = await settleSearch(trx, mark)
    await ctx.announce?.(trx)
    return { value, indexing }
  })
  if (done.indexing) ctx.searchQueued?.()
  ctx.committed?.()
  return done
}

/** The audit row of an event that is not one record's change (a restore, a data pack); its id names the event. */
export function auditEvent(trx: Db, ctx: Ctx, entity: string, action: string, detail: unknown): Promise<string> {
  return audit(trx, ctx, entity, '', action, null, detail)
}
