/**
 * Kills during the first start (a new file: every migration, then the reference data) and
 * during an upgrade (a file of an older schema: the backup before migrating, the pending
 * migrations, the reference data). After each kill the next start must succeed with
 * quick_check ok and the database exactly as an uninterrupted start leaves it, the
 * records of the old file all there, no temporary file left, and the backups folder
 * holding one copy per version however many starts failed.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { backupsIn, cli, copyDb, expectNoStrays, expectOneOf, healthyStart, killLoop, runChild, snapshotFile, wholeDb, type ChildResult, type Harness, type Snapshot } from './lib.ts'

const DB = 'hanh-trang.sqlite'

interface Traced {
  ms: number
  statements: number
  /** Statement numbers (1-based) and their SQL, as the measuring run ran them. */
  sql: Array<{ n: number; text: string }>
}

/** Runs the start once, cleanly, with every statement printed: what to aim at, and how long it takes. */
async function measure(h: Harness, scenario: string, dbPath: string): Promise<Traced | null> {
  const r = await runChild(h, { args: cli(dbPath, 'check'), warm: true, env: { HANH_TRANG_FAULT_TRACE: '1' } })
  if (r.code !== 0 || r.statements === null) {
    h.fail(scenario, `the uninterrupted start failed (exit ${r.code}): ${r.stderr.replace(/@sql.*\n/g, '').slice(-600)}`)
    return null
  }
  const sql = [...r.stderr.matchAll(/^@sql (\d+) (.*)$/gm)].map((m) => ({ n: Number(m[1]), text: m[2]! }))
  return { ms: r.ms, statements: r.statements, sql }
}

/**
 * Where to aim: just before each migration's commit, at statements inside the migrations
 * (any of them: a build whose migrations are not transactions has no commits to aim at),
 * and in the reference data loaded after them.
 */
