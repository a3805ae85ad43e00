import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
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

const tables = (sqlite: Database.Database) =>
  (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name)

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

async function expectRefusal(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  return error as AppError
}

describe('database', () => {
  it('runs every migration on a fresh file, with the pragmas set', async () => {
    const path = join(fresh(), 'db.sqlite')
    const { close, sqlite } = await openDatabase(path)
    expect(sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536) // 64 MB
    expect(tables(sqlite)).toEqual(expect.arrayContaining(['locality', 'agreement', 'commitment', 'engagement', 'fact', 'audit_log', 'search_doc']))
    await close()
  })

  it('applies the migrations one by one, each adding its tables', async () => {
    const expected: Record<string, string[]> = {
      '0001-create-partners': ['locality', 'locality_lineage', 'organization', 'person', 'sector', 'app_meta', 'audit_log'],
      '0002-create-agreements': ['agreement', 'agreement_party', 'agreement_signatory', 'agreement_sector', 'commitment'],
      '0003-create-engagements': ['engagement', 'engagement_participant', 'engagement_agreement', 'fact'],
      '0004-create-search': ['search_doc', 'search_fts_partner', 'search_fts_record', 'search_tri_record'],
      '0005-create-trips': ['trip', 'trip_destination', 'trip_member', 'itinerary_item', 'snippet', 'brief', 'brief_export'],
      '0006-create-attachments': ['attachment'],
      '0007-create-search-queue': ['search_queue'],
      '0008-partial-party-indexes': [], // indexes only (its own test)
      '0009-tombstones': ['tombstone'],
      '0010-person-contacts': [], // columns only
      '0011-search-trips-and-kana': [], // queues documents (its own test)
      '0012-postgres-server': [], // nothing in a file: a server's search columns and audit order
      '0013-document-exports': [], // a column only
      '0014-trip-direction': [], // columns only (its own test)
      '0015-approval-request': ['travel_rate', 'legal_basis', 'approval_request'],
      '0016-trip-outcomes-and-gifts': ['gift', 'commitment'], // commitment rebuilt (its own test)
      '0017-server-files': [], // nothing in a file: a server's stored files and presence
      '0018-search-partner-order': [], // an index only (its own test)
    }
    expect(migrations.map(([name]) => name)).toEqual(Object.keys(expected))
    const path = join(fresh(), 'db.sqlite')
    for (let k = 1; k <= migrations.length; k++) {
      const { close, sqlite } = await openDatabase(path, { migrations: migrations.slice(0, k) })
      const have = tables(sqlite)
      for (const t of expected[migrations[k - 1]![0]]!) expect(have).toContain(t)
      expect(sqlite.pragma('user_version', { simple: true })).toBe(k)
      await close()
    }
  })

  it('backs the file up before migrating it, and keeps the data', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    const old = await openDatabase(path, { migrations: migrations.slice(0, 3) })
    old.sqlite
      .prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')`)
      .run()
    await old.close()

    const { close, sqlite, backupPath } = await openDatabase(path, { backupDir: join(dir, 'backups') })
    expect(backupPath).not.toBeNull()
    expect(existsSync(backupPath!)).toBe(true)
    const copy = new Database(backupPath!, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(3)
    expect(copy.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).get()).toEqual({ value: 'kept' })
    copy.close()
    expect(sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).get()).toEqual({ value: 'kept' })
    await close()
  })

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const path = join(fresh(), 'db.sqlite')
    await (await openDatabase(path)).close()
    const raw = new Database(path)
    raw.pragma('journal_mode = DELETE')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    const before = sha(path)
    const error = await expectRefusal(openDatabase(path), 'db_from_future')
    expect(error.message).toMatch(/phiên bản Hành Trang mới hơn/)
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses a database that has a migration this build does not know', async () => {
    const path = join(fresh(), 'db.sqlite')
    const { close, sqlite } = await openDatabase(path)
    sqlite.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('0099-from-the-future', '2030-01-01')`).run()
    await close()
    await expectRefusal(openDatabase(path), 'db_from_future')
  })

  it('refuses a file that is not a database', async () => {
    const path = join(fresh(), 'db.sqlite')
    writeFileSync(path, 'Đây không phải cơ sở dữ liệu. '.repeat(200))
    const before = sha(path)
    await expectRefusal(openDatabase(path), 'db_damaged')
    expect(sha(path)).toBe(before)
  })
})
