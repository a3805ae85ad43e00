/**
 * Two writers at once: pairs of CLI commands started together on one database (two
 * spreadsheet imports, the sample data and an import, a pack import and an import, an
 * import and a backup, a brief export and an import, a pack export and an import), while
 * a long-running core writes record after record the whole time; then two first starts
 * at once on a new file, and two starts upgrading one old file. Every command must
 * succeed (no "database is locked", no "busy"), and every row each wrote must be there.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fixtures, DB } from './fixtures.ts'
import { TRIP, backupsIn, cli, copyDb, healthyStart, runChild, spawnChild, wholeDb, type ChildResult, type ChildSpec, type Harness } from './lib.ts'

/** Starts the children together (each loaded first) and waits for all. */
async function together(h: Harness, specs: ChildSpec[]): Promise<ChildResult[]> {
  const children = specs.map((s) => spawnChild(h, { warm: true, ...s }))
  await Promise.all(children.map((c) => c.ready))
  return Promise.all(children.map((c) => c.go({ timeoutMs: 90_000 })))
}

const message = (r: ChildResult) => r.stderr.replace(/^@fault.*\n/gm, '').trim().slice(0, 300)

export async function twoWriters(h: Harness): Promise<void> {
  const f = await fixtures(h)
  const scenario = 'two-writers'
  const dir = h.dir('writers')
  const dbPath = join(dir, DB)
  copyDb(f.fresh, dbPath)
  const rows = 300
  const sheet = async (tag: string) => ({ tag, path: await f.sheets(`writers-${tag}.xlsx`, rows, `Văn kiện song song ${tag}`) })
  const sheets = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map(sheet))
  const imp = (i: number): ChildSpec => ({ args: cli(dbPath, 'import', sheets[i]!.path, '--kind', 'agreements') })
  const backup = join(dir, 'copy.sqlite')
  const pairs: Array<{ name: string; specs: ChildSpec[] }> = [
    { name: 'two spreadsheet imports', specs: [imp(0), imp(1)] },
    { name: 'the sample data and an import', specs: [{ args: cli(dbPath, 'demo', 'load') }, imp(2)] },
    { name: 'a pack import and an import', specs: [{ args: cli(dbPath, 'pack', 'import', f.pack) }, imp(3)] },
    { name: 'an import and a backup', specs: [imp(4), { args: cli(dbPath, 'backup', '--out', backup) }] },
    { name: 'a brief export and an import', specs: [{ args: cli(dbPath, 'brief', 'export', '--trip', TRIP, '--out', join(dir, 'brief.docx')) }, imp(5)] },
    { name: 'a pack export and an import', specs: [{ args: cli(dbPath, 'pack', 'export', '--out', join(dir, 'all.htpack')) }, imp(6)] },
  ]
  if (pairs.some((p) => h.matches(`${scenario}/${p.name}`))) await pairsAtOnce(h, scenario, dir, dbPath, pairs, sheets, rows, backup)
  await startsAtOnce(h, scenario)
}

