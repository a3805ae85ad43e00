import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../cli.ts'
import { SCHEMA_VERSION } from '../db/migrations/index.ts'
import { openTestCore, SQLITE_ONLY, tempDir, type TestCore } from '../test-support.ts'
import { DAILY_KEEP, ensureDailyBackup, listBackups } from './backup.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore()
})
afterEach(() => core.dispose())

const counts = async (c: TestCore) => (await c.call('app.info')).counts

// A SQLite file's backups: a server's are pg_dump's, and its backup button makes a pack.
describe.skipIf(SQLITE_ONLY)('backup and restore', () => {
  it('backs up, then restores the same records, backing the current data up first', async () => {
    await core.call('demo.load')
    const before = await counts(core)
    const backup = await core.call('backups.create')
    expect(backup.reason).toBe('manual')
    const copy = new Database(join(core.backupDir, backup.fileName), { readonly: true })
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
    copy.close()

    // Work goes on after the backup...
    await core.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Làng Thử Nghiệm' })
    await core.call('agreements.delete', { id: '01936d00-0000-7000-8000-000300000001' })
    expect((await counts(core)).agreements).toBe(before.agreements - 1)

    // ...and is undone by the restore, which first saves it.
    const safety = await core.call('backups.restore', { fileName: backup.fileName })
    expect(safety.reason).toBe('before-restore')
    expect(await counts(core)).toEqual(before)
    expect(await core.call('search.query', { q: 'lang thu nghiem' })).toEqual([])
    expect((await core.call('agreements.get', { id: '01936d00-0000-7000-8000-000300000001' })).titleVi).toMatch(/Hà Nam/)
    const saved = new Database(join(core.backupDir, safety.fileName), { readonly: true })
    expect(saved.prepare(`SELECT count(*) AS n FROM locality WHERE name_vi = 'Làng Thử Nghiệm'`).get()).toEqual({ n: 1 })
    saved.close()
    expect(await core.ctx.db.selectFrom('auditLog').select(['action', 'after']).where('entity', '=', 'database').execute()).toEqual([
      { action: 'restore', after: JSON.stringify({ from: backup.fileName, safetyCopy: safety.fileName }) },
    ])
    // The restored database takes writes as usual.
    await core.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Fujiyoshida' })
  })

  it('refuses a file that is not a Hành Trang database, or one from a newer version, and changes nothing', async () => {
    await core.call('demo.load')
    const before = await counts(core)
    const dir = tempDir()
    const other = join(dir, 'other.sqlite')
    const db = new Database(other)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const garbage = join(dir, 'garbage.sqlite')
    writeFileSync(garbage, 'không phải cơ sở dữ liệu')
    const backup = await core.call('backups.create')
    const future = join(dir, 'future.sqlite')
    const { copyFileSync } = await import('node:fs')
    copyFileSync(join(core.backupDir, backup.fileName), future)
    const f = new Database(future)
    f.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    f.close()

    await expect(core.restore(other)).rejects.toThrow(/không phải tệp dữ liệu Hành Trang/)
    await expect(core.restore(garbage)).rejects.toThrow(/không phải tệp dữ liệu Hành Trang/)
    await expect(core.restore(future)).rejects.toThrow(/phiên bản Hành Trang mới hơn/)
    expect(await counts(core)).toEqual(before)
    expect(listBackups(core.backupDir).filter((b) => b.reason === 'before-restore')).toEqual([])
  })

  it('keeps one daily backup a day, for seven days', async () => {
    for (let day = 1; day <= 10; day++) {
      const now = new Date(`2026-11-${String(day).padStart(2, '0')}T08:00:00Z`)
      expect(await ensureDailyBackup(core.register.file!.sqlite, core.backupDir, now)).not.toBeNull()
      expect(await ensureDailyBackup(core.register.file!.sqlite, core.backupDir, now)).toBeNull()
    }
    const daily = listBackups(core.backupDir).filter((b) => b.reason === 'daily')
    expect(daily).toHaveLength(DAILY_KEEP)
    expect(daily[0]!.at.startsWith('2026-11-10')).toBe(true)
    expect(daily.at(-1)!.at.startsWith('2026-11-04')).toBe(true)
  })

  it('backs up and restores from the command line', async () => {
    await core.call('demo.load')
    await core.close()
    const out = join(tempDir(), 'copy.sqlite')
    const lines: string[] = []
    expect(await main([...core.cliPlace, 'backup', '--out', out], (s) => lines.push(s))).toBe(0)
    expect(existsSync(out)).toBe(true)
    const target = join(tempDir(), 'restored.sqlite')
    expect(await main(['--db', target, 'restore', out], (s) => lines.push(s))).toBe(0)
    const restored = new Database(target, { readonly: true })
    expect(restored.prepare('SELECT count(*) AS n FROM agreement').get()).toEqual({ n: 3 })
    restored.close()
    core = await openTestCore({ dir: core.dir, dbPath: core.dbPath })
  })
})
