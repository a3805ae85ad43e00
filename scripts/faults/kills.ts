/**
 * SIGKILL during the operations that write: a data pack into a new installation, into one
 * with data, a large pack (the bulk load under the rollback journal), a spreadsheet
 * import, a backup, a restore, the brief, a pack and a report written over an older file,
 * and a window writing record after record. Each operation runs once uninterrupted first
 * (its time, its statements, the state it leaves); then it is killed at statements aimed
 * at (inside its transaction, just before and just after its commit, around the rename
 * of the file it writes) and after random delays up to its measured time.
 *
 * After each kill: the next start succeeds with quick_check ok; the database holds all of
 * the operation or none of it; every write the child acknowledged is there; the file it
 * was writing is the old one or a whole new one; the next start leaves no temporary file
 * in the folders the core owns, and doing the operation again succeeds and leaves none in
 * the folder it writes to.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fixtures, DB, type Fixtures } from './fixtures.ts'
import {
  TRIP,
  backupsIn,
  cli,
  copyDb,
  diffSnapshot,
  expectNoStrays,
  expectOneOf,
  healthyStart,
  killLoop,
  nextStart,
  runChild,
  sha256File,
  snapshotFile,
  strays,
  wholeDb,
  wholeZip,
  type ChildResult,
  type Harness,
  type Snapshot,
} from './lib.ts'

type TargetKind = 'docx' | 'pack' | 'xlsx' | 'db'

interface Op {
  name: string
  /** The database the operation starts from (copied for each run); null: no file yet (a new installation). */
  template: (f: Fixtures) => string | null
  /** CLI arguments after --db, for a run in `dir`. */
  args: (f: Fixtures, dir: string) => string[]
  /** The file it writes, which already holds an older version. */
  target?: { path: (dir: string) => string; kind: TargetKind }
  /** Folders of `dir` it writes into besides the data folder (checked for temporary files after a retry). */
  folders?: string[]
  /** Restore: the file the database may become instead. */
  alternative?: (f: Fixtures) => string
  /** Fewer kills (a slow operation). */
  kills?: { random: number; inside: number }
  /** Statements of its own to aim at, found in the measured run's trace. */
  aims?: (sql: Array<{ n: number; text: string }>) => Kill[]
}

const MIN_OLD = 'an older version of this file, which a killed export must leave whole\n'

const OPS: Op[] = [
  { name: 'pack-import-new', template: () => null, args: (f) => ['pack', 'import', f.pack] },
  { name: 'pack-import-existing', template: (f) => f.demo, args: (f) => ['pack', 'import', f.pack] },
  // Under the rollback journal: a kill leaves a hot journal, which the next start rolls back.
  { name: 'pack-import-large', template: (f) => f.fresh, args: (f) => ['pack', 'import', f.largePack],
    kills: { random: 1, inside: 1 },
    aims: (sql) => {
      const rows = sql.find((s) => /^INSERT INTO main\."agreement"/i.test(s.text))?.n
      const index = rows ? sql.find((s) => s.n > rows && /^CREATE INDEX/i.test(s.text))?.n : undefined
      return [
        ...(rows ? [{ label: 'with the agreements written, under the rollback journal', after: rows }] : []),
        ...(index ? [{ label: 'while the indexes are built again', after: index }] : []),
      ]
    },
  },
  { name: 'sheet-import', template: (f) => f.demo, args: (f) => ['import', f.sheet, '--kind', 'agreements'] },
  { name: 'backup', template: (f) => f.demo, args: (_f, dir) => ['backup', '--out', join(dir, 'out', 'copy.sqlite')], target: { path: (dir) => join(dir, 'out', 'copy.sqlite'), kind: 'db' }, folders: ['out'] },
  { name: 'restore', template: (f) => f.demo, args: (_f, dir) => ['restore', join(dir, 'restore-from.sqlite')], alternative: (f) => f.freshBackup, kills: { random: 2, inside: 0 } },
  { name: 'brief-export', template: (f) => f.demo, args: (_f, dir) => ['brief', 'export', '--trip', TRIP, '--out', join(dir, 'out', 'brief.docx')], target: { path: (dir) => join(dir, 'out', 'brief.docx'), kind: 'docx' }, folders: ['out'] },
  { name: 'pack-export', template: (f) => f.demo, args: (_f, dir) => ['pack', 'export', '--out', join(dir, 'out', 'all.htpack')], target: { path: (dir) => join(dir, 'out', 'all.htpack'), kind: 'pack' }, folders: ['out'] },
  { name: 'report', template: (f) => f.demo, args: (_f, dir) => ['report', 'agreements', '--out', join(dir, 'out', 'register.xlsx')], target: { path: (dir) => join(dir, 'out', 'register.xlsx'), kind: 'xlsx' }, folders: ['out'] },
]

