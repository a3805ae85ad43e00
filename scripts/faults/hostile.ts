/**
 * Hostile data packs, made from a real exported pack (its entries unzipped with fflate,
 * its data.sqlite edited, zipped again; bombs and lying headers written by hand), each
 * imported by the CLI into a new installation. Each must be refused with nothing written:
 * the same rows and audit rows as before, no attachment stored, no file anywhere outside
 * the data folder, nothing of ours left after the next start. The bombs are refused in
 * well under a second more than a pack refused at its manifest, and without the child's
 * memory growing. Then a pack from before a deletion must not bring the record back.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { unzipSync } from 'fflate'
import { fixtures, DB, type Fixtures } from './fixtures.ts'
import { cli, copyDb, diffSnapshot, healthyStart, killLoop, nextStart, runChild, strays, type ChildResult, type Harness } from './lib.ts'
import { deflated, rawZip, zeroBomb, type RawEntry } from './zip.ts'

const MOU = '01936d00-0000-7000-8000-000300000001'
const ATTACHMENT = (id: string, sha256: string, bytes = 10) =>
  `INSERT INTO attachment (id, created_at, updated_at, updated_by, origin, entity, entity_id, sha256, file_name, mime, bytes) VALUES ('${id}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'x', 'y', 'agreement', '${MOU}', '${sha256.replace(/'/g, "''")}', 'Bien-ban.pdf', 'application/pdf', ${bytes})`

interface Case {
  name: string
  build: () => Buffer
  /** The refusal's words; null: the pack may be taken, `accepted` says what must hold then. */
  refusal: RegExp | null
  /** Time and memory bounded against a pack refused at its manifest. */
  bounded?: boolean
  accepted?: (sqlite: import('better-sqlite3').Database) => string | null
}

