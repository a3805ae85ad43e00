/**
 * The child process of `npm run faults`: the real core, with faults injected from outside
 * it. Nothing here is part of the app; src/ has no hooks. The child patches the
 * better-sqlite3 module the core uses (every statement passes through Statement.prototype)
 * and node:fs (syncBuiltinESMExports reaches the core's named imports), then runs:
 *
 *   child.ts cli ARGS...          the CLI's main(), as `npm run cli -- ARGS` runs it
 *   child.ts writer DB N PREFIX [STOPFILE [PAUSE_MS]]
 *                                 the core writing N partners one by one, printing `ack NAME` after
 *                                 each commit (until STOPFILE exists, PAUSE_MS between writes)
 *   child.ts old DB K             a database at schema version K (the first K migrations) with a few records
 *
 * Faults, from the environment:
 *   HANH_TRANG_FAULT_AFTER_STATEMENTS=N   SIGKILL itself once the N-th SQL statement has run
 *   HANH_TRANG_FAULT_SQL=when:nth:regex   SIGKILL before|after the nth statement whose SQL matches
 *   HANH_TRANG_FAULT_FS=when:nth:call:regex  SIGKILL before|after the nth fs call (renameSync, writeSync…) on a matching path
 *   HANH_TRANG_FAULT_ROOT=DIR             the app tree to run (default: this repository)
 *   HANH_TRANG_FAULT_TRACE=1              print every statement (`@sql N TEXT`) on stderr
 *   HANH_TRANG_FAULT_WAIT=1               load everything, print `@fault ready`, start on a line from stdin
 *
 * On a normal exit it prints `@fault statements=N rss=KB ms=T` (and `@fault code=CODE` after an
 * error) on stderr, so the parent can aim kills at statement numbers and bound memory.
 */
import fs from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(process.env.HANH_TRANG_FAULT_ROOT ?? join(import.meta.dirname, '..', '..'))
const requireFromRoot = createRequire(join(root, 'package.json'))

