/**
 * Migrations, each committed atomically with its version. Kysely's migrator runs SQLite
 * migrations statement by statement outside any transaction, so a crash in the middle
 * left "table trip already exists" at every later start. Here each migration, its row in
 * `kysely_migration` (the table Kysely's migrator kept, so older files read the same) and
 * `user_version` are one transaction: a crash or an error leaves the schema as the last
 * whole migration left it, and the next start runs the rest.
 */
import { Kysely, sql, type KyselyPlugin } from 'kysely'
import type { Migration } from 'kysely/migration'
import type Database from 'better-sqlite3'
import { AppSqliteDialect } from './driver.ts'

export const MIGRATION_TABLE = 'kysely_migration'
export type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>

/** Names of the migrations a file has had, in the order they ran. */
export function appliedMigrations(sqlite: Database.Database): string[] {
  const has = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATION_TABLE)
  if (!has) return []
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name)
}

/**
 * Runs the migrations of `list` that the file has not had. `plugins` reach every statement
 * the migrations run (tests inject failures there).
 */
export async function migrate(sqlite: Database.Database, list: MigrationList, plugins: KyselyPlugin[] = []): Promise<number> {
  // Migrations name SQL as it is (no camel-case plugin).
  const db = new Kysely<any>({ dialect: new AppSqliteDialect(sqlite), plugins })
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATION_TABLE} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`)
  const applied = new Set(appliedMigrations(sqlite))
  let ran = 0
  for (const [index, [name, migration]] of list.entries()) {
    if (applied.has(name)) continue
    const done = await db.transaction().execute(async (trx) => {
      // Another process opening the same old file may have run it while this one waited for the lock.
      if (await trx.selectFrom(MIGRATION_TABLE).select('name').where('name', '=', name).executeTakeFirst()) return false
      await migration.up(trx)
      await trx.insertInto(MIGRATION_TABLE).values({ name, timestamp: new Date().toISOString() }).execute()
      await sql.raw(`PRAGMA user_version = ${index + 1}`).execute(trx)
      return true
    })
    if (done) ran++
  }
  return ran
}
