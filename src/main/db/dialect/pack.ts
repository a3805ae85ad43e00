/**
 * How a data pack's tables meet the register's, per database. A pack is always an SQLite
 * file (data.sqlite in the zip); its merge is SQL that reads the pack's tables as
 * `pack.table(name)` beside the register's. SQLite attaches the file under a schema of its
 * own; PostgreSQL gets the file's rows copied into temporary tables of the transaction that
 * reads them, typed like the register's, so that the same comparisons hold on both.
 */
import type { Db } from '../../context.ts'

export interface PackColumn {
  name: string
  /** An insert must give it: NOT NULL, no default, not the key the database numbers itself. */
  required: boolean
}

/** A pack's database file as the register's SQL reads it. */
export interface AttachedPack {
  /** The pack's table `name` as SQL names it (qualified and quoted). */
  table(name: string): string
  /**
   * Makes the pack's tables readable by `trx`, the transaction that reads them (first thing
   * in it): PostgreSQL copies them to the server then; SQLite has them attached already.
   */
  load(trx: Db): Promise<void>
}

/** A table the pack being written takes rows of: all of them, or those whose `column` is in `ids`. */
export interface PackTableSpec {
  table: string
  filter: { column: string; ids: readonly string[] } | null
}

/** Why a statement moving a pack's rows failed, as far as the pack is concerned. */
export type PackFailure = 'damaged' | 'dangling' | null

export interface PackStore {
  /**
   * Runs `use` with the pack file `file` readable (`tables`: the pack's tables and their
   * columns, read from the file). Outside any transaction: `use` opens the one that reads.
   */
  attach<T>(db: Db, file: string, tables: ReadonlyMap<string, readonly string[]>, use: (pack: AttachedPack) => Promise<T>): Promise<T>
  /**
   * Writes a pack's database file: in one transaction (one snapshot of the register),
   * `select` says which rows of which tables, and they are copied into `file` (a new
   * SQLite file) table by table, in that order; returns how many rows each table gave.
   */
  write(db: Db, file: string, select: (trx: Db) => Promise<PackTableSpec[]>): Promise<Record<string, number>>
  /** The columns of the register's table `table`, in order. */
  columns(db: Db, table: string): Promise<PackColumn[]>
  /** What an error thrown while moving a pack's rows means: a damaged file, a link to a record neither side has, or something else. */
  failureOf(e: unknown): PackFailure
  /**
   * Drops the secondary indexes of the register's `table` (a bulk load builds them again
   * afterwards, faster than keeping them up to date); returns the statements that build them.
   */
  dropIndexes(db: Db, table: string): Promise<string[]>
  /** Runs a load into a new installation the way the database writes many new pages best. */
  bulkLoad<T>(db: Db, work: () => Promise<T>): Promise<T>
  /** The register's own file, which the pack's row check may read beside the pack; none on a server. */
  registerFile(db: Db): Promise<string | undefined>
  /** `prefix` (an SQL text expression) followed by the number `n` in nine digits: keys of the audit rows a pack writes. */
  numbered(prefix: string, n: string): string
  /** A JSON object as text, from `[key, SQL expression]` pairs. */
  jsonObject(entries: ReadonlyArray<readonly [string, string]>): string
}
