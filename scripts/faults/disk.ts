/**
 * A full disk: a small tmpfs (where the machine lets root mount one; skipped, with the
 * reason, elsewhere), filled to the last few bytes. Exports, backups and imports onto it
 * must fail with the code disk_full and a message naming the path (not "disk I/O error",
 * not "cannot rollback", never a success over a short write), leave the older file as it
 * was and no temporary file, and leave the database healthy and as it was.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fixtures, DB } from './fixtures.ts'
import { TRIP, cli, copyDb, diffSnapshot, healthyStart, nextStart, runChild, strays, type Harness } from './lib.ts'

const OLD = 'an older file on the full disk: it must stay as it is\n'

/** Mounts a tmpfs of `size` on a fresh folder, or says why not. */
function mountTiny(h: Harness, size: string): { dir: string; dispose(): void } | { reason: string } {
  const dir = h.dir('tmpfs')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (e) {
    const why = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim()
    return { reason: `no tmpfs mount here (${why || 'refused'}${process.getuid?.() === 0 ? '' : '; not root'})` }
  }
  return {
    dir,
    dispose: () => {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      } catch {
        // already gone
      }
    },
  }
}

/** Fills the disk holding `dir`, leaving about `leave` bytes free. */
function fill(dir: string, leave: number): string {
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

const empty = (dir: string) => {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true })
}

export async function fullDisk(h: Harness): Promise<void> {
  const scenario = 'disk'
  const disk = mountTiny(h, '8m')
  if ('reason' in disk) return h.skip(scenario, disk.reason)
  try {
    const f = await fixtures(h)
    // Full to the last byte, or to the last few KB (a write then starts and comes up short).
    const leave = () => (h.opts.quick || h.rng.next() < 0.5 ? 0 : h.rng.int(1, 6) * 1024)

    // Files written onto the full disk from a database elsewhere.
    const exports: Array<{ name: string; file: string; args: (out: string) => string[] }> = [
      { name: 'brief export', file: 'brief.docx', args: (out) => ['brief', 'export', '--trip', TRIP, '--out', out] },
      { name: 'pack export', file: 'all.htpack', args: (out) => ['pack', 'export', '--out', out] },
      { name: 'report', file: 'register.xlsx', args: (out) => ['report', 'agreements', '--out', out] },
      { name: 'backup', file: 'copy.sqlite', args: (out) => ['backup', '--out', out] },
    ]
    for (const e of exports) {
      const free = leave()
      if (!h.matches(`${scenario}/${e.name}`)) continue
      await h.run(`${scenario}/${e.name}`, async () => {
        const sc = `${scenario}/${e.name}`
        const what = `${e.name} onto a full disk (${free} bytes free)`
        const dir = h.dir(`disk-${e.name}`)
        const dbPath = join(dir, DB)
        copyDb(f.demo, dbPath)
        empty(disk.dir)
        const target = join(disk.dir, e.file)
        writeFileSync(target, OLD)
        const filler = fill(disk.dir, free)
        const r = await runChild(h, { args: cli(dbPath, ...e.args(target)) })
        if (r.code === 0) h.fail(sc, `${what}: reported success`)
        else {
          if (r.errorCode !== 'disk_full') h.fail(sc, `${what}: error code ${r.errorCode}, not disk_full: ${r.stderr.replace(/^@fault.*\n/gm, '').trim().slice(0, 300)}`)
          if (!r.stderr.includes(target)) h.fail(sc, `${what}: the message does not name ${target}: ${r.stderr.replace(/^@fault.*\n/gm, '').trim().slice(0, 300)}`)
        }
        if (readFileSync(target, 'utf8') !== OLD) h.fail(sc, `${what}: the older ${e.file} was changed`)
        for (const s of strays(disk.dir)) h.leave(sc, `${what}: ${s} on the full disk`)
        rmSync(filler)
        const s = await healthyStart(h, sc, dbPath, what)
        if (s && diffSnapshot(s.snapshot, f.demoState)) h.fail(sc, `${what}: the database changed: ${diffSnapshot(s.snapshot, f.demoState)}`)
      })
    }

    // The database itself on the full disk: imports into it.
    const imports: Array<{ name: string; args: () => string[] }> = [
      { name: 'pack import', args: () => ['pack', 'import', f.pack] },
      { name: 'sheet import', args: () => ['import', f.sheet, '--kind', 'agreements'] },
      { name: 'sample data', args: () => ['demo', 'load'] },
    ]
    for (const imp of imports) {
      const free = leave()
      const sc = `${scenario}/${imp.name}`
      if (!h.matches(sc)) continue
      await h.run(sc, async () => {
        const what = `${imp.name} into a database on a full disk (${free} bytes free)`
        empty(disk.dir)
        const dbPath = join(disk.dir, 'data', DB)
        mkdirSync(dirname(dbPath))
        copyDb(imp.name === 'sample data' ? f.fresh : f.demo, dbPath)
        const expected = imp.name === 'sample data' ? f.freshState : f.demoState
        // The file as the last session left it (WAL checkpointed), then the disk fills.
        await nextStart(h, dbPath)
        const filler = fill(disk.dir, free)
        const r = await runChild(h, { args: cli(dbPath, ...imp.args()) })
        const message = r.stderr.replace(/^@fault.*\n/gm, '').trim().slice(0, 300)
        if (r.code === 0) h.fail(sc, `${what}: reported success`)
        else {
          if (r.errorCode !== 'disk_full') h.fail(sc, `${what}: error code ${r.errorCode}, not disk_full: ${message}`)
          if (!message.includes(dirname(dbPath))) h.fail(sc, `${what}: the message does not name the data folder: ${message}`)
          if (/rollback|I\/O|locked/i.test(message)) h.fail(sc, `${what}: SQLite's words reached the officer: ${message}`)
        }
        // Still full: the next start may refuse (disk_full) but must not call the file damaged.
        try {
          await nextStart(h, dbPath)
        } catch (e) {
          const code = (e as { code?: string }).code
          if (code !== 'disk_full') h.fail(sc, `${what}: a start on the still-full disk failed with ${code}: ${(e as Error).message.slice(0, 200)}`)
        }
        rmSync(filler)
        const s = await healthyStart(h, sc, dbPath, `${what}, space freed`)
        if (s && diffSnapshot(s.snapshot, expected)) h.fail(sc, `${what}: the database changed: ${diffSnapshot(s.snapshot, expected)}`)
        for (const x of strays(disk.dir)) h.leave(sc, `${what}: ${x} on the disk after the next start`)
      })
    }
  } finally {
    disk.dispose()
  }
}
