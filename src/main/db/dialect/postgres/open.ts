/**
 * Opening the register on an office's PostgreSQL server: a pool of connections through
 * Kysely's PostgresDialect, numbers read as numbers, and the schema checked against this
 * build. Only the administrator's commands migrate (`migrate: true`); an app or CLI that
 * finds the server at another schema version opens it read-only and says so, so that no
 * build writes to tables it does not know.
 */
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { migrations as allMigrations } from '../../migrations/index.ts'
import type { MigrationList } from '../../migrate.ts'
import type { DB } from '../../schema.ts'
import { classifyServerError, isTooManyConnections } from './errors.ts'
import { migratePostgres, schemaState } from './migrate.ts'

/** bigint (count(*), identity columns) and numeric come back as numbers, as SQLite gives them. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v))
    return pg.types.getTypeParser(oid, format)
  },
}

export interface PostgresOpenOptions {
  url: string
  migrations?: MigrationList
  /** Bring the schema up to date (the administrator's commands and the tests), instead of refusing writes. */
  migrate?: boolean
  /** Connections in the pool (the app: a few; the load bench: one per officer). */
  poolSize?: number
}

export interface PostgresOpened {
  db: Kysely<DB>
  /** "host:port/database", for messages: never the password. */
  where: string
  /** Why writes are refused, when they are: the server's schema is not this build's. */
  readOnly: { server: number; app: number } | null
  close(): Promise<void>
}

/** The server named without its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || 5432}${u.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

/** How long, in all, a call waits for a connection the server has no room for yet. */
export const BUSY_WAIT_MS = 3000

/**
 * A pool that waits a moment for a server that has no connection left (SQLSTATE 53300:
 * max_connections, or a login's or database's CONNECTION LIMIT, reached while a colleague's
 * app holds its connections), trying again every 50 ms to 0.5 s for up to BUSY_WAIT_MS.
 * Nothing has run on a connection that was never opened, so trying again is safe; past the
 * wait the refusal is said as the server being busy (errors.ts).
 */
class PatientPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback)
    return this.connectPatiently()
  }

  private async connectPatiently(): Promise<pg.PoolClient> {
    const until = Date.now() + BUSY_WAIT_MS
    for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
      try {
        return await super.connect()
      } catch (e) {
        if (!isTooManyConnections(e) || Date.now() + pause > until) throw e
        await new Promise((r) => setTimeout(r, pause))
      }
    }
  }
}

function pool(url: string, size: number, readOnly: boolean): pg.Pool {
  const p = new PatientPool({
    connectionString: url,
    max: size,
    types,
    application_name: 'hanh-trang',
    // A server whose schema is not this build's is read: every transaction is read-only, so
    // the server itself refuses a write (SQLSTATE 25006), whatever path it comes by.
    ...(readOnly && { options: '-c default_transaction_read_only=on' }),
  })
  // An idle connection the server closes (a restart, an administrator ending sessions) is
  // dropped from the pool, and the next query opens another; it must not end the process.
  p.on('error', () => {})
  return p
}

export async function openPostgres(options: PostgresOpenOptions): Promise<PostgresOpened> {
  const list = options.migrations ?? allMigrations
  const size = options.poolSize ?? 4
  // Migrations name SQL as it is: no camel-case plugin on this connection.
  const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: pool(options.url, 1, false) }) })
  let readOnly: PostgresOpened['readOnly'] = null
  try {
    if (options.migrate) await migratePostgres(admin, list)
    const state = await schemaState(admin, list)
    if (state.pending.length > 0 || state.unknown.length > 0) readOnly = { server: state.applied.length, app: list.length }
  } catch (e) {
    // A server that cannot be reached, or refuses the login, is said as such.
    throw classifyServerError(e, describeUrl(options.url), null) ?? e
  } finally {
    await admin.destroy()
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(options.url, size, readOnly !== null) }), plugins: [new CamelCasePlugin()] })
  return { db, where: describeUrl(options.url), readOnly, close: () => db.destroy() }
}
