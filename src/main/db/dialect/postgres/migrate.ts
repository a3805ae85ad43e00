/**
 * Migrations on a server: the same list as the SQLite file's (../../migrations), in one
 * transaction holding an advisory lock, so that two administrators (or two test workers)
 * migrating at once migrate once. The column types go through PostgresTypesPlugin.
 */
import { Kysely, sql } from 'kysely'
import { AppError } from '../../../errors.ts'
import { MIGRATION_TABLE, type MigrationList } from '../../migrate.ts'
import { PostgresTypesPlugin } from './ddl.ts'

/** pg_advisory_xact_lock's key for migrations: "hanh" as a number. */
const MIGRATION_LOCK = 0x68616e68

export interface SchemaState {
  applied: string[]
  /** Migrations this build knows and the server has not had. */
  pending: string[]
  /** Migrations the server has had that this build does not know (a newer build migrated it). */
  unknown: string[]
}

async function hasMigrationTable(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${MIGRATION_TABLE}) AS found`.execute(db)
  return rows[0]?.found != null
}

export async function schemaState(db: Kysely<any>, list: MigrationList): Promise<SchemaState> {
  const applied = (await hasMigrationTable(db)) ? (await db.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute()).map((r) => r.name as string) : []
  const known = new Set(list.map(([n]) => n))
  const done = new Set(applied)
  return { applied, pending: list.map(([n]) => n).filter((n) => !done.has(n)), unknown: applied.filter((n) => !known.has(n)) }
}

/** Runs the pending migrations; returns how many ran. A server migrated by a newer build is refused. */
export async function migratePostgres(db: Kysely<any>, list: MigrationList): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    await sql`CREATE TABLE IF NOT EXISTS ${sql.table(MIGRATION_TABLE)} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(trx)
    const state = await schemaState(trx, list)
    if (state.unknown.length > 0) throw newerServer(state.applied.length, list.length)
    const typed = trx.withPlugin(new PostgresTypesPlugin())
    for (const name of state.pending) {
      const migration = list.find(([n]) => n === name)![1]
      await migration.up(typed)
      await trx.insertInto(MIGRATION_TABLE).values({ name, timestamp: new Date().toISOString() }).execute()
    }
    return state.pending.length
  })
}

export const newerServer = (server: number, known: number) => new AppError('server_from_future', { server, known })
