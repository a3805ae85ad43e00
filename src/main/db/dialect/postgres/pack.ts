/**
 * Packs on an office's PostgreSQL server (see ../pack.ts). The pack's file is read here
 * with better-sqlite3 and its rows copied to the server into temporary tables of the
 * transaction that merges them (`pg_temp."pack_N__table"`, dropped at its end), each column
 * typed like the register's, so that the merge compares them as SQLite does; a pack being
 * written is filled from the register's rows read in one snapshot.
 */
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import type { Db } from '../../../context.ts'
import type { PackColumn, PackStore } from '../pack.ts'
import { inList } from './sql.ts'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const codeOf = (e: unknown) => (e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : '')
/** Rows per statement copying a pack's table to the server, and per fetch writing one. */
const BATCH = 5000
/** The pack's own row number, kept beside its columns (the copy holds every row, in order). */
const ROW = 'pack_row__'
/** The register's schema (the dialect's mainSchema). */
const MAIN = 'public'

interface ServerColumn extends PackColumn {
  type: string
  key: boolean
}

/** The register's table `table`: its columns in order with their types. */
async function tableInfo(db: Db, table: string): Promise<ServerColumn[]> {
  const { rows } = await sql<{ name: string; type: string; required: boolean; key: boolean }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      (a.attnotnull AND NOT a.atthasdef AND a.attidentity = '' AND NOT coalesce(a.attnum = ANY(i.indkey), false)) AS required,
      coalesce(a.attnum = ANY(i.indkey), false) AS key
    FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
    WHERE a.attrelid = to_regclass(${`${MAIN}.${quote(table)}`}) AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum`.execute(db)
  return rows
}

/** The type SQLite gives a column in a pack file, for the server's type. */
function sqliteType(type: string): string {
  if (/^(integer|bigint|smallint|boolean)$/.test(type)) return 'INT'
  if (/^(double precision|real|numeric)/.test(type)) return 'REAL'
  if (type === 'bytea') return 'BLOB'
  return 'TEXT'
}

let attached = 0

/** Copies the pack file's tables that the register has into temporary tables of `trx`. */
async function copyIn(trx: Db, file: string, prefix: string, tables: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const pack = new Database(file, { readonly: true, fileMustExist: true })
  try {
    for (const [table, theirs] of tables) {
      const mine = await tableInfo(trx, table)
      if (mine.length === 0) continue
      const columns = mine.filter((c) => theirs.includes(c.name))
      const target = `pg_temp.${quote(`${prefix}__${table}`)}`
      const definitions = [...columns.map((c) => `${quote(c.name)} ${c.type}`), `${ROW} bigint`]
      await sql`CREATE TEMP TABLE ${sql.raw(target)} (${sql.raw(definitions.join(', '))}) ON COMMIT DROP`.execute(trx)
      const list = [...columns.map((c) => quote(c.name)), ROW]
      const types = [...columns.map((c) => c.type), 'bigint']
      const rows = pack.prepare(`SELECT ${[...columns.map((c) => quote(c.name)), 'rowid'].join(', ')} FROM ${quote(table)} ORDER BY rowid`).raw().iterate() as IterableIterator<unknown[]>
      let batch: unknown[][] = []
      const flush = async () => {
        if (batch.length === 0) return
        const arrays = types.map((type, i) => sql`${batch.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`)
        await sql`INSERT INTO ${sql.raw(target)} (${sql.raw(list.join(', '))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(trx)
        batch = []
      }
      for (const row of rows) {
        batch.push(row)
        if (batch.length >= BATCH) await flush()
      }
      await flush()
      // Temporary tables have no statistics until asked: the merge's joins need them.
      await sql`ANALYZE ${sql.raw(target)}`.execute(trx)
    }
  } finally {
    pack.close()
  }
}

/** Copies the rows of the register's `table` that `filter` picks into the pack file, in key order. */
async function copyOut(trx: Db, out: Database.Database, table: string, filter: { column: string; ids: readonly string[] } | null): Promise<number> {
  const columns = await tableInfo(trx, table)
  out.exec(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${sqliteType(c.type)}`).join(', ')})`)
  if (filter && filter.ids.length === 0) return 0
  const insert = out.prepare(`INSERT INTO ${quote(table)} VALUES (${columns.map(() => '?').join(', ')})`)
  const insertAll = out.transaction((rows: Array<Record<string, unknown>>) => {
    for (const r of rows) insert.run(columns.map((c, i) => (typeof r[`c${i}`] === 'boolean' ? Number(r[`c${i}`]) : r[`c${i}`])))
  })
  const key = columns.filter((c) => c.key).map((c) => quote(c.name))
  const select = columns.map((c, i) => `${quote(c.name)} AS c${i}`).join(', ')
  const cursor = `pack_out_${++attached}`
  await sql`DECLARE ${sql.raw(cursor)} NO SCROLL CURSOR FOR SELECT ${sql.raw(select)} FROM ${sql.raw(`${MAIN}.${quote(table)}`)}${filter ? sql` WHERE ${inList(filter.column, filter.ids)}` : sql``}${key.length ? sql.raw(` ORDER BY ${key.join(', ')}`) : sql``}`.execute(trx)
  let count = 0
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`FETCH ${sql.raw(String(BATCH))} FROM ${sql.raw(cursor)}`.execute(trx)
    if (rows.length === 0) break
    insertAll(rows)
    count += rows.length
  }
  await sql`CLOSE ${sql.raw(cursor)}`.execute(trx)
  return count
}

export const postgresPack: PackStore = {
  async attach(_db, file, tables, use) {
    const prefix = `pack_${++attached}`
    return use({ table: (name) => `pg_temp.${quote(`${prefix}__${name}`)}`, load: (trx) => copyIn(trx, file, prefix, tables) })
  },

  async write(db, file, select) {
    const out = new Database(file)
    try {
      out.pragma('journal_mode = OFF')
      out.pragma('synchronous = OFF')
      // One snapshot: the closure and every table's rows as of the same moment.
      return await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const counts: Record<string, number> = {}
          for (const { table, filter } of await select(trx)) counts[table] = await copyOut(trx, out, table, filter)
          return counts
        })
    } finally {
      out.close()
    }
  },

  async columns(db, table) {
    return (await tableInfo(db, table)).map(({ name, required }) => ({ name, required }))
  },

  failureOf(e) {
    const code = codeOf(e)
    // Reading the pack's file (SQLite), or a value the register's column cannot hold (class 22: data exception).
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code) || /^22[0-9A-Z]{3}$/.test(code)) return 'damaged'
    if (code === '23503') return 'dangling'
    return null
  },

  async dropIndexes(db, table) {
    const { rows } = await sql<{ name: string; definition: string }>`
      SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass(${`${MAIN}.${quote(table)}`}) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`.execute(db)
    for (const index of rows) await sql`DROP INDEX ${sql.raw(`${MAIN}.${quote(index.name)}`)}`.execute(db)
    return rows.map((index) => index.definition)
  },

  // The server's write-ahead log is the server's business.
  bulkLoad: (_db, work) => work(),
  registerFile: async () => undefined,
  numbered: (prefix, n) => `(${prefix} || lpad((${n})::text, 9, '0'))`,
  jsonObject: (entries) => `json_build_object(${entries.map(([k, v]) => `'${k.replace(/'/g, "''")}', ${v}`).join(', ')})::text`,
}
