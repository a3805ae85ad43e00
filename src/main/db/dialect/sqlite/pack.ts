/**
 * Packs on the embedded SQLite file (see ../pack.ts): the pack's file is attached beside
 * the register, and SQLite copies rows between the two itself.
 */
import { CompiledQuery, sql } from 'kysely'
import type { Db } from '../../../context.ts'
import type { PackStore } from '../pack.ts'
import { inList } from './sql.ts'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const run = (db: Db, text: string, parameters: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, parameters))
const codeOf = (e: unknown) => (e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : '')

let attached = 0

export const sqlitePack: PackStore = {
  // ATTACH and DETACH happen outside any transaction.
  async attach(db, file, _tables, use) {
    const schema = `pack_${++attached}`
    await sql`ATTACH DATABASE ${file} AS ${sql.id(schema)}`.execute(db)
    try {
      return await use({ table: (name) => `${schema}.${quote(name)}`, load: async () => {} })
    } finally {
      await sql`DETACH DATABASE ${sql.id(schema)}`.execute(db)
    }
  },

  async write(db, file, select) {
    const out = `pack_${++attached}`
    await sql`ATTACH DATABASE ${file} AS ${sql.id(out)}`.execute(db)
    try {
      await run(db, `PRAGMA ${out}.journal_mode = OFF`)
      await run(db, `PRAGMA ${out}.synchronous = OFF`)
      return await db.transaction().execute(async (trx) => {
        const counts: Record<string, number> = {}
        for (const { table, filter } of await select(trx)) {
          await run(trx, `CREATE TABLE ${out}.${quote(table)} AS SELECT * FROM main.${quote(table)} WHERE 0`)
          const where = filter ? sql` WHERE ${inList(filter.column, filter.ids)}` : sql``
          const r = await sql`INSERT INTO ${sql.raw(`${out}.${quote(table)}`)} SELECT * FROM ${sql.raw(`main.${quote(table)}`)}${where}`.execute(trx)
          counts[table] = Number(r.numAffectedRows ?? 0)
        }
        return counts
      })
    } finally {
      await sql`DETACH DATABASE ${sql.id(out)}`.execute(db)
    }
  },

  async columns(db, table) {
    const { rows } = await sql<{ name: string; notnull: number; dfltValue: unknown; pk: number }>`SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(${table})`.execute(db)
    return rows.map((r) => ({ name: r.name, required: r.notnull === 1 && r.dfltValue === null && r.pk === 0 }))
  },

  failureOf(e) {
    const code = codeOf(e)
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'damaged'
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'dangling'
    return null
  },

  async dropIndexes(db, table) {
    const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(db)
    for (const index of rows) await run(db, `DROP INDEX main.${quote(index.name)}`)
    return rows.map((index) => index.sql)
  },

  /**
   * Under SQLite's rollback journal instead of the WAL: pages added beyond the end of the
   * file are then written once, where the WAL would write them twice (to the log, then by
   * the checkpoint), and the transaction stays as safe.
   */
  async bulkLoad(db, work) {
    await run(db, `PRAGMA main.journal_mode = DELETE`)
    try {
      return await work()
    } finally {
      await run(db, `PRAGMA main.journal_mode = WAL`)
    }
  },

  async registerFile(db) {
    const { rows } = await sql<{ file: string }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(db)
    return rows[0]?.file || undefined
  },

  numbered: (prefix, n) => `printf('%s%09d', ${prefix}, ${n})`,
  jsonObject: (entries) => `json_object(${entries.map(([k, v]) => `'${k.replace(/'/g, "''")}', ${v}`).join(', ')})`,
}
