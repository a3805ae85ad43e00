/** An office PostgreSQL server's dialect (see ../index.ts). */
import { sql } from 'kysely'
import type { SqlDialect } from '../index.ts'
import { postgresSearch } from './search.ts'
import { postgresPack } from './pack.ts'
import { inList, listRows, same } from './sql.ts'

export const postgresDialect: SqlDialect = { name: 'postgres', inList, listRows, same, auditOrder: sql`seq`, mainSchema: 'public', tempSchema: 'pg_temp', search: postgresSearch, pack: postgresPack }
