/**
 * The database under the faults an office laptop meets: a crash in the middle of a large
 * write, another program writing at the same time, a full disk, a damaged file.
 */
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore } from '../core.ts'
import { AppError } from '../errors.ts'
import { deadPid, fillDisk, openTestCore, RESOURCES, tempDir, tinyDisk } from '../test-support.ts'
import { openDatabase } from './connection.ts'
import { wordErrorBoth } from '../../shared/messages/index.ts'

const dirs: string[] = []
const fresh = () => {
  const d = tempDir()
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const refusal = async (promise: Promise<unknown>) => {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

/** Overwrites the root page of an index with garbage, as a failing disk might. */
function damageIndex(dbPath: string): void {
  const raw = new Database(dbPath)
  const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'search_doc_title_folded'`).get() as { rootpage: number }
  const pageSize = raw.pragma('page_size', { simple: true }) as number
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.close()
  const fd = openSync(dbPath, 'r+')
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize)
  closeSync(fd)
}

describe('after a crash', () => {
  it('rolls back the hot journal of a large write instead of calling the file damaged', async () => {
    const dir = fresh()
    const path = join(dir, 'db.sqlite')
    await (await openDatabase(path)).close()
    const writer = new Database(path)
    writer.pragma('journal_mode = DELETE')
    writer.pragma('cache_size = 10') // dirty pages spill into the file before the commit
    writer.prepare(`INSERT INTO app_meta (key, value) VALUES ('kept', 'yes')`).run()
    writer.exec('BEGIN IMMEDIATE')
    const insert = writer.prepare(`INSERT INTO app_meta (key, value) VALUES (?, ?)`)
    for (let i = 0; i < 5000; i++) insert.run(`half-${i}`, 'x'.repeat(200))
    // The machine "loses power" now: the file and its journal are as they are on disk.
    const crashed = join(fresh(), 'db.sqlite')
    copyFileSync(path, crashed)
    copyFileSync(`${path}-journal`, `${crashed}-journal`)
    writer.exec('ROLLBACK')
    writer.close()

    const { sqlite, close } = await openDatabase(crashed)
    expect(sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'kept'`).get()).toEqual({ value: 'yes' })
    expect(sqlite.prepare(`SELECT count(*) AS n FROM app_meta WHERE key LIKE 'half-%'`).get()).toEqual({ n: 0 })
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok')
    await close()
  })

  it('checks the file at start only after a session that did not close, and finds damage then', async () => {
    const dir = fresh()
    const core = await openTestCore({ dir })
    await core.call('demo.load')
    await core.close()
    // A clean close: the next start does not read every page.
    const again = await openTestCore({ dir })
    expect(again.health()).toBeNull()
    await again.close()

    // A process of ours that had the file open died; meanwhile a page of an index was damaged.
    writeFileSync(join(dir, `.hanh-trang.sqlite.${deadPid()}.open`), '')
    damageIndex(again.dbPath)

    const damaged = await refusal(openTestCore({ dir }))
    expect(damaged.code).toBe('db_damaged')
    expect(damaged.message).toMatch(/bị hỏng/)
    // The damaged file was not touched further.
    expect(existsSync(again.dbPath)).toBe(true)
  })

  it('records a healthy check after an unclean end and forgets the dead marker', async () => {
    const dir = fresh()
    await (await openTestCore({ dir })).close()
    writeFileSync(join(dir, `.hanh-trang.sqlite.${deadPid()}.open`), '')
    const core = await openTestCore({ dir })
    expect(core.health()).toMatchObject({ ok: true, trigger: 'start' })
    expect(readdirSync(dir).filter((f) => f.endsWith('.open'))).toHaveLength(1) // this process's own
    await core.close()
    expect(readdirSync(dir).filter((f) => f.endsWith('.open'))).toHaveLength(0)
  })

  it('runs the health check in a worker and reports damage found there, checked again at the next start', async () => {
    const dir = fresh()
    const core = await openTestCore({ dir })
    await core.call('demo.load')
    expect(await core.call('health.check')).toMatchObject({ ok: true, detail: 'ok', trigger: 'manual' })
    expect(await core.call('app.status')).toMatchObject({ state: 'ready', health: { ok: true } })
    damageIndex(core.dbPath)
    const found = await core.call('health.check')
    expect(found.ok).toBe(false)
    expect(await core.call('app.status')).toMatchObject({ state: 'ready', health: { ok: false } })
    await core.close()
    // No crash marker, but the last check failed: the next start checks, and refuses.
    expect((await refusal(openTestCore({ dir }))).code).toBe('db_damaged')
  })

  it('removes temporary files a crashed process of ours left', async () => {
    const dir = fresh()
    const stale = join(dir, `.brief.docx.${deadPid()}-0123abcd.hanh-trang-tmp`)
    const mine = join(dir, `.brief.docx.${process.pid}-0123abcd.hanh-trang-tmp`)
    const theirs = join(dir, 'notes.tmp')
    // A backup killed while its temporary copy was open: the copy's journal, beside it.
    mkdirSync(join(dir, 'backups'))
    const journal = join(dir, 'backups', `.hanh-trang-manual-2026-01-01T00-00-00-000Z.sqlite.${deadPid()}-0123abcd.hanh-trang-tmp-journal`)
    for (const f of [stale, mine, theirs, journal]) writeFileSync(f, 'x')
    const core = await openTestCore({ dir })
    expect([existsSync(stale), existsSync(mine), existsSync(theirs), existsSync(journal)]).toEqual([false, true, true, false])
    await core.close()
  })
})

