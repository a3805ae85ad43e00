/**
 * The application core without Electron: open the db, load reference data, build the
 * dispatcher. The Electron shell, the CLI, the e2e host and the tests all start here.
 */
import { userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { createDispatcher, type Dispatch } from './api/dispatcher.ts'
import { createHandlers } from './api/handlers.ts'
import { type Ctx, newId } from './context.ts'
import { openDatabase, type OpenOptions } from './db/connection.ts'
import { SCHEMA_VERSION } from './db/migrations/index.ts'
import type { DB } from './db/schema.ts'
import { loadReferenceData } from './reference/load.ts'
import { indexLocality, indexOrganization } from './search/documents.ts'
import { todayIso } from '../shared/text/dates.ts'
import { folderPlatform, type Platform } from './platform.ts'

export interface CoreOptions {
  dbPath: string
  /** The folder holding reference/ and demo/. */
  resourcesDir: string
  backupDir?: string
  version?: string
  /** Validate every output against the contract (tests). */
  checkOutput?: boolean
  /** Fixed clock (tests). */
  now?: () => Date
  migrations?: OpenOptions['migrations']
  log?: (e: unknown) => void
  /** Dialogs and the file manager; by default files go to an "exports" folder beside the db. */
  platform?: Platform
}

export interface Core {
  ctx: Ctx
  db: Kysely<DB>
  sqlite: Database.Database
  dispatch: Dispatch
  backupPath: string | null
  close(): Promise<void>
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

export async function openCore(options: CoreOptions): Promise<Core> {
  const { db, sqlite, backupPath, close } = await openDatabase(options.dbPath, {
    backupDir: options.backupDir,
    ...(options.migrations && { migrations: options.migrations }),
  })
  let origin = await metaValue(db, 'installation_id')
  if (!origin) {
    origin = newId()
    await db.insertInto('appMeta').values({ key: 'installation_id', value: origin }).execute()
  }
  const clock = options.now ?? (() => new Date())
  const ctx: Ctx = {
    db,
    actor: (await metaValue(db, 'user_name')) ?? osUser(),
    origin,
    now: () => clock().toISOString(),
    today: () => todayIso(clock()),
  }
  if (!options.migrations) {
    await db.transaction().execute(async (trx) => {
      const { loaded } = await loadReferenceData(trx, ctx, join(options.resourcesDir, 'reference'))
      if (!loaded) return
      for (const r of await trx.selectFrom('locality').select('id').where('refKey', 'is not', null).execute()) await indexLocality(trx, r.id)
      for (const r of await trx.selectFrom('organization').select('id').where('refKey', 'is not', null).execute()) await indexOrganization(trx, r.id)
    })
  }
  const handlers = createHandlers({
    version: options.version ?? '0.0.0',
    dataPath: options.dbPath,
    resourcesDir: options.resourcesDir,
    schemaVersion: SCHEMA_VERSION,
    platform: options.platform ?? folderPlatform(join(dirname(options.dbPath), 'exports')),
    dataDir: dirname(options.dbPath),
  })
  const dispatch = createDispatcher(ctx, handlers, { checkOutput: options.checkOutput, log: options.log ?? ((e) => console.error(e)) })
  return {
    ctx,
    db,
    sqlite,
    dispatch,
    backupPath,
    close,
  }
}
