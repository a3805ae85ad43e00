/**
 * Migrations, committed atomically with their version. Kysely's migrator runs SQLite
 * migrations statement by statement outside any transaction, so a crash in the middle
 * left "table trip already exists" at every later start. Here the pending migrations,
 * their rows in `kysely_migration` (the table Kysely's migrator kept, so older files read
 * the same) and `user_version` are one transaction: a crash or an error leaves the schema
 * as it was, and the next start runs them again. Two processes starting at once (the app
 * and a script) migrate once: the second finds the work done when it gets the lock.
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
 * Runs the migrations of `list` that the file has not had, all in one transaction with
 * their rows and the version: a start that is killed or fails leaves the file at the
 * version it had (so the one backup taken for that version stays the only one), and the
 * next start runs them all. The list is read again once the write lock is held, so a
 * second process starting at the same moment finds the work done instead of creating
 * every table again; `beforeMigrating` (the backup) runs under that lock, when there is
 * work to do. `plugins` reach every statement the migrations run (tests inject failures
 * there).
 */
export async function migrate(sqlite: Database.Database, list: MigrationList, plugins: KyselyPlugin[] = [], beforeMigrating?: (version: number) => Promise<void>): Promise<number> {
  // Migrations name SQL as it is (no camel-case plugin).
  const db = new Kysely<any>({ dialect: new AppSqliteDialect(sqlite), plugins })
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATION_TABLE} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`)
  const pending = () => {
    const applied = new Set(appliedMigrations(sqlite))
    return [...list.entries()].filter(([, [name]]) => !applied.has(name))
  }
  if (pending().length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const todo = pending()
    if (todo.length === 0) return 0
    await beforeMigrating?.(Number(sqlite.pragma('user_version', { simple: true })))
    for (const [index, [name, migration]] of todo) {
      await migration.up(trx)
      await trx.insertInto(MIGRATION_TABLE).values({ name, timestamp: new Date().toISOString() }).execute()
      await sql.raw(`PRAGMA user_version = ${index + 1}`).execute(trx)
    }
    return todo.length
  })
}
