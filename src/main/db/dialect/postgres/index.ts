/** An office PostgreSQL server's dialect (see ../index.ts). */
import { sql } from 'kysely'
import type { SqlDialect } from '../index.ts'
import { postgresSearch } from './search.ts'
import { postgresPack } from './pack.ts'
import { postgresFiles } from './stored.ts'
import { postgresPresence } from './presence.ts'
import { isSerializationFailure } from './errors.ts'
import { inList, listRows, same } from './sql.ts'

export const postgresDialect: SqlDialect = { name: 'postgres', inList, listRows, same, auditOrder: sql`seq`,
  // Every write, whoever made it, adds audit rows: the last one's number moves.
  async changeMark(db) {
    const { rows } = await sql<{ m: number | null }>`SELECT max(seq) AS m FROM audit_log`.execute(db)
    return String(rows[0]?.m ?? 0)
  }, mainSchema: 'public', tempSchema: 'pg_temp', search: postgresSearch, pack: postgresPack,
  files: postgresFiles, presence: postgresPresence, snapshot: { isolation: 'repeatable read', retryable: isSerializationFailure } }