function aims(h: Harness, t: Traced, quick: boolean): Array<{ label: string; after: number }> {
  const lastMigration = t.sql.filter((s) => /^insert into "?kysely_migration/i.test(s.text)).at(-1)?.n ?? 0
  const end = t.sql.find((s) => s.n > lastMigration && /^commit/i.test(s.text) && s.n <= lastMigration + 3)?.n ?? lastMigration
  const commits = t.sql.filter((s) => /^commit/i.test(s.text) && s.n <= end).map((s) => s.n)
  const out: Array<{ label: string; after: number }> = []
  for (const c of quick ? h.rng.sample(commits, 3) : commits) out.push({ label: `before migration commit #${commits.indexOf(c) + 1}`, after: c - 1 })
  const inside = t.sql.filter((s) => s.n <= end && !/^(commit|begin)/i.test(s.text)).map((s) => s.n)
  for (const n of h.rng.sample(inside, quick ? 2 : 3)) out.push({ label: `inside the migrations (after statement ${n}: ${t.sql[n - 1]?.text.slice(0, 50)})`, after: n })
  if (!quick && commits.length) out.push({ label: 'after the last migration commit', after: end })
  // The reference data: a long transaction after the migrations.
  const refInsert = t.sql.find((s) => s.n > end && /^insert into "locality"/i.test(s.text))?.n
  const refCommit = refInsert ? t.sql.find((s) => s.n > refInsert && /^commit/i.test(s.text))?.n : undefined
  if (refInsert && refCommit) {
    out.push({ label: 'in the reference data load', after: h.rng.int(refInsert, refCommit - 1) })
    if (!quick) out.push({ label: 'before the reference data commit', after: refCommit - 1 })
  }
  return out
}

type Kill = { label: string; after?: number; delayMs?: number; fsFault?: string }

const killEnv = (k: Kill): Record<string, string> => ({
  ...(k.after !== undefined && { HANH_TRANG_FAULT_AFTER_STATEMENTS: String(k.after) }),
  ...(k.fsFault && { HANH_TRANG_FAULT_FS: k.fsFault }),
})

function describe(k: Kill, r: ChildResult): string {
  return `${k.label}${k.delayMs !== undefined ? ` (${k.delayMs} ms)` : ''}${r.killed ? '' : ` [ran to its end: exit ${r.code}]`}`
}

export async function firstStart(h: Harness): Promise<void> {
  const scenario = 'kill/first-start'
  const measured = join(h.dir('first-measure'), DB)
  const m = await measure(h, scenario, measured)
  if (!m) return
  const fresh = snapshotFile(h, measured)
  const kills: Kill[] = [
    ...aims(h, m, h.opts.quick),
    ...Array.from({ length: h.opts.quick ? 2 : 3 }, () => ({ label: 'at random', delayMs: h.rng.int(0, m.ms) })),
  ]
  h.log(`${scenario}: ${m.statements} statements, ${m.ms} ms uninterrupted; ${kills.length} kills`)
  const dirs = kills.map((k) => h.dir(`first-${k.label}`))
  await killLoop(
    h,
    scenario,
    kills,
    (k, i) => ({ args: cli(join(dirs[i]!, DB), 'check'), env: killEnv(k) }),
    () => {},
    (k) => k.delayMs,
    async (k, i, r) => {
      const what = describe(k, r)
      const dbPath = join(dirs[i]!, DB)
      const s = await healthyStart(h, scenario, dbPath, what)
      if (s) expectOneOf(h, scenario, what, s.snapshot, { 'an uninterrupted first start': fresh })
      const backups = backupsIn(join(dirs[i]!, 'backups'))
      if (backups.length) h.leave(scenario, `${what}: a first start wrote backups: ${backups.join(', ')}`)
      expectNoStrays(h, scenario, what, dirs[i]!)
    },
  )
}

export async function upgrade(h: Harness): Promise<void> {
  const scenario = 'kill/upgrade'
  const { SCHEMA_VERSION } = (await import(pathToFileURL(join(h.opts.root, 'src/main/db/migrations/index.ts')).href)) as { SCHEMA_VERSION: number }
  const from = SCHEMA_VERSION - 3
  const templateDir = h.dir('upgrade-template')
  const template = join(templateDir, DB)
  const made = await runChild(h, { args: ['old', template, String(from)] })
  if (made.code !== 0) return h.fail(scenario, `could not make a schema-${from} file: ${made.stderr.slice(-500)}`)
  const old = snapshotFile(h, template)

  const measureDir = h.dir('upgrade-measure')
  copyDb(template, join(measureDir, DB))
  const m = await measure(h, scenario, join(measureDir, DB))
  if (!m) return
  const upgraded: Snapshot = snapshotFile(h, join(measureDir, DB))
  const kills: Kill[] = [
    { label: 'during the backup before migrating', fsFault: 'before:1:renameSync:/backups/' },
    { label: 'just after the backup before migrating', fsFault: 'after:1:renameSync:/backups/' },
    ...aims(h, m, h.opts.quick),
    ...Array.from({ length: h.opts.quick ? 1 : 3 }, () => ({ label: 'at random', delayMs: h.rng.int(0, m.ms) })),
  ]
  h.log(`${scenario}: schema ${from}→${SCHEMA_VERSION}, ${m.statements} statements, ${m.ms} ms uninterrupted; ${kills.length} kills`)

  const dirs = kills.map((k) => h.dir(`upgrade-${k.label}`))
  const verify = async (what: string, dir: string) => {
    const dbPath = join(dir, DB)
    const s = await healthyStart(h, scenario, dbPath, what, (core) => {
      const kept = (core.register.file!.sqlite.prepare(`SELECT count(*) AS n FROM locality WHERE name_vi LIKE 'Thành phố cũ %'`).get() as { n: number }).n
      if (kept !== 20) h.fail(scenario, `${what}: ${kept} of the old file's 20 records left`)
    })
    if (s) expectOneOf(h, scenario, what, s.snapshot, { 'an uninterrupted upgrade': upgraded })
    // Before the backups are opened to be read (a read-only look at a WAL file leaves its -shm).
    expectNoStrays(h, scenario, what, dir)
    const backups = backupsIn(join(dir, 'backups'))
    if (backups.length !== 1) h.leave(scenario, `${what}: ${backups.length} backups after the upgrade (one per version expected): ${backups.join(', ')}`)
    for (const b of backups) {
      const bad = wholeDb(h, join(dir, 'backups', b))
      if (bad) h.fail(scenario, `${what}: backup ${b} is not whole: ${bad}`)
      else if (!expectOneOfQuiet(snapshotFile(h, join(dir, 'backups', b)), old)) h.fail(scenario, `${what}: backup ${b} does not hold the old file`)
    }
  }
  await killLoop(
    h,
    scenario,
    kills,
    (k, i) => ({ args: cli(join(dirs[i]!, DB), 'check'), env: killEnv(k) }),
    (_k, i) => copyDb(template, join(dirs[i]!, DB)),
    (k) => k.delayMs,
    async (k, i, r) => verify(describe(k, r), dirs[i]!),
  )

  // Starts that fail again and again (the officer tries three times) leave one backup, not three.
  await h.run(scenario, async () => {
    const dir = h.dir('upgrade-again-and-again')
    copyDb(template, join(dir, DB))
    const points = [Math.max(1, Math.floor(m.statements * 0.05)), Math.floor(m.statements * 0.2), Math.floor(m.statements * 0.5)]
    const results: ChildResult[] = []
    for (const after of points) results.push(await runChild(h, { args: cli(join(dir, DB), 'check'), env: { HANH_TRANG_FAULT_AFTER_STATEMENTS: String(after) } }))
    await verify(`three kills in a row (statements ${points.join(', ')}; killed: ${results.map((r) => r.killed).join(', ')})`, dir)
  })
}

const expectOneOfQuiet = (s: Snapshot, ref: Snapshot) => JSON.stringify(s) === JSON.stringify(ref)