const MUST: Record<TargetKind, string[]> = { docx: ['word/document.xml', '[Content_Types].xml'], pack: ['manifest.json', 'data.sqlite'], xlsx: ['xl/workbook.xml'], db: [] }

interface Kill {
  label: string
  after?: number
  delayMs?: number
  fsFault?: string
}

const killEnv = (k: Kill): Record<string, string> => ({
  ...(k.after !== undefined && { HANH_TRANG_FAULT_AFTER_STATEMENTS: String(k.after) }),
  ...(k.fsFault && { HANH_TRANG_FAULT_FS: k.fsFault }),
})

/** Sets up a run's folder: the database, the older target, the file to restore. */
function setUp(f: Fixtures, op: Op, dir: string): void {
  const template = op.template(f)
  if (template) copyDb(template, join(dir, DB))
  if (op.target) {
    mkdirSync(join(dir, 'out'), { recursive: true })
    writeFileSync(op.target.path(dir), MIN_OLD)
  }
  if (op.alternative) copyFileSync(op.alternative(f), join(dir, 'restore-from.sqlite'))
}

/** The statements of the transaction that writes the most (begin…commit), from a trace. */
function mainTransaction(sql: Array<{ n: number; text: string }>): { begin: number; commit: number } | null {
  let best: { begin: number; commit: number } | null = null
  let open: number | null = null
  for (const s of sql) {
    if (/^begin/i.test(s.text)) open = s.n
    else if (/^commit/i.test(s.text) && open !== null) {
      if (!best || s.n - open > best.commit - best.begin) best = { begin: open, commit: s.n }
      open = null
    }
  }
  return best
}

export async function killScenarios(h: Harness): Promise<void> {
  const f = await fixtures(h)
  for (const op of OPS) if (h.matches(`kill/${op.name}`)) await killOp(h, f, op)
  if (h.matches('kill/writer')) await killWriter(h, f)
  if (h.matches('kill/recover-damaged')) await recoverDamaged(h, f)
}

