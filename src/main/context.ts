import type { Kysely, Transaction } from 'kysely'
import { randomFillSync } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from './db/schema.ts'

/** What a query function works on: the database or an open transaction. */
export type Db = Kysely<DB> | Transaction<DB>

/** Who is writing and from which installation; handed to every handler. */
export interface Ctx {
  db: Kysely<DB>
  /** The user name from Settings, else the OS user; on an office's server, the officer's login. */
  actor: string
  /** On an office's server, the login the server knows the officer by: it signs every write, whatever name Settings holds. */
  login?: string
  /** This installation's id, stamped on the records it creates. */
  origin: string
  now(): string
  today(): string
  /** Wakes the background indexer after a bulk write queued search documents (set by the core). */
  searchQueued?: () => void
  /** Said inside every write's transaction before it commits (a server tells the other officers on commit). */
  announce?: (trx: Db) => Promise<void>
  /** Called after every write commits (the windows refresh). */
  committed?: () => void
  /** The source of the changes made under this context, for the audit log ("pack:<event id>"). */
  source?: string
}

/**
 * Random bytes for ids, drawn from a pool: the uuid package asks the OS for 16 bytes per
 * id, which made id generation a third of a 10,000-row import.
 */
const pool = new Uint8Array(16 * 1024)
let used = pool.length
function random16(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  used += 16
  return pool.subarray(used - 16, used)
}

/** UUIDv7: time-ordered, so records made on different laptops never collide. */
export const newId = (): string => uuidv7({ random: random16() })

/** Columns for a new record. */
export function stamp(ctx: Ctx) {
  const now = ctx.now()
  return { id: newId(), createdAt: now, updatedAt: now, updatedBy: ctx.actor, origin: ctx.origin }
}

/** Columns for a changed record. */
export function touched(ctx: Ctx) {
  return { updatedAt: ctx.now(), updatedBy: ctx.actor }
}

/** Every change writes an audit row, inside the transaction that made it; returns its id. */
export async function audit(
  trx: Db,
  ctx: Ctx,
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
  source: string | null = null,
): Promise<string> {
  const id = newId()
  await trx
    .insertInto('auditLog')
    .values({
      id,
      entity,
      entityId: entityId || id,
      action,
      before: before === undefined || before === null ? null : JSON.stringify(before),
      after: after === undefined || after === null ? null : JSON.stringify(after),
      at: ctx.now(),
      actor: ctx.actor,
      source: source ?? ctx.source ?? null,
    })
    .execute()
  return id
}
