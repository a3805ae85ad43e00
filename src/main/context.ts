import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from './db/schema.ts'

/** What a query function works on: the database or an open transaction. */
export type Db = Kysely<DB> | Transaction<DB>

/** Who is writing and from which installation; handed to every handler. */
export interface Ctx {
  db: Kysely<DB>
  /** The user name from Settings, else the OS user. */
  actor: string
  /** This installation's id, stamped on the records it creates. */
  origin: string
  now(): string
  today(): string
}

/** UUIDv7: time-ordered, so records made on different laptops never collide. */
export const newId = (): string => uuidv7()

/** Columns for a new record. */
export function stamp(ctx: Ctx) {
  const now = ctx.now()
  return { id: newId(), createdAt: now, updatedAt: now, updatedBy: ctx.actor, origin: ctx.origin }
}

/** Columns for a changed record. */
export function touched(ctx: Ctx) {
  return { updatedAt: ctx.now(), updatedBy: ctx.actor }
}

/** Every change writes an audit row, inside the transaction that made it. */
export async function audit(
  trx: Db,
  ctx: Ctx,
  entity: string,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  before: unknown,
  after: unknown,
): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({
      id: newId(),
      entity,
      entityId,
      action,
      before: before === undefined || before === null ? null : JSON.stringify(before),
      after: after === undefined || after === null ? null : JSON.stringify(after),
      at: ctx.now(),
      actor: ctx.actor,
    })
    .execute()
}
