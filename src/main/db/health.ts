/**
 * Is the database file healthy? `quick_check` reads every page: 3 s on a register of
 * 100,000 agreements, so it is kept off the start path. It runs at start only when the
 * last session did not end cleanly (a process of ours left its marker and is gone) or the
 * last check found a fault; otherwise in a worker thread after the first screen and then
 * daily, its result kept beside the database for Settings to show.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { writeFileAtomic } from '../files.ts'

export interface HealthResult {
  at: string
  ok: boolean
  /** quick_check's first line, or the error that stopped it. */
  detail: string
  ms: number
  /** 'start' (after an unclean shutdown), 'background' or 'manual'. */
  trigger: 'start' | 'background' | 'manual'
}

const healthPath = (dbPath: string) => `${dbPath}.health.json`

export function readHealth(dbPath: string): HealthResult | null {
  try {
    return JSON.parse(readFileSync(healthPath(dbPath), 'utf8')) as HealthResult
  } catch {
    return null
  }
}

export function writeHealth(dbPath: string, result: HealthResult): void {
  try {
    writeFileAtomic(healthPath(dbPath), new TextEncoder().encode(JSON.stringify(result)))
  } catch {
    // A full disk must not stop the app from starting; the next check writes it again.
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface OpenMarker {
  /** A process that had the file open ended without closing it (a crash, a kill, a power cut). */
  unclean: boolean
  /** Forgets the markers of the processes that crashed (after the check at start passed). */
  clearStale(): void
  /** Removes this process's marker: a clean close. */
  release(): void
}

/** Marks the database as open by this process (a file beside it named with the pid). */
export function markOpen(dbPath: string): OpenMarker {
  const folder = dirname(dbPath)
  const prefix = `.${basename(dbPath)}.`
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)\\.open$`)
  let stale: string[] = []
  try {
    stale = readdirSync(folder)
      .map((name) => [name, pattern.exec(name)] as const)
      .filter(([, m]) => m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      .map(([name]) => join(folder, name))
  } catch {
    stale = []
  }
  const own = join(folder, `${prefix}${process.pid}.open`)
  try {
    writeFileSync(own, new Date().toISOString())
  } catch {
    // A read-only or full folder: the check simply runs again next time.
  }
  return {
    unclean: stale.length > 0,
    clearStale: () => stale.forEach((p) => rmSync(p, { force: true })),
    release: () => rmSync(own, { force: true }),
  }
}

/** quick_check on a read-only connection of its own (the app's connection keeps working). */
function quickCheckInline(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 })
  try {
    return String(db.pragma('quick_check', { simple: true }))
  } finally {
    db.close()
  }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: 5000 })
try { parentPort.postMessage(String(db.pragma('quick_check', { simple: true }))) } finally { db.close() }
`

/** quick_check in a worker thread, so the window is not frozen for seconds; inline if a worker cannot start. */
function quickCheckInWorker(dbPath: string): Promise<string> {
  let module: string
  try {
    module = createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return Promise.resolve(quickCheckInline(dbPath))
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, path: dbPath } })
    let answered = false
    worker.once('message', (m: string) => {
      answered = true
      resolve(m)
    })
    worker.once('error', (e) => {
      if (answered) return
      answered = true
      // SQLite's own refusal (a damaged file) is the answer; a worker that cannot load is not.
      if ((e as { code?: string }).code?.startsWith('SQLITE_')) reject(e)
      else {
        try {
          resolve(quickCheckInline(dbPath))
        } catch (inline) {
          reject(inline)
        }
      }
    })
    worker.once('exit', () => {
      if (!answered) reject(new Error('quick_check worker stopped'))
    })
  })
}

export async function checkHealth(dbPath: string, trigger: HealthResult['trigger'], options: { inline?: boolean } = {}): Promise<HealthResult> {
  const started = Date.now()
  let ok = false
  let detail: string
  try {
    detail = options.inline ? quickCheckInline(dbPath) : await quickCheckInWorker(dbPath)
    ok = detail === 'ok'
  } catch (e) {
    detail = (e as Error).message
  }
  const result: HealthResult = { at: new Date().toISOString(), ok, detail: detail.split('\n')[0]!.slice(0, 500), ms: Date.now() - started, trigger }
  if (existsSync(dbPath)) writeHealth(dbPath, result)
  return result
}