async function killOp(h: Harness, f: Fixtures, op: Op): Promise<void> {
  const scenario = `kill/${op.name}`
  // The operation uninterrupted: its time, its statements, the state it leaves.
  const mdir = h.dir(`${op.name}-measure`)
  setUp(f, op, mdir)
  const m = await runChild(h, { args: cli(join(mdir, DB), ...op.args(f, mdir)), warm: true, env: { HANH_TRANG_FAULT_TRACE: '1' } })
  h.runs++
  if (m.code !== 0 || m.statements === null) return h.fail(scenario, `the uninterrupted run failed (exit ${m.code}): ${m.stderr.replace(/^@sql.*\n/gm, '').slice(-600)}`)
  const sql = [...m.stderr.matchAll(/^@sql (\d+) (.*)$/gm)].map((x) => ({ n: Number(x[1]), text: x[2]! }))
  const before: Snapshot = op.template(f) ? (op.template(f) === f.demo ? f.demoState : f.freshState) : f.freshState
  const after = (await nextStart(h, join(mdir, DB))).snapshot
  const allowed: Record<string, Snapshot> = { 'none of it': before, 'all of it': after }
  if (op.name === 'brief-export' || op.name === 'backup' || op.name === 'pack-export' || op.name === 'report') {
    // An export writes no records (a brief records its export: that row comes with the file).
    if (op.name !== 'brief-export' && diffSnapshot(after, before)) h.fail(scenario, `an export changed the database: ${diffSnapshot(after, before)}`)
  }

  // Where to aim.
  const t = mainTransaction(sql)
  const kills: Kill[] = []
  const counts = op.kills ?? { random: h.opts.quick ? 1 : 2, inside: op.target ? 0 : 1 }
  // An export's only transaction reads; its file is what is aimed at.
  if (t && !op.target) {
    const inside = Array.from({ length: Math.max(0, t.commit - t.begin - 1) }, (_, i) => t.begin + 1 + i)
    for (const n of h.rng.sample(inside, counts.inside)) kills.push({ label: `inside its transaction (after statement ${n}: ${sql[n - 1]?.text.slice(0, 40)})`, after: n })
    kills.push({ label: 'just before its commit', after: t.commit - 1 })
    if (!h.opts.quick && !op.kills) kills.push({ label: 'just after its commit', after: t.commit })
  }
  kills.push(...(op.aims?.(sql) ?? []))
  if (op.target) {
    const name = op.target.path(mdir).split('/').pop()!.replace(/\./g, '\\.')
    kills.push({ label: 'with the file written, before its rename', fsFault: `before:1:renameSync:${name}$` })
    if (!h.opts.quick) kills.push({ label: 'half-way through writing the file', fsFault: `after:2:writeSync:${name}\\.\\d+-[0-9a-f]+\\.hanh-trang-tmp$` })
  }
  if (op.name === 'restore') {
    kills.push({ label: 'during the backup before restoring', fsFault: 'before:1:renameSync:/backups/' })
    kills.push({ label: 'as the restored file takes its place', fsFault: `before:1:renameSync:/${DB.replace(/\./g, '\\.')}$` })
  }
  for (let i = 0; i < counts.random; i++) kills.push({ label: 'at random', delayMs: h.rng.int(0, m.ms) })
  h.log(`${scenario}: ${m.statements} statements, ${m.ms} ms uninterrupted; ${kills.length} kills`)

  const dirs = kills.map((k) => h.dir(`${op.name}-${k.label}`))
  await killLoop(
    h,
    scenario,
    kills,
    (k, i) => ({ args: cli(join(dirs[i]!, DB), ...op.args(f, dirs[i]!)), env: killEnv(k) }),
    (_k, i) => setUp(f, op, dirs[i]!),
    (k) => k.delayMs,
    async (k, i, r) => {
      const dir = dirs[i]!
      const what = `${k.label}${k.delayMs !== undefined ? ` (${k.delayMs} ms)` : ''}${r.killed ? '' : ` [not killed: exit ${r.code}]`}`
      if (!r.killed && r.code !== 0) h.fail(scenario, `${what}: the operation failed: ${r.stderr.slice(-400)}`)
      await judge(h, scenario, what, f, op, dir, r, allowed)
    },
  )
  if (hotJournals.get(scenario)) h.log(`${scenario}: ${hotJournals.get(scenario)} of ${kills.length} kills left a hot journal, rolled back at the next start`)
}

/** Kills that left a hot journal (a transaction under the rollback journal, cut off), by scenario. */
const hotJournals = new Map<string, number>()

