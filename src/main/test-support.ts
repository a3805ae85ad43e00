/**
 * Test helpers: a real SQLite file in a fresh temp folder, the real core on top; or, when
 * the suite runs against PostgreSQL (scripts/test-postgres.ts sets
 * HANH_TRANG_TEST_DATABASE_URL), a fresh database on that server for each core, made from
 * a template that already has the schema and the reference data.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Method, Input, Output } from '../shared/contract.ts'
import { wordErrorBoth } from '../shared/messages/index.ts'
import { openCore, type Core, type CoreOptions } from './core.ts'

export const RESOURCES = resolve(import.meta.dirname, '..', '..', 'resources')

export interface TestCore extends Core {
  dir: string
  dbPath: string
  /** The command line's arguments for this core's register: its file, or its server database. */
  cliPlace: string[]
  /** Calls a method and returns its value, failing the test on an error result. */
  call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>>
  dispose(): Promise<void>
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hanh-trang-test-'))
}

/** The server the suite runs against, when it does (else each core has its own SQLite file). */
export const testServer = process.env.HANH_TRANG_TEST_DATABASE_URL
/** Which database this run of the suite is on: tests of what only one of them has skip on the other. */
export const testDialect: 'sqlite' | 'postgres' = testServer ? 'postgres' : 'sqlite'
export const SQLITE_ONLY = testDialect !== 'sqlite'

export interface ServerDatabase {
  url: string
  drop(): Promise<void>
}
/** The server database of each data folder: a core opened again on the same folder finds the same register. */
const serverDatabases = new Map<string, ServerDatabase>()

/** A new database on the test server: from the template (schema and reference data), or empty for migration tests. */
export async function serverDatabase(empty: boolean): Promise<ServerDatabase> {
  const admin = new pg.Client(testServer)
  await admin.connect()
  const name = `t_${randomBytes(6).toString('hex')}`
  try {
    const template = empty ? 'template0' : (process.env.HANH_TRANG_TEST_TEMPLATE ?? 'template0')
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  } finally {
    await admin.end()
  }
  const url = new URL(testServer!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client(testServer)
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

export async function openTestCore(options: Partial<CoreOptions> & { dir?: string } = {}): Promise<TestCore> {
  const dir = options.dir ?? tempDir()
  const dbPath = options.dbPath ?? join(dir, 'hanh-trang.sqlite')
  let server: ServerDatabase | null = null
  if (testServer && !options.dbPath && !options.databaseUrl) {
    server = serverDatabases.get(dir) ?? (await serverDatabase(options.migrations !== undefined))
    serverDatabases.set(dir, server)
  }
  const core = await openCore({
    resourcesDir: RESOURCES,
    backupDir: join(dir, 'backups'),
    checkOutput: true,
    log: () => {},
    ...(server && { databaseUrl: server.url, migrateServer: true }),
    ...options,
    dbPath,
  })
  return {
    ...core,
    dir,
    dbPath,
    cliPlace: server ? ['--db', dbPath, '--server', server.url] : ['--db', dbPath],
    async call(method, input) {
      const r = await core.dispatch(method, input)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${wordErrorBoth(r.error)}`)
      return r.value as never
    },
    async dispose() {
      await core.close()
      await server?.drop()
      serverDatabases.delete(dir)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Ids of reference records by ref_key ("vn-2025-thanh-hoa", "jp-pref-19"...). */
export async function refId(core: Core, refKey: string): Promise<string> {
  const row = await core.db.selectFrom('locality').select('id').where('refKey', '=', refKey).executeTakeFirstOrThrow()
  return row.id
}

/**
 * A tiny disk: a tmpfs of `size` mounted on a fresh folder, to fill up on purpose. Null
 * (with the reason) where the machine refuses the mount (not root, no tmpfs); tests then
 * skip with that reason.
 */
export function tinyDisk(size = '2m'): { dir: string; dispose(): void } | { dir: null; reason: string } {
  const dir = tempDir()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    return { dir: null, reason: `no tmpfs mount here (${String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim() || 'refused'})` }
  }
  return {
    dir,
    dispose() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The pid of a process that has ended (for markers left by a "crashed" process). */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

/** Fills the disk holding `dir` with a file of zeros, leaving about `leave` bytes free. */
export function fillDisk(dir: string, leave = 0): string {
  const path = join(dir, 'filler')
  const fd = openSync(path, 'w')
  try {
    for (let size = 1 << 20; size >= 512; ) {
      try {
        writeSync(fd, Buffer.alloc(size))
      } catch {
        size >>= 1
      }
    }
  } finally {
    closeSync(fd)
  }
  if (leave > 0) truncateSync(path, Math.max(0, statSync(path).size - leave))
  return path
}
