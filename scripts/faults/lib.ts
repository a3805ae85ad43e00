/**
 * What every scenario of `npm run faults` shares: the seeded generator, the run record
 * (runs, failures, skips, what was left behind), child processes started ready and then
 * killed on time, and the checks made after each kill: the next start, quick_check, the
 * database's contents, the files left in the folders the core owns.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type BetterSqlite3 from 'better-sqlite3'
import { unzipSync } from 'fflate'
import type { Core, CoreOptions } from '../../src/main/core.ts'

export const CHILD = join(import.meta.dirname, 'child.ts')
export const TRIP = '01936d00-0000-7000-8000-000700000001'

// --- A seeded generator (mulberry32) ----------------------------------------------------
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!
  }
  /** k distinct values of xs, in their order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => i)
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
    }
    return idx
      .slice(0, Math.min(k, xs.length))
      .sort((a, b) => a - b)
      .map((i) => xs[i]!)
  }
}

// --- The run ---------------------------------------------------------------------------
export interface Failure {
  scenario: string
  detail: string
}
export interface Skip {
  scenario: string
  reason: string
}
export interface Left {
  scenario: string
  what: string
}

export interface Options {
  seed: number
  quick: boolean
  root: string
  keep: boolean
  only: string[] | null
  /** Only the scenarios whose name matches (--match). */
  match: RegExp | null
}

export class Harness {
  readonly opts: Options
  readonly rng: Rng
  readonly tmp: string
  runs = 0
  readonly failures: Failure[] = []
  readonly skipped: Skip[] = []
  readonly left: Left[] = []
  readonly perScenario = new Map<string, { runs: number; failures: number }>()
  private readonly started = Date.now()
  private dirs = 0
  /** Folders to keep (a failure's) when --keep is given. */
  readonly kept: string[] = []
  readonly requireRoot: NodeJS.Require
  /** Node's compile cache for the children (loading the modules is most of a child's life). */
  readonly compileCache: string

  constructor(opts: Options) {
    this.opts = opts
    this.rng = new Rng(opts.seed)
    this.tmp = mkdtempSync(join(tmpdir(), 'hanh-trang-faults-'))
    this.requireRoot = createRequire(join(opts.root, 'package.json'))
    this.compileCache = join(this.tmp, 'compile-cache')
  }

  log(line: string): void {
    process.stderr.write(`[faults ${((Date.now() - this.started) / 1000).toFixed(1).padStart(5)}s] ${line}\n`)
  }

  seconds(): number {
    return Math.round((Date.now() - this.started) / 100) / 10
  }

  /** A fresh folder inside the run's temp folder. */
  dir(name: string): string {
    const d = join(this.tmp, `${String(++this.dirs).padStart(3, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}`)
    mkdirSync(d, { recursive: true })
    return d
  }

  private tally(scenario: string) {
    let t = this.perScenario.get(scenario)
    if (!t) this.perScenario.set(scenario, (t = { runs: 0, failures: 0 }))
    return t
  }

  fail(scenario: string, detail: string): void {
    this.failures.push({ scenario, detail })
    this.tally(scenario).failures++
    this.log(`FAIL ${scenario}: ${detail}`)
  }

  skip(scenario: string, reason: string): void {
    this.skipped.push({ scenario, reason })
    this.log(`skip ${scenario}: ${reason}`)
  }

  leave(scenario: string, what: string): void {
    this.left.push({ scenario, what })
    this.fail(scenario, `left behind: ${what}`)
  }