async function judge(h: Harness, scenario: string, what: string, f: Fixtures, op: Op, dir: string, r: ChildResult, allowed: Record<string, Snapshot>): Promise<void> {
  const dbPath = join(dir, DB)
  if (existsSync(`${dbPath}-journal`) && statSync(`${dbPath}-journal`).size > 0) hotJournals.set(scenario, (hotJournals.get(scenario) ?? 0) + 1)
  const backupsBefore = backupsIn(join(dir, 'backups'))
  let lastExport: { sha256: string } | undefined
  const s = await healthyStart(h, scenario, dbPath, what, (core) => {
    lastExport = core.register.file!.sqlite.prepare(`SELECT sha256 FROM brief_export ORDER BY at DESC LIMIT 1`).get() as { sha256: string } | undefined
  })
  if (s) {
    // A restore that ends well logs itself in the restored file ("restore" in the change
    // log, 79f30f3); a kill between the swap and that row leaves the file as restored.
    const restored = op.alternative && snapshotFile(h, op.alternative(f))
    const states = restored
      ? { 'the database as it was': allowed['none of it']!, 'the restored file': restored, 'the restored file and its log row': { ...restored, audit_log: (restored.audit_log ?? 0) + 1 } }
      : allowed
    const state = expectOneOf(h, scenario, what, s.snapshot, states)
    // What the child acknowledged (it ended well) is there.
    if (!r.killed && r.code === 0 && state === 'none of it' && !op.target) h.fail(scenario, `${what}: the operation reported success, and its writes are gone`)
  }
  // Before any file is opened to be read (a read-only look at a WAL file leaves its -shm).
  expectNoStrays(h, scenario, what, dir, op.folders)
  const left = (op.folders ?? []).flatMap((folder) => strays(join(dir, folder)).map((x) => `${folder}/${x}`))
  // The file written: the old one, or a whole new one.
  if (op.target) {
    const path = op.target.path(dir)
    if (!existsSync(path)) h.fail(scenario, `${what}: ${path} is gone`)
    else if (readFileSync(path).toString() !== MIN_OLD) {
      const bad = op.target.kind === 'db' ? wholeDb(h, path) : wholeZip(path, MUST[op.target.kind])
      if (bad) h.fail(scenario, `${what}: ${path} is neither the old file nor a whole new one: ${bad}`)
      if (op.target.kind === 'docx' && lastExport && lastExport.sha256 !== sha256File(path)) h.fail(scenario, `${what}: the export recorded is not the file on disk`)
    } else if (op.target.kind === 'docx' && lastExport) h.fail(scenario, `${what}: an export was recorded and the old file is still there`)
  }
  // Backups: none made by a start; a restore makes one of the database before it.
  const backupsAfter = backupsIn(join(dir, 'backups'))
  if (backupsAfter.length > backupsBefore.length) h.leave(scenario, `${what}: the next start wrote a backup: ${backupsAfter.filter((b) => !backupsBefore.includes(b)).join(', ')}`)
  for (const b of backupsAfter) {
    const bad = wholeDb(h, join(dir, 'backups', b))
    if (bad) h.fail(scenario, `${what}: backup ${b} is not whole: ${bad}`)
  }
  if (backupsAfter.length > 1) h.leave(scenario, `${what}: ${backupsAfter.length} backups: ${backupsAfter.join(', ')}`)

  // A folder the core does not own (the officer's) is not cleaned at the next start: doing
  // the export again must work, and leave nothing of the killed one there.
  if (left.length) {
    const again = await runChild(h, { args: cli(dbPath, ...op.args(f, dir)) })
    if (again.code !== 0) h.fail(scenario, `${what}: doing it again failed: ${again.stderr.slice(-400)}`)
    for (const folder of op.folders ?? []) for (const x of strays(join(dir, folder))) h.leave(scenario, `${what}: after doing it again, ${folder}/${x} is still there`)
  }
}

