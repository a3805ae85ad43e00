/** Test helpers: a real SQLite file in a fresh temp folder, the real core on top. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Method, Input, Output } from '../shared/contract.ts'
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
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.details ?? [])}`)
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