export async function hostilePacks(h: Harness): Promise<void> {
  const f = await fixtures(h)
  const Database = h.sqlite()
  // A real pack of the sample data (every agreement, engagement, trip…), from its own installation.
  const work = h.dir('hostile-work')
  const basePack = join(work, 'demo.htpack')
  const source = join(h.dir('hostile-source'), DB)
  copyDb(f.demo, source)
  const exported = await runChild(h, { args: cli(source, 'pack', 'export', '--out', basePack) })
  if (exported.code !== 0) throw new Error(`the sample data's pack: ${exported.stderr.slice(-400)}`)
  const files = unzipSync(readFileSync(basePack))
  const entries = (over: Record<string, Uint8Array> = {}, extra: RawEntry[] = []) => [...Object.entries({ ...files, ...over }).map(([n, b]) => deflated(n, b)), ...extra]
  let edits = 0
  /** data.sqlite with `sql` run on it. */
  const dataWith = (sql: string): Buffer => {
    const path = join(work, `data-${++edits}.sqlite`)
    writeFileSync(path, files['data.sqlite']!)
    const db = new Database(path)
    db.exec(sql)
    db.close()
    return readFileSync(path)
  }
  const tampered = (sql: string, extra: RawEntry[] = []) => rawZip(entries({ 'data.sqlite': dataWith(sql) }, extra))
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Record<string, unknown>
  const scan = Buffer.from('%PDF-1.4\n% bản quét\n%%EOF\n')
  const bombSha = createHash('sha256').update('the scan it claims to be').digest('hex')
  const notAPack = /không phải gói dữ liệu Hành Trang|Not a pack/
  const noForged = (what: string, sql: string) => (db: import('better-sqlite3').Database) => ((db.prepare(sql).get() as { n: number }).n ? what : null)

  const cases: Case[] = [
    { name: 'attachment sha256 ../../../../bin/sh', build: () => tampered(ATTACHMENT('01936d00-0000-7000-8000-00000000a001', '../../../../bin/sh')), refusal: /bảng tệp đính kèm \(attachment\).*trường “sha256”/ },
    { name: 'attachment sha256 C:\\x.bat', build: () => tampered(ATTACHMENT('01936d00-0000-7000-8000-00000000a001', 'C:\\x.bat')), refusal: /bảng tệp đính kèm \(attachment\).*trường “sha256”/ },
    {
      name: 'attachment whose bytes are not its hash',
      build: () => {
        const sha = createHash('sha256').update(scan).digest('hex')
        return tampered(ATTACHMENT('01936d00-0000-7000-8000-00000000a002', sha, scan.length), [deflated(`attachments/${sha}`, Buffer.from('MZ a program, not the scan'))])
      },
      refusal: /Gói dữ liệu hỏng: attachments\//,
    },
    { name: 'data.sqlite inflating to 1 GB', build: () => rawZip([deflated('manifest.json', files['manifest.json']!), zeroBomb('data.sqlite', 1024)]), refusal: /nén bất thường/, bounded: true },
    { name: 'an attachment inflating to 1 GB', build: () => tampered(ATTACHMENT('01936d00-0000-7000-8000-00000000a003', bombSha, 1 << 30), [zeroBomb(`attachments/${bombSha}`, 1024)]), refusal: /nén bất thường/, bounded: true },
    {
      name: 'data.sqlite larger than its entry says',
      build: () => rawZip(entries().map((e) => (e.name === 'data.sqlite' ? { ...e, centralSize: 1000 } : e))),
      refusal: /Gói dữ liệu hỏng: data\.sqlite/,
    },
    { name: 'an unknown kind', build: () => tampered(`UPDATE agreement SET kind = 'bogus_kind' WHERE id = '${MOU}'`), refusal: /bảng văn kiện \(agreement\), bản ghi 01936d00-0000-7000-8000-000300000001, trường “Loại”/ },
    { name: 'the date 2025-02-31', build: () => tampered(`UPDATE agreement SET signed_date = '2025-02-31' WHERE id = '${MOU}'`), refusal: /trường “Ngày ký”: Ngày không hợp lệ/ },
    { name: 'an end before its start', build: () => tampered(`UPDATE engagement SET end_date = '2000-01-01' WHERE rowid = 1`), refusal: /Ngày kết thúc phải sau ngày bắt đầu/ },
    { name: 'a 2 MB text', build: () => tampered(`UPDATE agreement SET summary = printf('%.*c', 2000000, 'x') WHERE id = '${MOU}'`), refusal: /Quá dài/ },
    { name: 'an id that is not a UUID', build: () => tampered(`UPDATE commitment SET id = 'not-a-uuid' WHERE rowid = 1`), refusal: /bản ghi not-a-uuid, trường “Mã bản ghi”/ },
    { name: 'a view in data.sqlite', build: () => tampered(`CREATE VIEW everything AS SELECT * FROM locality`), refusal: /view, trigger/ },
    { name: 'a trigger in data.sqlite', build: () => tampered(`CREATE TRIGGER wipe AFTER INSERT ON agreement BEGIN DELETE FROM locality; END`), refusal: /view, trigger/ },
    { name: 'an entry named ../../../../evil.txt', build: () => rawZip(entries({}, [deflated('../../../../hanh-trang-evil.txt', Buffer.from('evil'))])), refusal: notAPack },
    { name: 'an entry named /tmp/hanh-trang-evil.txt', build: () => rawZip(entries({}, [deflated('/tmp/hanh-trang-evil.txt', Buffer.from('evil'))])), refusal: notAPack },
    { name: 'an entry named attachments/../../evil', build: () => rawZip(entries({}, [deflated('attachments/../../hanh-trang-evil', Buffer.from('evil'))])), refusal: notAPack },
    { name: 'an entry named C:\\evil.bat', build: () => rawZip(entries({}, [deflated('C:\\hanh-trang-evil.bat', Buffer.from('evil'))])), refusal: notAPack },
    {
      name: 'data.sqlite twice',
      build: () => rawZip([...entries(), deflated('data.sqlite', dataWith(`CREATE TRIGGER wipe AFTER INSERT ON agreement BEGIN DELETE FROM locality; END`))]),
      refusal: notAPack,
    },
    { name: 'a manifest from the future', build: () => rawZip(entries({ 'manifest.json': Buffer.from(JSON.stringify({ ...manifest, version: 99 })) })), refusal: /phiên bản Hành Trang mới hơn/ },
    { name: 'a deletion of a table that does not exist', build: () => tampered(`INSERT INTO tombstone VALUES ('sqlite_master', '01936d00-0000-7000-8000-00000000dead', '2026-11-01T00:00:00.000Z', 'x', 'y')`), refusal: /bảng bản ghi đã xóa/ },
    { name: 'a 2 MB manifest', build: () => rawZip(entries({ 'manifest.json': Buffer.from(JSON.stringify({ ...manifest, exportedBy: 'x'.repeat(2_000_000) })) })), refusal: /vượt giới hạn/ },
    { name: 'data.sqlite that is not a database', build: () => rawZip(entries({ 'data.sqlite': Buffer.from(createHash('sha512').update('noise').digest('hex').repeat(100)) })), refusal: /data\.sqlite không đọc được/ },
    { name: 'an encrypted entry', build: () => rawZip(entries().map((e) => (e.name === 'data.sqlite' ? { ...e, flags: 1 } : e))), refusal: /data\.sqlite không đọc được|không phải gói/ },
    { name: 'half a pack', build: () => readFileSync(basePack).subarray(0, Math.floor(statSync(basePack).size / 2)), refusal: notAPack },
    {
      name: 'a forged audit log',
      build: () => tampered(`CREATE TABLE audit_log (id TEXT, entity TEXT, entity_id TEXT, action TEXT, before TEXT, after TEXT, at TEXT, actor TEXT, source TEXT); INSERT INTO audit_log VALUES ('01936d00-0000-7000-8000-0000000a0d17', 'agreement', '${MOU}', 'delete', NULL, NULL, '2020-01-01T00:00:00.000Z', 'forged', NULL)`),
      refusal: null,
      accepted: noForged('the forged audit rows came in', `SELECT count(*) AS n FROM audit_log WHERE actor = 'forged'`),
    },
    {
      name: 'a column named like SQL',
      build: () => tampered(`ALTER TABLE locality ADD COLUMN "x""); DROP TABLE agreement; --" TEXT`),
      refusal: null,
      accepted: noForged('a table is gone', `SELECT 3 - count(*) AS n FROM sqlite_master WHERE name IN ('agreement', 'locality', 'audit_log')`),
    },
  ]
  cases.splice(0, cases.length, ...cases.filter((c) => h.matches(`hostile/${c.name}`)))
  if (h.opts.quick) {
    const some = [...h.rng.sample(cases.filter((c) => !c.bounded), 10), ...cases.filter((c) => c.bounded)]
    cases.splice(0, cases.length, ...some)
  }

  // A pack refused at its manifest: what time and memory a refusal takes here, at least.
  const baseline = await refusalCost(h, f, rawZip(entries({ 'manifest.json': Buffer.from(JSON.stringify({ ...manifest, version: 99 })) })))
  h.log(`hostile: a pack refused at its manifest takes ${baseline.ms} ms, ${Math.round((baseline.rssKb ?? 0) / 1024)} MB; ${cases.length} hostile packs`)

  const dirs = cases.map((c) => h.dir(`hostile-${c.name}`))
  const packPath = (i: number) => join(dirs[i]!, 'hostile.htpack')
  const dataDir = (i: number) => join(dirs[i]!, 'deep', 'a', 'b', 'data')
  await killLoop(
    h,
    (c) => `hostile/${c.name}`,
    cases,
    (_c, i) => ({ args: cli(join(dataDir(i), DB), 'pack', 'import', packPath(i)) }),
    (c, i) => {
      writeFileSync(packPath(i), c.build())
      copyDb(f.fresh, join(dataDir(i), DB))
    },
    () => undefined,
    async (c, i, r) => judge(h, f, c, dirs[i]!, dataDir(i), r, baseline),
  )

  if (h.matches('hostile/a pack from before a deletion')) await staleReplay(h, f, basePack)
}

