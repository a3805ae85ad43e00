import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support.ts'
import { openDatabase } from './connection.ts'
import { migrations, SCHEMA_VERSION } from './migrations/index.ts'

const dirs: string[] = []
const fresh = () => {
  const d = tempDir()
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Counts the statements the migrations run, and throws at the `failAt`-th (1-based). */
class Statements implements KyselyPlugin {
  count = 0
  private readonly failAt: number
  constructor(failAt = 0) {
    this.failAt = failAt
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++
    if (this.count === this.failAt) throw new Error(`injected failure at statement ${this.count}`)
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

/** The schema as SQLite keeps it: every object's definition, and the version. */
function schemaOf(path: string) {
  const db = new Database(path, { readonly: true })
  try {
    const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all()
    const applied = db.prepare(`SELECT name FROM kysely_migration ORDER BY name`).all()
    return { objects, applied, version: db.pragma('user_version', { simple: true }) }
  } finally {
    db.close()
  }
}

describe('migrations', () => {
  it('commit with their version: a failure at any statement leaves whole migrations, and the next start finishes', async () => {
    const reference = join(fresh(), 'reference.sqlite')
    const counter = new Statements()
    await (await openDatabase(reference, { migrationPlugins: [counter] })).close()
    const expected = schemaOf(reference)
    expect(expected.version).toBe(SCHEMA_VERSION)
    expect(counter.count).toBeGreaterThan(40)

    for (let failAt = 1; failAt <= counter.count; failAt++) {
      const path = join(fresh(), 'db.sqlite')
      await expect(openDatabase(path, { migrationPlugins: [new Statements(failAt)] })).rejects.toThrow(/Nâng cấp cơ sở dữ liệu thất bại/)
      // What the failed start left: only whole migrations, each with its version.
      const partial = schemaOf(path)
      expect(partial.version).toBe(partial.applied.length)
      const names = migrations.slice(0, partial.applied.length).map(([n]) => ({ name: n }))
      expect(partial.applied).toEqual(names)
      // The next start opens and finishes.
      await (await openDatabase(path)).close()
      expect(schemaOf(path)).toEqual({ ...expected, applied: expected.applied })
    }
  })

  it('backs an old file up once per version, however many starts fail', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    const backupDir = join(dir, 'backups')
    await (await openDatabase(path, { migrations: migrations.slice(0, 4) })).close()
    // Every statement of migration 0005 fails: the start fails, twice.
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(openDatabase(path, { backupDir, migrationPlugins: [new Statements(2)] })).rejects.toThrow()
    }
    expect(readdirSync(backupDir).filter((f) => f.startsWith('hanh-trang-truoc-nang-cap-v4-'))).toHaveLength(1)
    expect(readdirSync(backupDir).filter((f) => !f.endsWith('.sqlite'))).toEqual([])
    const opened = await openDatabase(path, { backupDir })
    expect(opened.backupPath).toMatch(/truoc-nang-cap-v4-/)
    await opened.close()
    expect(readdirSync(backupDir)).toHaveLength(1)
    // The copy is a whole v4 file with no journal files beside it.
    const copy = new Database(opened.backupPath!, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(4)
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
  })

  it('leave the version as it was when a start fails part-way through an upgrade: the next start makes no second backup', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    const backupDir = join(dir, 'backups')
    // How many statements migration 0005 runs: the failure goes into 0006, after 0005 ran.
    const probe = join(dir, 'probe.sqlite')
    await (await openDatabase(probe, { migrations: migrations.slice(0, 4) })).close()
    const counter = new Statements()
    await (await openDatabase(probe, { migrations: migrations.slice(0, 5), migrationPlugins: [counter] })).close()

    const old = await openDatabase(path, { migrations: migrations.slice(0, 4) })
    old.sqlite.prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')`).run()
    await old.close()
    await expect(openDatabase(path, { backupDir, migrationPlugins: [new Statements(counter.count + 1)] })).rejects.toThrow()
    expect(schemaOf(path).version).toBe(4)
    const opened = await openDatabase(path, { backupDir })
    await opened.close()
    expect(readdirSync(backupDir)).toEqual([expect.stringMatching(/^hanh-trang-truoc-nang-cap-v4-/)])
    expect(opened.backupPath).toBe(join(backupDir, readdirSync(backupDir)[0]!))
  })

  it('run once when two processes start on a new file at the same moment', async () => {
    const path = join(fresh(), 'db.sqlite')
    const both = await Promise.all([openDatabase(path), openDatabase(path)])
    for (const o of both) await o.close()
    expect(schemaOf(path).version).toBe(SCHEMA_VERSION)
    expect(schemaOf(path).applied).toHaveLength(SCHEMA_VERSION)
  })

  it('run once, after one backup, when two processes upgrade an old file at the same moment', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    const backupDir = join(dir, 'backups')
    const old = await openDatabase(path, { migrations: migrations.slice(0, 4) })
    old.sqlite.prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')`).run()
    await old.close()
    const both = await Promise.all([openDatabase(path, { backupDir }), openDatabase(path, { backupDir })])
    for (const o of both) await o.close()
    expect(schemaOf(path).version).toBe(SCHEMA_VERSION)
    expect(readdirSync(backupDir)).toHaveLength(1)
    expect(both.map((o) => o.backupPath).filter(Boolean)).toHaveLength(1)
  })
})

describe('two processes opening one old file', () => {
  it('migrate it once: the second waits for the first and finds the work done', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    await (await openDatabase(path, { migrations: migrations.slice(0, 3) })).close()
    const [a, b] = await Promise.all([openDatabase(path), openDatabase(path)])
    expect(schemaOf(path).version).toBe(SCHEMA_VERSION)
    expect(schemaOf(path).applied).toHaveLength(SCHEMA_VERSION)
    await a.close()
    await b.close()
  })
})