  /** One run of a scenario: counted, and any exception is its failure. */
  async run(scenario: string, body: () => Promise<void>): Promise<void> {
    this.runs++
    this.tally(scenario).runs++
    try {
      await body()
    } catch (e) {
      this.fail(scenario, `threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 1500))
    }
  }

  /** True when this scenario was asked for (--match). */
  matches(scenario: string): boolean {
    return this.opts.match === null || this.opts.match.test(scenario)
  }

  /** True when this scenario family was asked for (--only). */
  wants(family: string): boolean {
    return this.opts.only === null || this.opts.only.includes(family)
  }

  dispose(): void {
    if (this.opts.keep && this.failures.length) {
      this.log(`kept ${this.tmp}`)
      return
    }
    rmSync(this.tmp, { recursive: true, force: true })
  }

  // --- The core of the app tree under test, in this process -------------------------
  private coreModule: Promise<typeof import('../../src/main/core.ts')> | null = null
  core(): Promise<typeof import('../../src/main/core.ts')> {
    return (this.coreModule ??= import(pathToFileURL(join(this.opts.root, 'src/main/core.ts')).href))
  }
  sqlite(): typeof BetterSqlite3 {
    return this.requireRoot('better-sqlite3') as typeof BetterSqlite3
  }

  /** Opens the core on `dbPath` as the app would at its next start. */
  async openCore(dbPath: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
    const { openCore } = await this.core()
    return openCore({ dbPath, resourcesDir: join(this.opts.root, 'resources'), backupDir: join(dirname(dbPath), 'backups'), log: () => {}, ...extra })
  }
}

// --- Child processes -------------------------------------------------------------------
export interface ChildSpec {
  /** child.ts mode and arguments: ['cli', '--db', …] */
  args: string[]
  env?: Record<string, string>
  /** Wait for the child to load, then start it (the delay of a random kill counts from there). */
  warm?: boolean
  /** Run the child under /usr/bin/time -v (its peak memory). */
  timeV?: boolean
}

export interface ChildResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** From the start (after loading, for a warm child) to the exit. */
  ms: number
  /** Ended by SIGKILL (ours, or its own aimed fault). */
  killed: boolean
  statements: number | null
  rssKb: number | null
  errorCode: string | null
  /** Lines `ack X` printed before it ended. */
  acks: string[]
}

export interface Child {
  ready: Promise<void>
  /** Starts a warm child (at once for others); kills it after `killAfterMs` when given. */
  go(opts?: { killAfterMs?: number; timeoutMs?: number }): Promise<ChildResult>
  process: ChildProcess
}

export function spawnChild(h: Harness, spec: ChildSpec): Child {
  const env = { ...process.env, HANH_TRANG_FAULT_ROOT: h.opts.root, NODE_COMPILE_CACHE: h.compileCache, ...(spec.warm && { HANH_TRANG_FAULT_WAIT: '1' }), ...spec.env }
  const argv = [CHILD, ...spec.args]
  const useTime = spec.timeV && existsSync('/usr/bin/time')
  const child = useTime ? spawn('/usr/bin/time', ['-v', process.execPath, ...argv], { env, stdio: ['pipe', 'pipe', 'pipe'] }) : spawn(process.execPath, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let readyDone: () => void = () => {}
  let readyFail: (e: Error) => void = () => {}
  const ready = new Promise<void>((res, rej) => {
    readyDone = res
    readyFail = rej
  })
  ready.catch(() => {})
  if (!spec.warm) readyDone()
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString('utf8')
    if (stderr.includes('@fault ready')) readyDone()
  })
  let startedAt = Date.now()
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })))
  void exited.then(() => readyFail(new Error(`child ended before it was ready: ${stderr.slice(-800)}`)))
  child.stdin!.on('error', () => {})

  return {
    ready,
    process: child,
    async go({ killAfterMs, timeoutMs = 120_000 } = {}) {
      await ready
      startedAt = Date.now()
      if (spec.warm) child.stdin!.end('go\n')
      else child.stdin!.end()
      let ourKill = false
      const killer = killAfterMs !== undefined ? setTimeout(() => ((ourKill = true), child.kill('SIGKILL')), killAfterMs) : null
      let hung = false
      const guard = setTimeout(() => ((hung = true), child.kill('SIGKILL')), timeoutMs)
      const { code, signal } = await exited
      if (killer) clearTimeout(killer)
      clearTimeout(guard)
      // Give the pipes a moment to drain.
      await new Promise((r) => setImmediate(r))
      if (hung) throw new Error(`child hung for ${timeoutMs} ms: ${spec.args.join(' ')}\n${stderr.slice(-800)}`)
      const stat = /@fault statements=(\d+) rss=(\d+)/.exec(stderr)
      const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      // Under /usr/bin/time the child's SIGKILL shows as time's own report.
      const killedByTime = useTime && /Command terminated by signal 9/.test(stderr)
      return {
        code,
        signal,
        stdout,
        stderr,
        ms: Date.now() - startedAt,
        killed: signal === 'SIGKILL' || ourKill || !!killedByTime,
        statements: stat ? Number(stat[1]) : null,
        rssKb: timeRss ? Number(timeRss[1]) : stat ? Number(stat[2]) : null,
        errorCode: /@fault code=(\S+)/.exec(stderr)?.[1] ?? null,
        acks: stdout
          .split('\n')
          .filter((l) => l.startsWith('ack '))
          .map((l) => l.slice(4)),
      }
    },
  }
}

/** Starts a child and runs it to its end (or its kill). */
export async function runChild(h: Harness, spec: ChildSpec, opts?: { killAfterMs?: number; timeoutMs?: number }): Promise<ChildResult> {
  return spawnChild(h, spec).go(opts)
}

export const cli = (db: string, ...args: string[]): string[] => ['cli', '--db', db, ...args]

/**
 * Runs `count` kills of one operation, one child warming up while the previous one runs
 * (module loading is most of a child's life). `setup(i)` prepares the i-th run's files
 * and gives its spec; `check(i, result)` judges it.
 */
export async function killLoop<T>(
  h: Harness,
  scenario: string | ((item: T) => string),
  items: readonly T[],
  spec: (item: T, i: number) => ChildSpec,
  setup: (item: T, i: number) => void | Promise<void>,
  kill: (item: T, i: number) => number | undefined,
  check: (item: T, i: number, r: ChildResult) => Promise<void>,
): Promise<void> {
  const start = (i: number): Child | null => (i < items.length ? spawnChild(h, { warm: true, ...spec(items[i]!, i) }) : null)
  const warm: { next: Child | null } = { next: start(0) }
  for (const [i, item] of items.entries()) {
    const current = warm.next!
    warm.next = null
    await h.run(typeof scenario === 'string' ? scenario : scenario(item), async () => {
      try {
        await setup(item, i)
      } catch (e) {
        current.process.kill('SIGKILL')
        throw e
      }
      warm.next = start(i + 1)
      const r = await current.go({ killAfterMs: kill(item, i) })
      await check(item, i, r)
    })
    warm.next ??= start(i + 1)
  }
}

// --- What a database holds ---------------------------------------------------------------
/** The tables whose rows an operation must write all of or none of (search documents are rebuilt, so they are left out). */
export const COUNTED = [
  'locality',
  'locality_lineage',
  'organization',
  'person',
  'agreement',
  'agreement_party',
  'commitment',
  'engagement',
  'engagement_participant',
  'fact',
  'trip',
  'itinerary_item',
  'snippet',
  'brief',
  'brief_export',
  'attachment',
  'tombstone',
  'audit_log',
  'app_meta',
]

export type Snapshot = Record<string, number>

export function snapshotOf(sqlite: BetterSqlite3.Database): Snapshot {
  const have = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name))
  const s: Snapshot = {}
  for (const t of COUNTED) if (have.has(t)) s[t] = (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n
  return s
}

export const sameSnapshot = (a: Snapshot, b: Snapshot) => JSON.stringify(a) === JSON.stringify(b)

/** The differences of `s` from `ref`, table by table. */
export function diffSnapshot(s: Snapshot, ref: Snapshot): string {
  const keys = [...new Set([...Object.keys(s), ...Object.keys(ref)])]
  return keys
    .filter((k) => s[k] !== ref[k])
    .map((k) => `${k} ${ref[k] ?? '-'}→${s[k] ?? '-'}`)
    .join(', ')
}

/** Opens a file read-only and reads its snapshot (for files nobody opens with the core). */
export function snapshotFile(h: Harness, path: string): Snapshot {
  const Database = h.sqlite()
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return snapshotOf(db)
  } finally {
    db.close()
  }
}

export interface NextStart {
  snapshot: Snapshot
  quickCheck: string
  foreignKeys: number
  backupPath: string | null
}

/**
 * The next start after a kill: the core opens the file (rolling back, checking, migrating
 * as it does), quick_check must pass, no foreign key may dangle. Throws what the start threw.
 */
export async function nextStart(h: Harness, dbPath: string, look?: (core: Core) => Promise<void> | void): Promise<NextStart> {
  const core = await h.openCore(dbPath)
  try {
    const quickCheck = String(core.register.file!.sqlite.pragma('quick_check', { simple: true }))
    const foreignKeys = (core.register.file!.sqlite.pragma('foreign_key_check') as unknown[]).length
    await look?.(core)
    return { snapshot: snapshotOf(core.register.file!.sqlite), quickCheck, foreignKeys, backupPath: core.backupPath }
  } finally {
    await core.close()
  }
}

/** Fails the scenario unless the start was healthy; returns its snapshot. */
export async function healthyStart(h: Harness, scenario: string, dbPath: string, what: string, look?: (core: Core) => Promise<void> | void): Promise<NextStart | null> {
  let s: NextStart
  try {
    s = await nextStart(h, dbPath, look)
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    h.fail(scenario, `${what}: the next start failed (${code}): ${(e as Error).message.slice(0, 400)}`)
    return null
  }
  if (s.quickCheck !== 'ok') h.fail(scenario, `${what}: quick_check after the next start: ${s.quickCheck.slice(0, 300)}`)
  if (s.foreignKeys) h.fail(scenario, `${what}: ${s.foreignKeys} foreign keys dangle after the next start`)
  return s
}

/** Fails unless the snapshot is one of the allowed states (all of the operation, or none of it). */
export function expectOneOf(h: Harness, scenario: string, what: string, s: Snapshot, allowed: Record<string, Snapshot>): string | null {
  for (const [name, ref] of Object.entries(allowed)) if (sameSnapshot(s, ref)) return name
  h.fail(scenario, `${what}: neither ${Object.keys(allowed).join(' nor ')}: ${Object.entries(allowed).map(([n, ref]) => `vs ${n}: ${diffSnapshot(s, ref)}`).join('; ')}`)
  return null
}

// --- Files --------------------------------------------------------------------------------
const STRAY = [/hanh-trang-tmp/, /\.open$/, /-journal$/, /-wal$/, /-shm$/]

/**
 * Files of ours that should not be there once the core has started and closed again:
 * temporary files and folders, open markers, SQLite's journals. (A damaged file moved
 * aside keeps its journals, as it was.)
 */
export function strays(dir: string, skip: readonly string[] = []): string[] {
  const found: string[] = []
  const walk = (d: string) => {
    let names: string[]
    try {
      names = readdirSync(d)
    } catch {
      return
    }
    for (const name of names) {
      const p = join(d, name)
      if (d === dir && (name === 'damaged' || skip.includes(name))) continue
      if (STRAY.some((re) => re.test(name))) found.push(relative(dir, p))
      else if (statSync(p).isDirectory()) walk(p)
    }
  }
  walk(dir)
  return found
}

export function expectNoStrays(h: Harness, scenario: string, what: string, dir: string, skip: readonly string[] = []): void {
  for (const s of strays(dir, skip)) h.leave(scenario, `${what}: ${s} in ${dir}`)
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function backupsIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.sqlite'))
  } catch {
    return []
  }
}

/** A whole zip (a .docx, .xlsx or .htpack): every entry inflates with its CRC, and it has `must`. */
export function wholeZip(path: string, must: string[]): string | null {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(readFileSync(path))
  } catch (e) {
    return `not a whole zip (${(e as Error).message})`
  }
  const missing = must.filter((m) => !(m in files))
  return missing.length ? `missing ${missing.join(', ')}` : null
}

/** A whole Hành Trang database: opens, passes quick_check, has its installation id. */
export function wholeDb(h: Harness, path: string): string | null {
  const Database = h.sqlite()
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      const q = String(db.pragma('quick_check', { simple: true }))
      if (q !== 'ok') return `quick_check: ${q}`
      if (!db.prepare(`SELECT value FROM app_meta WHERE key = 'installation_id'`).get()) return 'no installation id'
      return null
    } finally {
      db.close()
    }
  } catch (e) {
    return `does not open (${(e as Error).message})`
  }
}

export function copyDb(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  copyFileSync(from, to)
}

export const abs = (p: string) => resolve(p)
