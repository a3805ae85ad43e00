/**
 * The application core without Electron: open the db, load reference data, build the
 * dispatcher. The Electron shell, the CLI, the e2e host and the tests all start here.
 */
import { mkdirSync } from 'node:fs'
import { userInfo } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import { createDispatcher, type Dispatch } from './api/dispatcher.ts'
import { createHandlers } from './api/handlers.ts'
import { type Ctx, newId } from './context.ts'
import type { OpenOptions } from './db/connection.ts'
import { openRegister, type Register } from './db/register.ts'
import { checkHealth, markOpen, readHealth, writeHealth, type HealthResult } from './db/health.ts'
import { SCHEMA_VERSION } from './db/migrations/index.ts'
import type { DB } from './db/schema.ts'
import { loadReferenceData } from './reference/load.ts'
import { auditEvent, queueSearch, write } from './records.ts'
import { startIndexer, type Indexer } from './search/queue.ts'
import { todayIso } from '../shared/text/dates.ts'
import { folderPlatform, type Platform } from './platform.ts'
import { ChangeFeed } from './changes.ts'
import { AppError, unexpected } from './errors.ts'
import { removeStaleTemps } from './files.ts'
import { checkRestorable, createBackup, installDatabase, type BackupInfo } from './exchange/backup.ts'
import { storedUserName } from './settings/settings.ts'
import { sessionInfo } from './office/who.ts'

export interface CoreOptions {
  /** The register's SQLite file; its folder is the data folder (letterheads, exports, attachments) either way. */
  dbPath: string
  /** The office's PostgreSQL server (`postgres://…`) instead of the file (see db/register.ts). */
  databaseUrl?: string
  /** On a server: bring its schema up to date (the administrator's commands and the tests). */
  migrateServer?: boolean
  /** The folder holding reference/ and demo/. */
  resourcesDir: string
  backupDir?: string
  version?: string
  /** Validate every output against the contract (tests). */
  checkOutput?: boolean
  /** Fixed clock (tests). */
  now?: () => Date
  migrations?: OpenOptions['migrations']
  /** For tests: plugins that see every statement the migrations run. */
  migrationPlugins?: OpenOptions['migrationPlugins']
  /** How long a write waits for another writer (ms; tests shorten it). */
  busyBoundMs?: number
  log?: (e: unknown) => void
  /** Dialogs and the file manager; by default files go to an "exports" folder beside the db. */
  platform?: Platform
}

export interface Core {
  ctx: Ctx
  /** The current database; replaced by a restore. */
  db: Kysely<DB>
  /** Where the register is and what only its kind of database can do; replaced by a restore. */
  register: Register
  dispatch: Dispatch
  /** The backup taken before migrating on open, if one was needed. */
  backupPath: string | null
  backupDir: string
  close(): Promise<void>
  restore(source: string): Promise<BackupInfo>
  /** Writes the search documents that bulk writes queued (see search/queue.ts). */
  indexer: Indexer
  /** quick_check in a worker thread; the result is kept for Settings. */
  checkHealth(trigger?: HealthResult['trigger']): Promise<HealthResult>
  /** The last check's result (at start after an unclean shutdown, in the background, or asked for). */
  health(): HealthResult | null
}

function osUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}

async function metaValue(db: Kysely<DB>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('appMeta').select('value').where('key', '=', key).executeTakeFirst())?.value
}

/** The installation id and the reference data: what every opened database must have. */
async function prepare(db: Kysely<DB>, ctx: Ctx, options: CoreOptions): Promise<void> {
  if (options.migrations) return
  await write(ctx, async (trx) => {
    const { loaded } = await loadReferenceData(trx, ctx, join(options.resourcesDir, 'reference'))
    if (!loaded) return
    for (const table of ['locality', 'organization'] as const) {
      for (const r of await trx.selectFrom(table).select('id').where('refKey', 'is not', null).execute()) await queueSearch(trx, table, r.id)
    }
  })
}

