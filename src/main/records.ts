/**
 * The create / update / delete steps every record shares: meta columns, the audit row,
 * not-found. Callers run them inside their own transaction, next to the feature-specific
 * work (child rows, reference checks, search index).
 */
import { notFound } from './errors.ts'
import { type Ctx, type Db, audit, stamp, touched } from './context.ts'
import type { DB } from './db/schema.ts'

type RecordTable = {
  [T in keyof DB]: DB[T] extends { id: string; updatedAt: string } ? T : never
}[keyof DB]

export async function insertRecord(
  trx: Db,
  ctx: Ctx,
  table: RecordTable,
  values: Record<string, unknown>,
): Promise<string> {
  const row = { ...stamp(ctx), ...values }
  await trx.insertInto(table).values(row as never).execute()
  await audit(trx, ctx, table, row.id, 'create', null, row)
  return row.id
}

export async function updateRecord(
  trx: Db,
  ctx: Ctx,
  table: RecordTable,
  what: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound(what)
  const changes = { ...values, ...touched(ctx) }
  await trx.updateTable(table).set(changes as never).where('id', '=', id).execute()
  await audit(trx, ctx, table, id, 'update', before, { ...before, ...changes })
}

export async function deleteRecord(trx: Db, ctx: Ctx, table: RecordTable, what: string, id: string): Promise<void> {
  const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound(what)
  await trx.deleteFrom(table).where('id', '=', id).execute()
  await audit(trx, ctx, table, id, 'delete', before, null)
}