let statements = 0
let started = Date.now()
const rawWrite = fs.writeSync.bind(fs) as (fd: number, b: Buffer, offset: number) => number
/** Writes all of `text` to a pipe that may be full (non-blocking: EAGAIN), waiting as needed. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  for (let at = 0; at < bytes.length; ) {
    try {
      at += rawWrite(fd, bytes, at)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2)
    }
  }
}
const say = (line: string) => writeAll(2, `@fault ${line}\n`)
const die = (): never => {
  process.kill(process.pid, 'SIGKILL')
  // SIGKILL is not deliverable late; wait for it.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
}

// --- SQL statements -------------------------------------------------------------------
const trace = process.env.HANH_TRANG_FAULT_TRACE === '1'
const afterStatements = Number(process.env.HANH_TRANG_FAULT_AFTER_STATEMENTS ?? 0)
const sqlFault = (() => {
  const spec = process.env.HANH_TRANG_FAULT_SQL
  if (!spec) return null
  const [when, nth, ...rest] = spec.split(':')
  return { when: when as 'before' | 'after', nth: Number(nth), match: new RegExp(rest.join(':'), 'i'), seen: 0 }
})()

interface StatementLike {
  source: string
}
type Method = (this: StatementLike, ...args: unknown[]) => unknown

function patchSqlite(): void {
  const Database = requireFromRoot('better-sqlite3') as new (path: string) => { prepare(s: string): object; close(): void; exec: Method }
  const probe = new Database(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, Method>
  probe.close()
  const wrap = (original: Method, sourceOf: (self: StatementLike, args: unknown[]) => string): Method =>
    function (this: StatementLike, ...args: unknown[]) {
      const sql = sourceOf(this, args)
      const matched = sqlFault !== null && sqlFault.match.test(sql.trim()) && ++sqlFault.seen === sqlFault.nth
      if (matched && sqlFault.when === 'before') die()
      if (trace) writeAll(2, `@sql ${statements + 1} ${sql.replace(/\s+/g, ' ').slice(0, 90)}\n`)
      let result: unknown
      try {
        result = original.apply(this, args)
      } finally {
        statements++
      }
      if (matched && sqlFault.when === 'after') die()
      if (afterStatements > 0 && statements === afterStatements) die()
      return result
    }
  for (const name of ['run', 'get', 'all'] as const) statementProto[name] = wrap(statementProto[name]!, (self) => self.source)
  // iterate() runs its statement lazily; it counts as one when asked for.
  statementProto.iterate = wrap(statementProto.iterate!, (self) => self.source)
  const dbProto = (Database as unknown as { prototype: Record<string, Method> }).prototype
  dbProto.exec = wrap(dbProto.exec!, (_self, args) => String(args[0]))
}

// --- The file system -----------------------------------------------------------------
function patchFs(): void {
  const spec = process.env.HANH_TRANG_FAULT_FS
  if (!spec) return
  const [when, nth, call, ...rest] = spec.split(':')
  const match = new RegExp(rest.join(':'))
  const target = fs as unknown as Record<string, (...args: unknown[]) => unknown>
  const original = target[call!]
  if (typeof original !== 'function') throw new Error(`no fs.${call}`)
  // writeSync gets a descriptor: its path is looked up through /proc.
  const pathOf = (args: unknown[]) => {
    const a = args[call === 'renameSync' ? 1 : 0]
    if (typeof a === 'number') {
      try {
        return fs.readlinkSync(`/proc/self/fd/${a}`)
      } catch {
        return ''
      }
    }
    return String(a)
  }
  let seen = 0
  target[call!] = function (...args: unknown[]) {
    const hit = match.test(pathOf(args)) && ++seen === Number(nth)
    if (hit && when === 'before') die()
    const result = original.apply(fs, args)
    if (hit && when === 'after') die()
    return result
  }
  syncBuiltinESMExports()
}

patchSqlite()
patchFs()

const importRoot = (path: string) => import(pathToFileURL(join(root, path)).href)

process.on('exit', () => {
  say(`statements=${statements} rss=${process.resourceUsage().maxRSS} ms=${Date.now() - started}`)
})

async function waitForGo(): Promise<void> {
  if (process.env.HANH_TRANG_FAULT_WAIT !== '1') return
  say('ready')
  await new Promise<void>((done) => {
    process.stdin.once('data', () => done())
    process.stdin.resume()
  })
  process.stdin.pause()
  process.stdin.unref?.()
  started = Date.now()
  statements = 0
}

function errorCode(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : 'internal'
  return code
}

async function runCli(args: string[]): Promise<number> {
  const cli = (await importRoot('src/main/cli.ts')) as { main(argv: string[]): Promise<number> }
  await waitForGo()
  try {
    return await cli.main(args)
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    say(`code=${errorCode(e)}`)
    return 1
  }
}

/** Writes partners one at a time through the dispatcher; each `ack` line is a commit the caller may count on. */
async function runWriter(dbPath: string, count: number, prefix: string, stopFile?: string, pauseMs = 0): Promise<number> {
  const { openCore } = (await importRoot('src/main/core.ts')) as typeof import('../../src/main/core.ts')
  await waitForGo()
  const core = await openCore({ dbPath, resourcesDir: join(root, 'resources'), log: () => {} })
  try {
    for (let i = 0; i < count; i++) {
      if (stopFile && fs.existsSync(stopFile)) break
      const nameVi = `${prefix} ${i}`
      const r = await core.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi })
      if (!r.ok) {
        process.stderr.write(`${r.error.code}: ${JSON.stringify(r.error)}\n`)
        say(`code=${r.error.code}`)
        return 1
      }
      writeAll(1, `ack ${nameVi}\n`)
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs))
    }
    return 0
  } finally {
    await core.close()
  }
}

/** A database as an older build left it: the first `k` migrations, and a few records typed in then. */
async function makeOld(dbPath: string, k: number): Promise<number> {
  const { openDatabase } = (await importRoot('src/main/db/connection.ts')) as typeof import('../../src/main/db/connection.ts')
  const { migrations } = (await importRoot('src/main/db/migrations/index.ts')) as typeof import('../../src/main/db/migrations/index.ts')
  await waitForGo()
  const opened = await openDatabase(dbPath, { migrations: migrations.slice(0, k) })
  const insert = opened.sqlite.prepare(
    `INSERT INTO locality (id, created_at, updated_at, updated_by, origin, country, level, name_vi) VALUES (?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'old', 'old', 'JP', 'municipality', ?)`,
  )
  opened.sqlite.transaction(() => {
    for (let i = 0; i < 20; i++) insert.run(`01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, `Thành phố cũ ${i}`)
    opened.sqlite.prepare(`INSERT INTO app_meta (key, value) VALUES ('installation_id', '01900000-0000-7000-8000-0000000000ff')`).run()
  })()
  await opened.close()
  return 0
}

const [mode, ...args] = process.argv.slice(2)
const run =
  mode === 'cli' ? runCli(args) : mode === 'writer' ? runWriter(args[0]!, Number(args[1]), args[2] ?? 'Thị trấn', args[3], Number(args[4] ?? 0)) : mode === 'old' ? makeOld(args[0]!, Number(args[1])) : Promise.reject(new Error(`unknown mode ${mode}`))
run.then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    say(`code=${errorCode(e)}`)
    process.exit(1)
  },
)