async function refusalCost(h: Harness, f: Fixtures, pack: Buffer): Promise<ChildResult> {
  const dir = h.dir('hostile-baseline')
  writeFileSync(join(dir, 'p.htpack'), pack)
  copyDb(f.fresh, join(dir, 'data', DB))
  h.runs++
  return runChild(h, { args: cli(join(dir, 'data', DB), 'pack', 'import', join(dir, 'p.htpack')), warm: true })
}

function allFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out
}

async function judge(h: Harness, f: Fixtures, c: Case, dir: string, data: string, r: ChildResult, baseline: ChildResult): Promise<void> {
  const scenario = `hostile/${c.name}`
  const message = r.stderr.replace(/^@fault.*\n/gm, '').trim()
  if (c.refusal) {
    if (r.code === 0) h.fail(scenario, 'the pack was taken')
    else if (!c.refusal.test(message)) h.fail(scenario, `refused, in other words than expected (${c.refusal}): ${message.slice(0, 300)}`)
    if (r.errorCode === 'internal') h.fail(scenario, `refused as an internal error: ${message.slice(0, 300)}`)
  }
  if (c.bounded) {
    if (r.ms > baseline.ms + 1000) h.fail(scenario, `refused after ${r.ms} ms (a pack refused at its manifest: ${baseline.ms} ms)`)
    if (r.rssKb !== null && baseline.rssKb !== null && r.rssKb > baseline.rssKb + 64 * 1024) h.fail(scenario, `the child's memory peaked at ${Math.round(r.rssKb / 1024)} MB (${Math.round(baseline.rssKb / 1024)} MB for a refusal at the manifest)`)
    h.log(`${scenario}: refused in ${r.ms} ms, peak ${Math.round((r.rssKb ?? 0) / 1024)} MB`)
  }
  // Nothing anywhere but the pack and the data folder.
  for (const file of allFiles(dir)) if (file !== 'hostile.htpack' && !file.startsWith(join('deep', 'a', 'b', 'data'))) h.leave(scenario, `${file} was written outside the data folder`)
  for (const evil of ['/tmp/hanh-trang-evil.txt', '/hanh-trang-evil.txt']) if (existsSync(evil)) h.leave(scenario, `${evil} was written`)
  if (c.refusal && existsSync(join(data, 'attachments'))) h.leave(scenario, 'an attachment was stored from a refused pack')
  const dbPath = join(data, DB)
  const s = await healthyStart(h, scenario, dbPath, 'after the hostile pack', (core) => {
    const bad = c.accepted?.(core.register.file!.sqlite)
    if (bad) h.fail(scenario, bad)
  })
  if (s && c.refusal && diffSnapshot(s.snapshot, f.freshState)) h.fail(scenario, `a refused pack wrote: ${diffSnapshot(s.snapshot, f.freshState)}`)
  for (const x of strays(data)) h.leave(scenario, `${x} after the next start`)
}

