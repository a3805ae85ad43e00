/**
 * What differs between the embedded SQLite file and an office's PostgreSQL server, asked
 * of one object: the query functions take a Kysely or a Transaction as everywhere else, and
 * ask `dialectOf(db)` for the few SQL forms the two databases spell differently. Nothing
 * outside src/main/db/dialect knows which database it is on.
 */
import { PostgresAdapter, type Expression, type RawBuilder } from 'kysely'
import type { Db } from '../../context.ts'
import { postgresDialect } from './postgres/index.ts'
import type { PackStore } from './pack.ts'
import type { SearchStore } from './search.ts'
import type { FileStore } from './stored.ts'
import type { PresenceStore } from './presence.ts'
import { sqliteDialect } from './sqlite/index.ts'

export type DialectName = 'sqlite' | 'postgres'

/** SQL spelled per database. Every function returns a fragment for Kysely's `sql` or `where`. */
export interface SqlDialect {
  readonly name: DialectName
  /** `column IN (…)` for any number of ids, sent as one parameter (not one per id). */
  inList(column: string, ids: readonly (string | number)[]): RawBuilder<boolean>
  /** The rows of a list as a table (`value`, and `key` its position from 0), for joins and UNIONs. */
  listRows(values: readonly (string | number)[]): RawBuilder<{ key: number; value: string }>
  /** The audit log's order of insertion, newest last (rowid in a file, an identity column on a server). */
  readonly auditOrder: RawBuilder<number>
  /** A mark that differs once anything in the register has changed (a kept sort order is then worked out again). */
  changeMark(db: Db): Promise<string>
  /** Equality where NULL equals NULL. */
  same(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<boolean>
  /** The schema the register's tables are in, and the one temporary tables go to. */
  readonly mainSchema: string
  readonly tempSchema: string
  /** How the search index is kept and queried. */
  readonly search: SearchStore
  /** How a data pack's tables are read beside the register's, and written. */
  readonly pack: PackStore
  /** Where the register's files (attachments, letterheads) are kept and read back. */
  readonly files: FileStore
  /** Who has a brief open. */
  readonly presence: PresenceStore
  /**
   * A write that must see one snapshot throughout (a pack's apply): the isolation it runs
   * under (none to ask where every write transaction is serial already, as SQLite's
   * IMMEDIATE ones are) and whether a failure means "run it again" (a serialization failure).
   */
  readonly snapshot: { isolation: 'repeatable read' | null; retryable(e: unknown): boolean }
}

/**
 * The dialect of the database `db` runs on. Kysely knows it from the adapter of its
 * executor (public at run time though typed as internal): the one place that asks.
 */
export function dialectOf(db: Db): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect
}
