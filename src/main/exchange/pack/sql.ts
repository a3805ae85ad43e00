/**
 * SQL a data pack is moved with: statements as text with `?` parameters (written once for
 * both databases; the few forms they spell differently come from the dialect), and the
 * pack's database made readable beside the register.
 */
import Database from 'better-sqlite3'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../context.ts'
import { dialectOf } from '../../db/dialect/index.ts'
import type { AttachedPack } from '../../db/dialect/pack.ts'
import { AppError } from '../../errors.ts'
import { DATA_FILE, damaged, quote } from './format.ts'

/**
 * `text` with each `?` outside quotes bound to the next of `parameters`, as Kysely's `sql`
 * binds them (so each database gets its own placeholders). A parameter that is itself an
 * SQL fragment (a RawBuilder, e.g. the dialect's `inList`) is put in as SQL.
 */
export function statement(text: string, parameters: readonly unknown[] = []): RawBuilder<unknown> {
  const parts: string[] = []
  let start = 0
  let quoteChar: string | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoteChar) {
      if (c === quoteChar) quoteChar = null
    } else if (c === "'" || c === '"') quoteChar = c
    else if (c === '?') {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  if (parts.length - 1 !== parameters.length) throw new Error(`statement: ${parts.length - 1} placeholders, ${parameters.length} parameters`)
  // One flat list of fragments: nesting a fragment per parameter made Kysely's plugins
  // recurse once per parameter, past the stack for a statement with thousands of them.
  const pieces: RawBuilder<unknown>[] = [sql.raw(parts[0]!)]
  for (let i = 1; i < parts.length; i++) pieces.push(sql`${parameters[i - 1]}`, sql.raw(parts[i]!))
  return sql.join(pieces, sql.raw(''))
}

export const run = (db: Db, text: string, parameters: readonly unknown[] = []) => statement(text, parameters).execute(db)
export const rowsOf = async <R>(db: Db, text: string, parameters: readonly unknown[] = []) => (await statement(text, parameters).execute(db)).rows as R[]
export const countOf = async (db: Db, text: string, parameters: readonly unknown[] = []) => Number((await rowsOf<{ n: number }>(db, text, parameters))[0]?.n ?? 0)

/** The register's table `table` as SQL names it (qualified, quoted). */
export const mainTable = (db: Db, table: string) => `${dialectOf(db).mainSchema}.${quote(table)}`
/** A temporary table of this connection. */
export const tempTable = (db: Db, name: string) => `${dialectOf(db).tempSchema}.${quote(name)}`

/** The columns of a table here, with what an insert needs to know of them. */
export const columnsOf = (db: Db, table: string) => dialectOf(db).pack.columns(db, table)

/** A pack's database beside the register: its tables by SQL name, their columns as the file has them. */
export interface PackDb extends AttachedPack {
  /** The columns of the pack's table `name`; none when the pack lacks it. */
  columns(name: string): readonly string[]
}

/** The tables of a pack's file and their columns, read from the file itself. */
function tablesOf(file: string): Map<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name)
    return new Map(names.map((n) => [n, (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(n) as Array<{ name: string }>).map((c) => c.name)]))
  } finally {
    db.close()
  }
}

/** Makes the pack file readable while `use` runs (which opens the transaction that reads it, and loads it there first). */
export async function withPack<T>(db: Db, file: string, use: (pack: PackDb) => Promise<T>): Promise<T> {
  const store = dialectOf(db).pack
  try {
    const tables = tablesOf(file)
    return await store.attach(db, file, tables, (attached) => use({ table: attached.table, load: attached.load, columns: (name) => tables.get(name) ?? [] }))
  } catch (e) {
    // A pack's file the database finds damaged is a damaged pack, not an application fault.
    const failure = store.failureOf(e)
    if (failure === 'damaged') throw damaged(DATA_FILE)
    if (failure === 'dangling') {
      throw new AppError('pack_dangling_links')
    }
    throw e
  }
}

/** How many rows the pack's file holds in `tables` together (those it lacks count none). */
export function packRowCount(file: string, tables: readonly string[]): number {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const present = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name))
    return tables.filter((t) => present.has(t)).reduce((n, t) => n + Number(db.prepare(`SELECT count(*) FROM ${quote(t)}`).pluck().get()), 0)
  } finally {
    db.close()
  }
}