/**
 * Deleted records do not come back: a register takes the sample data from one colleague's
 * pack, then another colleague's deletion of the MOU; the first pack again (made before
 * the deletion), then the second again, change nothing.
 */
async function staleReplay(h: Harness, f: Fixtures, olderPack: string): Promise<void> {
  const scenario = 'hostile/a pack from before a deletion'
  await h.run(scenario, async () => {
    const dir = h.dir('hostile-stale')
    const dbPath = join(dir, DB)
    copyDb(f.fresh, dbPath)
    const has = () => {
      const db = new (h.sqlite())(dbPath, { readonly: true })
      try {
        return !!db.prepare(`SELECT 1 FROM agreement WHERE id = ?`).get(MOU)
      } finally {
        db.close()
      }
    }
    const take = async (what: string, pack: string) => {
      const r = await runChild(h, { args: cli(dbPath, 'pack', 'import', pack) })
      if (r.code !== 0) throw new Error(`${what}: refused: ${r.stderr.slice(-300)}`)
    }
    await take('the sample data', olderPack)
    if (!has()) return h.fail(scenario, 'the sample data did not come in')
    await take("the colleague's deletion", f.pack)
    if (has()) return h.fail(scenario, "the colleague's deletion did not reach this register")
    const afterDeletion = (await nextStart(h, dbPath)).snapshot
    for (const [what, pack] of [
      ['the pack from before the deletion, again', olderPack],
      ["the colleague's pack, again", f.pack],
    ] as const) {
      await take(what, pack)
      if (has()) h.fail(scenario, `${what}: the deleted agreement came back`)
    }
    const s = await healthyStart(h, scenario, dbPath, 'after the older packs')
    if (s) {
      const changed = diffSnapshot({ ...s.snapshot, audit_log: 0, app_meta: 0 }, { ...afterDeletion, audit_log: 0, app_meta: 0 })
      if (changed) h.fail(scenario, `older packs changed records: ${changed}`)
    }
  })
}
