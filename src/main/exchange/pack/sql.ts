/** SQL a data pack is moved with: raw statements, and the pack's database attached beside the register. */
import { CompiledQuery, sql } from 'kysely'
import type { Db } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { DATA_FILE, damaged } from './format.ts'

export const run = (db: Db, text: string, parameters: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, parameters))
export const rowsOf = async <R>(db: Db, text: string, parameters: unknown[] = []) => (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows
export const countOf = async (db: Db, text: string, parameters: unknown[] = []) => Number((await rowsOf<{ n: number }>(db, text, parameters))[0]?.n ?? 0)

/** The columns of a table here, with what an insert needs to know of them. */
export async function columnsOf(db: Db, table: string): Promise<Array<{ name: string; required: boolean }>> {
  const { rows } = await sql<{ name: string; notnull: number; dfltValue: unknown; pk: number }>`SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(${table})`.execute(db)
  return rows.map((r) => ({ name: r.name, required: r.notnull === 1 && r.dfltValue === null && r.pk === 0 }))
}

let attached = 0

/** Attaches an SQLite file under a fresh schema name while `use` runs (ATTACH and DETACH happen outside any transaction). */
export async function withAttached<T>(db: Db, file: string, use: (schema: string) => Promise<T>): Promise<T> {
  const schema = `pack_${++attached}`
  await sql`ATTACH DATABASE ${file} AS ${sql.id(schema)}`.execute(db)
  try {
    return await use(schema)
  } catch (e) {
    // A pack's file that SQLite finds damaged is a damaged pack, not an application fault.
    const code = e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : ''
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw damaged(DATA_FILE)
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('pack_dangling_links')
    }
    throw e
  } finally {
    await sql`DETACH DATABASE ${sql.id(schema)}`.execute(db)
  }
}