async function installationId(db: Kysely<DB>): Promise<string> {
  const existing = await metaValue(db, 'installation_id')
  if (existing) return existing
  // Another process starting on the new file at the same moment may write its id first: that one is the installation's.
  await db
    .insertInto('appMeta')
    .values({ key: 'installation_id', value: newId() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return (await metaValue(db, 'installation_id'))!
}

/** What a register on a server does not do here: it is backed up and restored by its administrator. */
const onServerOnly = (where: string) => new AppError('server_only_file', { where })

/** Our temporary files a crashed process may have left: in the data folder and the folders the core writes. */
const workFolders = (dataDir: string, backupDir: string) => [dataDir, backupDir, join(dataDir, 'attachments'), join(dataDir, 'letterheads'), join(dataDir, 'viewing'), join(dataDir, 'letterheads-fetched'), join(dataDir, 'presence')]

export async function openCore(options: CoreOptions): Promise<Core> {
  const backupDir = options.backupDir ?? join(dirname(options.dbPath), 'backups')
  const dataDir = dirname(options.dbPath)
  const onServer = options.databaseUrl !== undefined
  mkdirSync(dataDir, { recursive: true })
  removeStaleTemps(workFolders(dataDir, backupDir))
  // A file: quick_check on the start path only when a session ended without closing (or the
  // last check failed). A server looks after its own pages.
  const marker = onServer ? null : markOpen(options.dbPath)
  const check = marker !== null && (marker.unclean || readHealth(options.dbPath)?.ok === false)
  const open = (verify: boolean) =>
    openRegister(onServer ? { kind: 'postgres', url: options.databaseUrl! } : { kind: 'sqlite', path: options.dbPath }, {
      backupDir,
      check: verify,
      ...(options.migrations && { migrations: options.migrations }),
      ...(options.migrationPlugins && { migrationPlugins: options.migrationPlugins }),
      ...(options.busyBoundMs !== undefined && { busyBoundMs: options.busyBoundMs }),
      ...(options.migrateServer !== undefined && { migrate: options.migrateServer }),
    })
  const started = Date.now()
  let opened: Register
  try {
    opened = await open(check)
  } catch (e) {
    marker?.release()
    throw e
  }
  if (check) {
    writeHealth(options.dbPath, { at: new Date().toISOString(), ok: true, detail: 'ok', ms: Date.now() - started, trigger: 'start' })
    marker?.clearStale()
  }
  const clock = options.now ?? (() => new Date())
  const ctx: Ctx = {
    db: opened.db,
    // On a server, the login the server knows the officer by; in a file, the officer's name
    // from Settings (src/main/settings), else the OS user.
    actor: opened.login ?? (await storedUserName(opened.db)) ?? osUser(),
    ...(opened.login !== null && { login: opened.login }),
    origin: opened.readOnly ? ((await metaValue(opened.db, 'installation_id')) ?? '') : await installationId(opened.db),
    now: () => clock().toISOString(),
    today: () => todayIso(clock()),
  }
  if (!opened.readOnly) await prepare(opened.db, ctx, options)
  const log = options.log ?? ((e: unknown) => console.error(e))
  ctx.searchQueued = () => core.indexer.kick()
  // Every write here, and every one the database reports from elsewhere, moves the feed.
  const feed = new ChangeFeed()
  ctx.announce = (trx) => current.changes.announce(trx)
  ctx.committed = () => feed.bump()
  const watch = (register: Register) => register.changes.watch(() => feed.bump())

  const core: Core = {
    ctx,
    db: opened.db,
    register: opened,
    backupPath: opened.backupPath,
    backupDir,
    dispatch: async () => ({ ok: false, error: unexpected() }),
    close: async () => {
      await core.indexer.stop()
      await stopWatching()
      feed.close()
      await current.close()
      marker?.release()
    },
    restore,
    indexer: startIndexer(() => core.db, log),
    checkHealth: (trigger = 'manual') => checkHealth(options.dbPath, trigger),
    health: () => readHealth(options.dbPath),
  }
  let current = opened
  let stopWatching = await watch(opened)
  // Documents queued before the last quit (or a crash) are written now. (A db opened with a
  // partial migration list, in tests, may not have the queue yet.)
  if (!options.migrations && !opened.readOnly) core.indexer.kick()

  /** The file of the register, for what only a file can do (a server's backups are pg_dump's). */
  const fileOf = (register: Register) => {
    if (!register.file) throw onServerOnly(register.where)
    return register.file
  }

  /**
   * Replaces the database with a backup: the file is checked first, the current database is
   * backed up, then the copy takes its place and is opened (and migrated) like any other.
   * If anything fails, the database as it was comes back.
   */
  async function restore(source: string): Promise<BackupInfo> {
    const file = fileOf(current)
    checkRestorable(source)
    const safety = await createBackup(file, backupDir, 'before-restore', clock())
    await core.indexer.stop()
    const replaceWith = async (path: string) => {
      await stopWatching()
      await current.close()
      installDatabase(options.dbPath, path)
      current = await open(false)
      ctx.db = core.db = current.db
      core.register = current
      ctx.origin = await installationId(current.db)
      // The restored register's settings are its own: its officer's name among them.
      ctx.actor = (await storedUserName(current.db)) ?? osUser()
      await prepare(current.db, ctx, options)
      stopWatching = await watch(current)
      feed.bump()
    }
    try {
      await replaceWith(source)
      // The restored register remembers where it came from.
      await write(ctx, (trx) => auditEvent(trx, ctx, 'database', 'restore', { from: basename(source), safetyCopy: safety.fileName }))
    } catch (e) {
      await replaceWith(safety.path)
      throw e instanceof AppError ? e : new AppError('restore_failed', { detail: (e as Error).message })
    } finally {
      core.indexer.kick()
    }
    return safety
  }

  const handlers = createHandlers({
    version: options.version ?? '0.0.0',
    dataPath: options.dbPath,
    resourcesDir: options.resourcesDir,
    schemaVersion: SCHEMA_VERSION,
    changes: feed,
    platform: options.platform ?? folderPlatform(join(dirname(options.dbPath), 'exports')),
    dataDir: dirname(options.dbPath),
    searchIndex: core.indexer,
    health: { check: () => core.checkHealth('manual'), last: () => core.health() },
    session: () => sessionInfo(core.register, ctx),
    backups: {
      dir: backupDir,
      create: () => createBackup(fileOf(core.register), backupDir, 'manual', clock()),
      restore,
    },
  })
  core.dispatch = createDispatcher(ctx, handlers, { checkOutput: options.checkOutput, log, classify: (e) => core.register.classify(e) })
  return core
}