async function pairsAtOnce(
  h: Harness,
  scenario: string,
  dir: string,
  dbPath: string,
  pairs: Array<{ name: string; specs: ChildSpec[] }>,
  sheets: Array<{ tag: string; path: string }>,
  rows: number,
  backup: string,
): Promise<void> {
  // A window open the whole time, writing partner after partner.
  const stop = join(dir, 'stop-writing')
  const writer = spawnChild(h, { args: ['writer', dbPath, '1000000', 'Người ghi song song', stop, '5'], warm: true })
  const writing = writer.go({ timeoutMs: 600_000 })
  for (const pair of pairs) {
    await h.run(`${scenario}/${pair.name}`, async () => {
      const results = await together(h, pair.specs)
      h.log(`${scenario}/${pair.name}: ${results.map((r) => `${r.ms} ms`).join(', ')}`)
      for (const [i, r] of results.entries()) if (r.code !== 0) h.fail(`${scenario}/${pair.name}`, `${pair.specs[i]!.args.slice(3).join(' ')} failed (exit ${r.code}, ${r.errorCode}): ${message(r)}`)
    })
  }
  writeFileSync(stop, '')
  await h.run(`${scenario}/a core writing throughout`, async () => {
    const w = await writing
    if (w.code !== 0) h.fail(`${scenario}/a core writing throughout`, `the writer failed after ${w.acks.length} writes (${w.errorCode}): ${message(w)}`)
    h.log(`${scenario}: the writing core made ${w.acks.length} writes during ${pairs.length} pairs`)
    await healthyStart(h, scenario, dbPath, 'after the pairs', (core) => {
      const q = (sql: string, ...p: unknown[]) => (core.register.file!.sqlite.prepare(sql).get(...p) as { n: number }).n
      for (const s of sheets) {
        const n = q(`SELECT count(*) AS n FROM agreement WHERE title_vi LIKE ?`, `Văn kiện song song ${s.tag} %`)
        if (n !== rows) h.fail(scenario, `sheet ${s.tag}: ${n} of its ${rows} agreements there`)
      }
      const towns = q(`SELECT count(*) AS n FROM locality WHERE name_vi LIKE 'Thị trấn đồng nghiệp %'`)
      if (towns !== 150) h.fail(scenario, `the pack's 150 partners: ${towns} there`)
      if (!q(`SELECT count(*) AS n FROM trip WHERE id = ?`, TRIP)) h.fail(scenario, 'the sample data is not there')
      if (!q(`SELECT count(*) AS n FROM brief_export`)) h.fail(scenario, 'the brief export was not recorded')
      const names = new Set((core.register.file!.sqlite.prepare(`SELECT name_vi FROM locality WHERE name_vi LIKE 'Người ghi song song %'`).all() as Array<{ name_vi: string }>).map((r) => r.name_vi))
      const lost = w.acks.filter((a) => !names.has(a))
      if (lost.length) h.fail(scenario, `${lost.length} of the writing core's ${w.acks.length} acknowledged writes are not there`)
    })
    const bad = wholeDb(h, backup)
    if (bad) h.fail(scenario, `the backup made meanwhile: ${bad}`)
  })
}

async function startsAtOnce(h: Harness, scenario: string): Promise<void> {
  // Two first starts at once on a new file (the app and a script, on a new machine).
  const starts = h.opts.quick ? 1 : 2
  for (let i = 0; i < starts; i++) {
    const sc = `${scenario}/two first starts at once`
    if (!h.matches(sc)) break
    await h.run(sc, async () => {
      const d = h.dir('writers-first-starts')
      const path = join(d, DB)
      const results = await together(h, [{ args: cli(path, 'check') }, { args: cli(path, 'demo', 'load') }])
      for (const r of results) if (r.code !== 0) h.fail(sc, `a start failed (exit ${r.code}, ${r.errorCode}): ${message(r)}`)
      const s = await healthyStart(h, sc, path, 'after two first starts')
      // The sample data's trips (two since the visit received of issue 14): all or none.
      if (s && !s.snapshot.trip) h.fail(sc, `the sample data loaded by one of them is not there`)
      if (backupsIn(join(d, 'backups')).length) h.fail(sc, `first starts wrote backups: ${backupsIn(join(d, 'backups')).join(', ')}`)
    })
  }

  // Two starts upgrading one old file at once.
  const { SCHEMA_VERSION } = (await import(pathToFileURL(join(h.opts.root, 'src/main/db/migrations/index.ts')).href)) as { SCHEMA_VERSION: number }
  for (let i = 0; i < starts; i++) {
    const sc = `${scenario}/two upgrades at once`
    if (!h.matches(sc)) break
    await h.run(sc, async () => {
      const d = h.dir('writers-upgrades')
      const path = join(d, DB)
      const made = await runChild(h, { args: ['old', path, String(SCHEMA_VERSION - 3)] })
      if (made.code !== 0) throw new Error(`old file: ${message(made)}`)
      const results = await together(h, [{ args: cli(path, 'check') }, { args: cli(path, 'check') }])
      for (const r of results) if (r.code !== 0) h.fail(sc, `an upgrading start failed (exit ${r.code}, ${r.errorCode}): ${message(r)}`)
      await healthyStart(h, sc, path, 'after two upgrades')
      const backups = backupsIn(join(d, 'backups'))
      if (backups.length !== 1) h.fail(sc, `${backups.length} backups before migrating (one expected): ${backups.join(', ')}`)
    })
  }
}
