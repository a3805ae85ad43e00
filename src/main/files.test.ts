import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from './errors.ts'
import { writeFileAtomic, writeStreamAtomic } from './files.ts'
import { backupTo } from './exchange/backup.ts'
import { deadPid, fillDisk, openTestCore, SQLITE_ONLY, tempDir, tinyDisk } from './test-support.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('whole files', () => {
  it('writes every byte and returns the hash of what was written', () => {
    const dir = tempDir()
    dirs.push(dir)
    const bytes = new Uint8Array(3_000_000).map((_, i) => i % 251)
    const r = writeFileAtomic(join(dir, 'a.bin'), bytes)
    expect(r.bytes).toBe(bytes.length)
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(join(dir, 'a.bin'))).digest('hex'))
    expect(readdirSync(dir)).toEqual(['a.bin'])
  })

  // A backup copy is a SQLite file's own: a server's backups are pg_dump's.
  it.skipIf(SQLITE_ONLY)('removes what a killed write of the same file left in a folder the core does not own', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const dead = deadPid()
    const left = [`.brief.docx.${dead}-0123abcd.hanh-trang-tmp`, `.copy.sqlite.${dead}-4567cdef.hanh-trang-tmp`, `.copy.sqlite.${dead}-4567cdef.hanh-trang-tmp-journal`]
    // Not ours to remove: another file's, a live process's, the officer's own.
    const kept = [`.other.docx.${dead}-89abcdef.hanh-trang-tmp`, `.brief.docx.${process.pid}-01234567.hanh-trang-tmp`, 'brief.docx.tmp']
    for (const name of [...left, ...kept]) writeFileSync(join(dir, name), 'x')
    writeFileAtomic(join(dir, 'brief.docx'), new Uint8Array(10))
    const core = await openTestCore()
    try {
      await backupTo(core.register.file!.sqlite, join(dir, 'copy.sqlite'))
    } finally {
      await core.dispose()
    }
    expect(readdirSync(dir).sort()).toEqual([...kept, 'brief.docx', 'copy.sqlite'].sort())
  })

  it('leaves the old file and no temporary one when a stream fails half way', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const target = join(dir, 'pack.htpack')
    writeFileSync(target, 'bản cũ')
    async function* failing() {
      yield new Uint8Array(1000)
      throw new Error('the source broke')
    }
    await expect(writeStreamAtomic(target, failing())).rejects.toBeInstanceOf(AppError)
    expect(readFileSync(target, 'utf8')).toBe('bản cũ')
    expect(readdirSync(dir)).toEqual(['pack.htpack'])
  })

  it('on a full disk: says so with the path, keeps the old file, leaves nothing behind', async (t) => {
    const disk = tinyDisk('1m')
    if (disk.dir === null) return t.skip(disk.reason)
    try {
      const target = join(disk.dir, 'brief.docx')
      writeFileSync(target, 'bản cũ')
      const e = (() => {
        try {
          writeFileAtomic(target, new Uint8Array(2 * 1024 * 1024))
          return null
        } catch (x) {
          return x as AppError
        }
      })()
      expect(e?.code).toBe('disk_full')
      expect(e?.message).toContain(target)
      expect(readFileSync(target, 'utf8')).toBe('bản cũ')
      expect(readdirSync(disk.dir)).toEqual(['brief.docx'])
    } finally {
      disk.dispose()
    }
  })

  it('records no brief export whose file did not reach the disk', async (t) => {
    const disk = tinyDisk('1m')
    if (disk.dir === null) return t.skip(disk.reason)
    const core = await openTestCore()
    dirs.push(core.dir)
    try {
      await core.call('demo.load')
      const [trip] = await core.call('trips.list')
      const { exportBrief } = await import('./briefs/export.ts')
      fillDisk(disk.dir, 8 * 1024)
      await expect(exportBrief(core.ctx, trip!.id, join(disk.dir, 'brief.docx'))).rejects.toMatchObject({ code: 'disk_full' })
      expect(await core.call('briefs.exports', { tripId: trip!.id })).toEqual([])
      expect(readdirSync(disk.dir)).toEqual(['filler'])
    } finally {
      await core.close()
      disk.dispose()
    }
  })
})
