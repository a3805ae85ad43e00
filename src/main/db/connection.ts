/**
 * Opening the SQLite database: refuse a file from a newer version (without touching it),
 * set the pragmas, back the file up when migrations are pending, migrate.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import { AppError } from '../errors.ts'
import { migrations as allMigrations, SCHEMA_VERSION } from './migrations/index.ts'
import type { DB } from './schema.ts'

export interface OpenedDb {
  db: Kysely<DB>
  sqlite: Database.Database
  /** Path of the backup taken before migrating, if one was needed. */
  backupPath: string | null
  /** Closes the file even when Kysely never ran a query (its destroy() then does nothing). */
  close(): Promise<void>
}

export interface OpenOptions {
  /** Where a copy is written before migrations run on an existing db. */
  backupDir?: string
  /** For tests: pretend this build knows only the first N migrations. */
  migrations?: typeof allMigrations
}

const MIGRATION_TABLE = 'kysely_migration'

/**
 * Reads the schema state of an existing file read-only. A file written by a newer build
 * (a higher user_version or migrations this build does not know) is refused here, before
 * anything (not even the WAL switch) writes to it.
 */
function inspectExisting(path: string, known: ReadonlySet<string>, knownVersion: number): { version: number } {
  let probe: Database.Database
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new AppError('db_damaged', `Không mở được tệp dữ liệu ${path}: ${(e as Error).message} / cannot open the database`)
  }
  try {
    const version = Number(probe.pragma('user_version', { simple: true }))
    const hasTable = probe
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(MIGRATION_TABLE)
    const applied = hasTable
      ? (probe.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).all() as Array<{ name: string }>).map((r) => r.name)
      : []
    const unknown = applied.filter((n) => !known.has(n))
    if (version > knownVersion || unknown.length > 0) {
      throw new AppError(
        'db_from_future',
        `Tệp dữ liệu này do phiên bản Hành Trang mới hơn tạo ra (lược đồ ${Math.max(version, applied.length)}, ` +
          `phiên bản này hiểu đến ${knownVersion}). Hãy cập nhật ứng dụng; tệp được giữ nguyên. / ` +
          `This database was written by a newer version of Hành Trang; it was left untouched.`,
      )
    }
    return { version }
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('db_damaged', `Tệp dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu Hành Trang: ${(e as Error).message} / damaged database`)
  } finally {
    probe.close()
  }
}

/**
 * Kysely prepares every statement it runs; preparing costs more than running a small
 * query, and bulk writes (imports, packs, the search index) run the same few statements
 * thousands of times. Prepared statements are kept by their SQL text, least recently used
 * dropped first. A statement still being iterated is never handed out twice.
 */
export function withStatementCache(sqlite: Database.Database, size = 400): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    prepare(text: string) {
      const hit = cache.get(text)
      if (hit && !hit.busy) {
        cache.delete(text)
        cache.set(text, hit)
        return hit
      }
      const statement = sqlite.prepare(text)
      cache.set(text, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
      return statement
    },
    close: () => {
      cache.clear()
      sqlite.close()
    },
  }
}

export function timestampForFile(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const list = options.migrations ?? allMigrations
  const knownVersion = options.migrations ? list.length : SCHEMA_VERSION
  const existed = path !== ':memory:' && existsSync(path)
  const { version } = existed ? inspectExisting(path, new Set(list.map(([n]) => n)), knownVersion) : { version: 0 }

  const sqlite = new Database(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('busy_timeout = 5000')
    // 64 MB of page cache instead of the 16 MB better-sqlite3 builds in: a register of 100,000
    // agreements keeps its indexes in memory, and bulk loads check foreign keys and sort new indexes there.
    sqlite.pragma('cache_size = -65536')
    const quick = sqlite.pragma('quick_check', { simple: true })
    if (quick !== 'ok') throw new AppError('db_damaged', `Tệp dữ liệu bị hỏng (quick_check: ${String(quick)}) / damaged database`)
  } catch (e) {
    sqlite.close()
    if (e instanceof AppError) throw e
    throw new AppError('db_damaged', `Tệp dữ liệu bị hỏng: ${(e as Error).message} / damaged database`)
  }

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] })

  let backupPath: string | null = null
  if (existed && version > 0 && version < knownVersion && options.backupDir) {
    mkdirSync(options.backupDir, { recursive: true })
    backupPath = join(options.backupDir, `hanh-trang-truoc-nang-cap-v${version}-${timestampForFile()}.sqlite`)
    await sqlite.backup(backupPath)
  }

  const provider: MigrationProvider = {
    getMigrations: async () => Object.fromEntries(list.map(([n, m]) => [n, m] as [string, Migration])),
  }
  // Migrations run through a Kysely without the camel-case plugin: they name SQL as it is.
  const raw = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  const { error } = await new Migrator({ db: raw, provider, migrationTableName: MIGRATION_TABLE }).migrateToLatest()
  const close = async () => {
    await db.destroy()
    if (sqlite.open) sqlite.close()
  }
  if (error) {
    await close()
    throw new AppError('internal', `Nâng cấp cơ sở dữ liệu thất bại: ${(error as Error).message} / migration failed`)
  }
  sqlite.pragma(`user_version = ${knownVersion}`)
  return { db, sqlite, backupPath, close }
}