describe('two writers', () => {
  it('waits for another program writing, without freezing, then writes', async () => {
    const core = await openTestCore()
    const other = new Database(core.dbPath, { timeout: 0 })
    other.exec('BEGIN IMMEDIATE')
    let ticks = 0
    const ticker = setInterval(() => ticks++, 20)
    setTimeout(() => other.exec('COMMIT'), 600)
    const created = await core.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Kofu' })
    clearInterval(ticker)
    expect(created.id).toBeTruthy()
    expect(ticks).toBeGreaterThan(10)
    other.close()
    await core.dispose()
  })

  it('says the database is busy when the other writer does not finish in time', async () => {
    const core = await openTestCore({ busyBoundMs: 300 })
    const other = new Database(core.dbPath, { timeout: 0 })
    other.exec('BEGIN IMMEDIATE')
    const r = await core.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Kofu' })
    expect(r).toMatchObject({ ok: false, error: { code: 'busy' } })
    expect(!r.ok && wordErrorBoth(r.error)).toMatch(/đang được một chương trình khác ghi/)
    other.exec('ROLLBACK')
    other.close()
    await core.dispose()
  })

  it('lets two cores start on a new file at the same moment: one installation, its reference data once', async () => {
    const dir = fresh()
    // The schema is there (whoever migrated first); neither has made the installation yet.
    await (await openDatabase(join(dir, 'hanh-trang.sqlite'))).close()
    const [a, b] = await Promise.all([openTestCore({ dir }), openTestCore({ dir })])
    expect(a.ctx.origin).toBe(b.ctx.origin)
    const counts = (await a.call('app.info')).counts
    expect(counts.localities).toBeGreaterThan(0)
    expect((await b.call('app.info')).counts).toEqual(counts)
    await b.close()
    await a.close()
    const again = await openTestCore({ dir })
    expect((await again.call('app.info')).counts).toEqual(counts)
    await again.close()
  })

  it('lets two cores write at once, every write landing', async () => {
    const dir = fresh()
    const a = await openTestCore({ dir })
    const b = await openTestCore({ dir })
    const names = Array.from({ length: 40 }, (_, i) => `Thị trấn ${i}`)
    await Promise.all(names.map((nameVi, i) => (i % 2 ? a : b).call('localities.create', { country: 'JP', level: 'municipality', nameVi })))
    const rows = await a.db.selectFrom('locality').select('nameVi').where('nameVi', 'like', 'Thị trấn %').execute()
    expect(rows).toHaveLength(40)
    await b.close()
    await a.close()
  })
})

describe('a full disk', () => {
  it('is named as such, with the path, and changes nothing', async (t) => {
    const disk = tinyDisk('3m')
    if (disk.dir === null) return t.skip(disk.reason)
    try {
      const dbPath = join(disk.dir, 'hanh-trang.sqlite')
      const core = await openCore({ dbPath, resourcesDir: RESOURCES, backupDir: join(disk.dir, 'backups'), log: () => {} })
      const before = (await core.dispatch('app.info', undefined)) as { ok: true; value: { counts: Record<string, number> } }
      // Fill what is left of the disk.
      const filler = fillDisk(disk.dir)
      const r = await core.dispatch('demo.load', undefined)
      expect(r).toMatchObject({ ok: false, error: { code: 'disk_full' } })
      expect(!r.ok && wordErrorBoth(r.error)).toContain(dbPath)
      expect(!r.ok && wordErrorBoth(r.error)).not.toMatch(/rollback|I\/O/)
      const after = (await core.dispatch('app.info', undefined)) as { ok: true; value: { counts: Record<string, number> } }
      expect(after.value.counts).toEqual(before.value.counts)
      // With space again, the same write succeeds and the file is whole.
      rmSync(filler)
      expect(await core.dispatch('demo.load', undefined)).toMatchObject({ ok: true })
      expect(core.sqlite.pragma('quick_check', { simple: true })).toBe('ok')
      await core.close()
      expect(statSync(dbPath).size).toBeGreaterThan(0)
    } finally {
      disk.dispose()
    }
  })
})
