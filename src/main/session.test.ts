import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { wordReason } from '../shared/messages/index.ts'
import type { AppStatus } from '../shared/contract.ts'
import type { Result } from '../shared/result.ts'
import { main } from './cli.ts'
import { openSession } from './session.ts'
import { openTestCore, RESOURCES, tempDir } from './test-support.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A register with the demo data and one backup, whose file is then damaged (its header overwritten). */
async function damagedRegister() {
  const dir = tempDir()
  dirs.push(dir)
  const core = await openTestCore({ dir })
  await core.call('demo.load')
  const backup = await core.call('backups.create')
  await core.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Sau bản sao lưu' })
  await core.close()
  const fd = openSync(core.dbPath, 'r+')
  writeSync(fd, Buffer.from('Tệp này đã hỏng.'.repeat(8)), 0, 100, 0)
  closeSync(fd)
  return { dir, dbPath: core.dbPath, backupDir: core.backupDir, backup, damagedSha: sha(core.dbPath) }
}

describe('a damaged database', () => {
  it('opens the app in recovery: the backups are listed, the chosen one restored, the damaged file kept aside', async () => {
    const r = await damagedRegister()
    const session = await openSession({ dbPath: r.dbPath, resourcesDir: RESOURCES, backupDir: r.backupDir, checkOutput: true, log: () => {} })
    const status = (await session.dispatch('app.status', undefined)) as Result<AppStatus>
    expect(status).toMatchObject({ ok: true, value: { state: 'damaged', dataPath: r.dbPath, backups: [{ fileName: r.backup.fileName, reason: 'manual' }] } })
    const problem = status.ok && status.value.state === 'damaged' ? status.value.problem : null
    expect(problem).toMatchObject({ code: 'db_damaged', reason: 'db_damaged' })
    expect(wordReason(problem!.reason, problem!.params, 'vi')).toMatch(/bị hỏng/)
    expect(wordReason(problem!.reason, problem!.params, 'en')).toMatch(/is damaged/)
    // Nothing else works on a damaged file, and nothing writes to it.
    expect(await session.dispatch('agreements.list', undefined)).toMatchObject({ ok: false, error: { code: 'db_damaged' } })
    expect(await session.dispatch('recovery.restore', { fileName: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(sha(r.dbPath)).toBe(r.damagedSha)

    const restored = await session.dispatch('recovery.restore', { fileName: r.backup.fileName })
    expect(restored.ok).toBe(true)
    const movedTo = (restored as { value: { movedTo: string } }).value.movedTo
    expect(movedTo.startsWith(join(r.dir, 'damaged'))).toBe(true)
    expect(sha(movedTo)).toBe(r.damagedSha)
    expect(await session.dispatch('app.status', undefined)).toMatchObject({ ok: true, value: { state: 'ready' } })
    const info = await session.dispatch('app.info', undefined)
    expect(info).toMatchObject({ ok: true, value: { counts: { agreements: 3 } } })
    const hits = await session.dispatch('search.query', { q: 'sau ban sao luu' })
    expect(hits).toEqual({ ok: true, value: [] })
    // The change log says how the register came back.
    const recovered = await session.core()!.db.selectFrom('auditLog').select(['entity', 'action', 'after']).where('entity', '=', 'database').execute()
    expect(recovered).toEqual([{ entity: 'database', action: 'recover', after: JSON.stringify({ from: r.backup.fileName, damagedFileMovedTo: movedTo }) }])
    await session.close()
  })

  it('can start an empty register instead, keeping the damaged file', async () => {
    const r = await damagedRegister()
    const session = await openSession({ dbPath: r.dbPath, resourcesDir: RESOURCES, backupDir: r.backupDir, log: () => {} })
    const started = await session.dispatch('recovery.startEmpty', undefined)
    expect(started.ok).toBe(true)
    expect(sha((started as { value: { movedTo: string } }).value.movedTo)).toBe(r.damagedSha)
    expect(await session.dispatch('app.info', undefined)).toMatchObject({ ok: true, value: { counts: { agreements: 0 } } })
    await session.close()
  })

  it('is restored by the command line too, moved aside rather than backed up', async () => {
    const r = await damagedRegister()
    const lines: string[] = []
    expect(await main(['--db', r.dbPath, 'restore', join(r.backupDir, r.backup.fileName)], (s) => lines.push(s))).toBe(0)
    expect(lines.join('\n')).toMatch(/bị hỏng đã được chuyển sang/)
    const [aside] = readdirSync(join(r.dir, 'damaged'))
    expect(sha(join(r.dir, 'damaged', aside!))).toBe(r.damagedSha)
    expect(await main(['--db', r.dbPath, 'check'], (s) => lines.push(s))).toBe(0)
    // The change log says so, as it does when the window recovers the register.
    const core = await openTestCore({ dir: r.dir })
    const recovered = await core.db.selectFrom('auditLog').select(['action', 'after']).where('entity', '=', 'database').execute()
    expect(recovered).toEqual([{ action: 'recover', after: JSON.stringify({ from: r.backup.fileName, damagedFileMovedTo: join(r.dir, 'damaged', aside!) }) }])
    await core.close()
  })
})

describe('backups', () => {
  it('leave no journal files beside the copy', async () => {
    const core = await openTestCore()
    dirs.push(core.dir)
    await core.call('demo.load')
    const b = await core.call('backups.create')
    expect(readdirSync(core.backupDir)).toEqual([b.fileName])
    expect(existsSync(join(core.backupDir, `${b.fileName}-wal`))).toBe(false)
    await core.close()
  })
})
