/** The embedded SQLite file's dialect (see ../index.ts). */
import { sql } from 'kysely'
import type { SqlDialect } from '../index.ts'
import { sqliteSearch } from './search.ts'
import { sqlitePack } from './pack.ts'
import { inList, listRows, same } from './sql.ts'

export const sqliteDialect: SqlDialect = { name: 'sqlite', inList, listRows, same, auditOrder: sql`rowid`, mainSchema: 'main', tempSchema: 'temp', search: sqliteSearch, pack: sqlitePack }
