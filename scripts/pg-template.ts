/**
 * Databases on a test server: a template with the schema and the reference data (made once
 * per run), and a fresh database copied from it for each core (a unit test's, an e2e
 * test's), dropped at the end. Used by scripts/test-postgres.ts and the e2e PostgreSQL
 * project (e2e/postgres.setup.ts, e2e/host/server.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { openCore } from '../src/main/core.ts'

export const TEMPLATE = 'hanh_trang_template'

/** The same server's address with another database in its path. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(serverUrl)
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** (Re)creates `name` on the server, migrated by the core as `cli server migrate` does, with the reference data. */
export async function prepareTemplate(serverUrl: string, name = TEMPLATE): Promise<void> {
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0`)
  })
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-template-'))
  try {
    const core = await openCore({ dbPath: join(dir, 'unused.sqlite'), databaseUrl: databaseUrl(serverUrl, name), migrateServer: true, resourcesDir: resolve(import.meta.dirname, '..', 'resources'), log: () => {} })
    await core.indexer.idle()
    await core.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

export interface ServerDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** A new database copied from `template` (a register with the schema and reference data, nothing else). */
export async function databaseFromTemplate(serverUrl: string, template = TEMPLATE): Promise<ServerDatabase> {
  const name = `e_${randomBytes(6).toString('hex')}`
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
  return { name, url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) }
}
