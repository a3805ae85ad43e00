/** Test helpers: a real SQLite file in a fresh temp folder, the real core on top. */
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Method, Input, Output } from '../shared/contract.ts'
import { wordErrorBoth } from '../shared/messages/index.ts'
import { openCore, type Core, type CoreOptions } from './core.ts'

export const RESOURCES = resolve(import.meta.dirname, '..', '..', 'resources')

export interface TestCore extends Core {
  dir: string
  dbPath: string
  /** Calls a method and returns its value, failing the test on an error result. */
  call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>>
  dispose(): Promise<void>
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hanh-trang-test-'))
}

export async function openTestCore(options: Partial<CoreOptions> & { dir?: string } = {}): Promise<TestCore> {
  const dir = options.dir ?? tempDir()
  const dbPath = options.dbPath ?? join(dir, 'hanh-trang.sqlite')
  const core = await openCore({
    resourcesDir: RESOURCES,
    backupDir: join(dir, 'backups'),
    checkOutput: true,
    log: () => {},
    ...options,
    dbPath,
  })
  return {
    ...core,
    dir,
    dbPath,
    async call(method, input) {
      const r = await core.dispatch(method, input)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${wordErrorBoth(r.error)}`)
      return r.value as never
    },
    async dispose() {
      await core.close()
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
