/** The embedded SQLite file's dialect (see ../index.ts). */
import { sql } from 'kysely'
import type { SqlDialect } from '../index.ts'
import { sqliteSearch } from './search.ts'
import { sqlitePack } from './pack.ts'
import { sqliteFiles } from './stored.ts'
import { sqlitePresence } from './presence.ts'
import { inList, listRows, same } from './sql.ts'

export const sqliteDialect: SqlDialect = { name: 'sqlite', inList, listRows, same, auditOrder: sql`rowid`,
  // This connection's writes (total_changes) and other connections' commits (data_version).
  async changeMark(db) {
    const { rows } = await sql<{ c: number; v: number }>`SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v`.execute(db)
    return `${rows[0]!.c}:${rows[0]!.v}`
  }, mainSchema: 'main', tempSchema: 'temp', search: sqliteSearch, pack: sqlitePack,
  files: sqliteFiles, presence: sqlitePresence, snapshot: { isolation: null, retryable: () => false } }
