/**
 * Opening the SQLite database: roll back what a crash left half-written, refuse a file
 * from a newer version (without touching it), set the pragmas, back the file up once per
 * version before migrating, migrate (each migration atomic with its version).
 */
import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { CamelCasePlugin, Kysely, type KyselyPlugin } from 'kysely'
import { AppError } from '../errors.ts'
import { migrationBackup } from '../exchange/backup.ts'
import { AppSqliteDialect } from './driver.ts'
import { busy, classifyDbError, damaged, isBusy } from './errors.ts'
import { appliedMigrations, migrate, type MigrationList } from './migrate.ts'
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
  migrations?: MigrationList
  /** Run quick_check before use (the core asks for it after an unclean shutdown). */
  check?: boolean
  /** For tests: plugins that see every statement the migrations run. */
  migrationPlugins?: KyselyPlugin[]
  /** How long a transaction waits for another writer before giving up (ms). */
  busyBoundMs?: number
}

/** A plain statement waits this long for a lock; transactions wait longer, between tries (driver.ts). */
const STATEMENT_BUSY_MS = 5000

/**
 * A crash during a transaction in rollback-journal mode (a large pack import) leaves a hot
 * journal beside the file. A read-only connection cannot roll it back and reads the file
 * as if it were damaged; a read-write open rolls it back, as SQLite is designed to.
 */
function rollBackHotJournal(path: string): void {
  const journal = `${path}-journal`
  if (!existsSync(journal) || statSync(journal).size === 0) return
  const db = new Database(path, { fileMustExist: true, timeout: STATEMENT_BUSY_MS })
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } finally {
    db.close()
  }
}

/**
 * Reads the schema state of an existing file read-only. A file written by a newer build
 * (a higher user_version or migrations this build does not know) is refused here, before
 * anything (not even the WAL switch) writes to it.
 */
function inspectExisting(path: string, known: ReadonlySet<string>, knownVersion: number): { version: number; pending: boolean } {
  const probe = new Database(path, { readonly: true, fileMustExist: true, timeout: STATEMENT_BUSY_MS })
  try {
    const version = Number(probe.pragma('user_version', { simple: true }))
    const applied = appliedMigrations(probe)
    const unknown = applied.filter((n) => !known.has(n))
    if (version > knownVersion || unknown.length > 0) {
      throw new AppError('db_from_future', { version: Math.max(version, applied.length), known: knownVersion })
    }
    return { version, pending: applied.length < known.size }
  } finally {
    probe.close()
  }
}

/** Turns whatever opening threw into what the officer is told. */
function openError(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  if (isBusy(e)) return busy(path)
  const known = classifyDbError(e, path)
  if (known) return known
  return damaged(path, (e as Error).message)
}

function configure(sqlite: Database.Database, check: boolean, path: string): void {
  // The busy timeout first: switching to WAL takes a lock another process may hold.
  sqlite.pragma(`busy_timeout = ${STATEMENT_BUSY_MS}`)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = FULL')
  // 64 MB of page cache instead of the 16 MB better-sqlite3 builds in: a register of 100,000
  // agreements keeps its indexes in memory, and bulk loads check foreign keys and sort new indexes there.
  sqlite.pragma('cache_size = -65536')
  if (check) {
    const quick = sqlite.pragma('quick_check', { simple: true })
    if (quick !== 'ok') throw damaged(path, `quick_check: ${String(quick)}`)
  }
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const list = options.migrations ?? allMigrations
  const knownVersion = options.migrations ? list.length : SCHEMA_VERSION
  const existed = path !== ':memory:' && existsSync(path)

  let sqlite: Database.Database
  let pending = true
  try {
    if (existed) {
      rollBackHotJournal(path)
      ;({ pending } = inspectExisting(path, new Set(list.map(([n]) => n)), knownVersion))
    }
    sqlite = new Database(path)
  } catch (e) {
    throw openError(path, e)
  }
  try {
    configure(sqlite, options.check ?? false, path)
  } catch (e) {
    sqlite.close()
    throw openError(path, e)
  }

  const db = new Kysely<DB>({ dialect: new AppSqliteDialect(sqlite, options.busyBoundMs), plugins: [new CamelCasePlugin()] })
  const close = async () => {
    await db.destroy()
    if (sqlite.open) sqlite.close()
  }
  try {
    // One copy per version before migrating, taken under the migrations' lock: a start that
    // fails leaves the version as it was, so the next does not make another, nor does a
    // second process starting at the same time.
    let backupPath: string | null = null
    const backupDir = options.backupDir
    const backUp =
      existed && pending && backupDir
        ? async (at: number) => {
            if (at === 0) return
            // Read through a connection of its own: SQLite's online backup copies nothing
            // through the connection holding the write lock.
            const reader = new Database(path, { readonly: true, fileMustExist: true })
            try {
              backupPath = await migrationBackup(reader, backupDir, at)
            } finally {
              reader.close()
            }
          }
        : undefined
    await migrate(sqlite, list, options.migrationPlugins, backUp)
    if (Number(sqlite.pragma('user_version', { simple: true })) !== knownVersion) sqlite.pragma(`user_version = ${knownVersion}`)
    return { db, sqlite, backupPath, close }
  } catch (e) {
    await close()
    const known = classifyDbError(e, path)
    if (known) throw known
    throw new AppError('migration_failed', { detail: (e as Error).message })
  }
}
