/**
 * Two officers on one register, for the tests of working together: on PostgreSQL two cores
 * on one server database, each logged in as an officer of its own (`server add-officer`)
 * with a data folder of its own, so that nothing passes between them but the server; on
 * SQLite two cores on the same file (two windows), told apart by the officer's name.
 */
import { join } from 'node:path'
import pg from 'pg'
import { openCore, type CoreOptions } from './core.ts'
import { addOfficer, initServerRoles } from './db/dialect/postgres/roles.ts'
import { RESOURCES, openTestCore, serverDatabase, tempDir, testServer, type TestCore } from './test-support.ts'

export interface Office {
  a: TestCore
  b: TestCore
  /** The officers' logins (on SQLite, their names). */
  logins: [string, string]
  /** On a server: the first officer's connection (for the command line). */
  url: string | null
  dispose(): Promise<void>
}

const as = (url: string, login: string) => {
  const u = new URL(url)
  u.username = login
  u.password = 'unused-with-trust-auth'
  return u.toString()
}

export async function twoOfficers(options: [Partial<CoreOptions>, Partial<CoreOptions>] = [{}, {}]): Promise<Office> {
  const suffix = Math.random().toString(36).slice(2, 8)
  const logins: [string, string] = [`lan_${suffix}`, `minh_${suffix}`]
  if (!testServer) {
    const dir = tempDir()
    const a = await openTestCore({ ...options[0], dir })
    const b = await openTestCore({ ...options[1], dir })
    a.ctx.actor = logins[0]
    b.ctx.actor = logins[1]
    return {
      a,
      b,
      logins,
      url: null,
      async dispose() {
        await b.close()
        await a.dispose()
      },
    }
  }
  const db = await serverDatabase(false)
  const admin = await openCore({ dbPath: join(tempDir(), 'admin.sqlite'), databaseUrl: db.url, migrateServer: true, resourcesDir: RESOURCES, log: () => {} })
  try {
    await initServerRoles(admin.db)
    for (const login of logins) await addOfficer(admin.db, login)
  } finally {
    await admin.close()
  }
  const a = await openTestCore({ ...options[0], databaseUrl: as(db.url, logins[0]) })
  const b = await openTestCore({ ...options[1], databaseUrl: as(db.url, logins[1]) })
  return {
    a,
    b,
    logins,
    url: as(db.url, logins[0]),
    async dispose() {
      await a.dispose()
      await b.dispose()
      await db.drop()
      const c = new pg.Client(testServer)
      await c.connect()
      try {
        for (const login of logins) await c.query(`DROP ROLE IF EXISTS ${login}`)
      } finally {
        await c.end()
      }
    },
  }
}