/** A window writing record after record, killed at random: every acknowledged write is there, and at most one more. */
async function killWriter(h: Harness, f: Fixtures): Promise<void> {
  const scenario = 'kill/writer'
  const mdir = h.dir('writer-measure')
  copyDb(f.demo, join(mdir, DB))
  const N = 150
  const m = await runChild(h, { args: ['writer', join(mdir, DB), String(N), 'Ghi liên tục'], warm: true })
  h.runs++
  if (m.code !== 0 || m.acks.length !== N) return h.fail(scenario, `the uninterrupted writer failed (exit ${m.code}, ${m.acks.length} acks): ${m.stderr.slice(-400)}`)
  const delays = Array.from({ length: h.opts.quick ? 2 : 3 }, () => h.rng.int(Math.floor(m.ms * 0.1), m.ms))
  const dirs = delays.map((d) => h.dir(`writer-${d}`))
  await killLoop(
    h,
    scenario,
    delays,
    (_d, i) => ({ args: ['writer', join(dirs[i]!, DB), String(N), 'Ghi liên tục'] }),
    (_d, i) => copyDb(f.demo, join(dirs[i]!, DB)),
    (d) => d,
    async (d, i, r) => {
      const what = `killed after ${d} ms, ${r.acks.length} writes acknowledged`
      await healthyStart(h, scenario, join(dirs[i]!, DB), what, (core) => {
        const names = new Set((core.register.file!.sqlite.prepare(`SELECT name_vi FROM locality WHERE name_vi LIKE 'Ghi liên tục %'`).all() as Array<{ name_vi: string }>).map((x) => x.name_vi))
        const lost = r.acks.filter((a) => !names.has(a))
        if (lost.length) h.fail(scenario, `${what}: ${lost.length} acknowledged writes lost (${lost.slice(0, 3).join(', ')}…)`)
        if (names.size > r.acks.length + 1) h.fail(scenario, `${what}: ${names.size} written, more than the ${r.acks.length} acknowledged and the one in flight`)
        const audit = (core.register.file!.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'locality' AND after LIKE '%Ghi liên tục%'`).get() as { n: number }).n
        if (audit !== names.size) h.fail(scenario, `${what}: ${names.size} records and ${audit} audit rows`)
      })
      expectNoStrays(h, scenario, what, dirs[i]!)
    },
  )
}

/** Overwrites the root page of an index with garbage, as a failing disk might, and leaves a dead process's open marker. */
function damage(h: Harness, dbPath: string): void {
  const Database = h.sqlite()
  const raw = new Database(dbPath)
  const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'locality' ORDER BY name LIMIT 1`).get() as { rootpage: number }
  const pageSize = raw.pragma('page_size', { simple: true }) as number
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.close()
  const fd = openSync(dbPath, 'r+')
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize)
  closeSync(fd)
  // A session that ended without closing: the next start checks the file.
  writeFileSync(join(dirname(dbPath), `.${DB}.${spawnSync(process.execPath, ['-e', '0']).pid}.open`), '')
}

/**
 * A damaged database is recoverable: the start refuses it as damaged (not as anything
 * else), the CLI's restore moves it aside and puts a backup in its place; a restore
 * killed half-way can be run again.
 */
async function recoverDamaged(h: Harness, f: Fixtures): Promise<void> {
  const scenario = 'kill/recover-damaged'
  const runs: Array<{ label: string }> = [{ label: 'uninterrupted' }, ...Array.from({ length: h.opts.quick ? 1 : 2 }, () => ({ label: 'at random' }))]
  const dirs = runs.map((r) => h.dir(`recover-${r.label}`))
  let measured = 0
  const delays: Array<number | undefined> = []
  await killLoop(
    h,
    scenario,
    runs,
    (_r, i) => ({ args: cli(join(dirs[i]!, DB), 'restore', join(dirs[i]!, 'backup.sqlite')) }),
    async (_r, i) => {
      const dbPath = join(dirs[i]!, DB)
      copyDb(f.demo, dbPath)
      copyFileSync(f.freshBackup, join(dirs[i]!, 'backup.sqlite'))
      damage(h, dbPath)
      if (i === 0) {
        const refused = await runChild(h, { args: cli(dbPath, 'check') })
        if (refused.code === 0 || refused.errorCode !== 'db_damaged') h.fail(scenario, `the damaged file was not refused as damaged (exit ${refused.code}, ${refused.errorCode}): ${refused.stderr.slice(-300)}`)
      }
    },
    (_r, i) => (delays[i] = i === 0 ? undefined : h.rng.int(0, measured)),
    async (run, i, r) => {
      const dir = dirs[i]!
      const dbPath = join(dir, DB)
      if (i === 0) measured = r.ms
      const what = `${run.label}${delays[i] !== undefined ? ` (${delays[i]} ms)` : ''}${r.killed ? '' : ` [not killed: exit ${r.code}]`}`
      if (!r.killed && r.code !== 0) h.fail(scenario, `${what}: the restore failed: ${r.stderr.slice(-400)}`)
      if (r.killed) {
        h.log(`${scenario}: restore killed after ${delays[i]} ms of ${measured}; run again`)
        const again = await runChild(h, { args: cli(dbPath, 'restore', join(dir, 'backup.sqlite')) })
        if (again.code !== 0) return h.fail(scenario, `${what}: the restore run again failed: ${again.stderr.slice(-400)}`)
      }
      const s = await healthyStart(h, scenario, dbPath, what)
      // Restored, whichever run finished it: the backup plus the one change-log row that
      // says so (a recovery, or a restore when the first run had already swapped the file).
      if (s) expectOneOf(h, scenario, what, s.snapshot, { 'the backup and its log row': { ...f.freshState, audit_log: (f.freshState.audit_log ?? 0) + 1 } })
      const moved = existsSync(join(dir, 'damaged')) ? readdirSync(join(dir, 'damaged')).filter((n) => n.endsWith('.sqlite')) : []
      if (moved.length === 0) h.fail(scenario, `${what}: the damaged file was not kept in damaged/`)
      expectNoStrays(h, scenario, what, dir)
    },
  )
}
