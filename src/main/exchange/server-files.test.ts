/**
 * The register's files where every officer reaches them (issue 13): on a server the
 * attachments and letterhead templates are in the database, so an officer opens a scan a
 * colleague attached from another computer; in a file they stay in the data folder. Run on
 * both databases (the PostgreSQL half through scripts/test-postgres.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialectOf } from '../db/dialect/index.ts'
import { folderPlatform } from '../platform.ts'
import { twoOfficers, type Office } from '../office-test-support.ts'
import { main } from '../cli.ts'
import { openCore } from '../core.ts'
import { RESOURCES, openTestCore, tempDir, testDialect } from '../test-support.ts'
import { applyPackFile, exportPack } from './pack/index.ts'

const MOU = '01936d00-0000-7000-8000-000300000001'
const TRIP = '01936d00-0000-7000-8000-000700000001'
const PDF = (note: string, size = 0) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${note}\n`), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')])

type Chosen = { attachmentToOpen?: string; opened: string[] }
const files: Chosen[] = [{ opened: [] }, { opened: [] }]
let office: Office
const dirs = [tempDir(), tempDir()]
let chosenDocx: string | undefined

beforeAll(async () => {
  const platform = (i: number) => ({ ...folderPlatform(join(dirs[i]!, 'out'), files[i]), chooseDocx: async () => chosenDocx ?? null })
  office = await twoOfficers([{ platform: platform(0) }, { platform: platform(1) }])
  await office.a.call('demo.load')
}, 60_000)
afterAll(() => office.dispose())

/** How many files the register keeps: rows on a server, files in the data folder. */
async function keptCount(): Promise<number> {
  if (dialectOf(office.a.db).name === 'postgres') {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stored_file`.execute(office.a.db)
    return rows[0]!.n
  }
  const folder = join(office.a.dir, 'attachments')
  return existsSync(folder) ? readdirSync(folder).length : 0
}

/** A letterhead template with one line of text and the title's placeholder. */
async function letterhead(dir: string, line: string): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${line} {{title}}`, bold: true })] })] }] })
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${line.length}-mau-bia.docx`)
  writeFileSync(path, await Packer.toBuffer(doc))
  return path
}

describe('files on the register', () => {
  it('a scan attached by one officer is opened by the other, stored once', async () => {
    const scan = join(dirs[0]!, 'Ban-ghi-nho-Ha-Nam-Gunma.pdf')
    // 2.5 MiB: more than one part on a server.
    writeFileSync(scan, PDF('bản quét văn kiện', 2.5 * 1024 * 1024))
    files[0]!.attachmentToOpen = scan
    const before = await keptCount()
    const first = await office.a.call('attachments.add', { entity: 'agreement', entityId: MOU })
    await office.a.call('attachments.add', { entity: 'agreement', entityId: MOU })
    expect(await keptCount()).toBe(before + 1)

    const [listed] = await office.b.call('attachments.list', { entityId: MOU })
    expect(listed).toMatchObject({ fileName: 'Ban-ghi-nho-Ha-Nam-Gunma.pdf', updatedBy: office.logins[0] })
    await office.b.call('attachments.open', { id: first!.id })
    const opened = files[1]!.opened[0]!
    // The other officer's own data folder (on a server; the same file's folder on SQLite).
    expect(opened.startsWith(join(office.b.dir, 'viewing'))).toBe(true)
    expect(opened).toMatch(/\.pdf$/)
    expect(readFileSync(opened).equals(readFileSync(scan))).toBe(true)
    if (testDialect === 'postgres') expect(existsSync(join(office.a.dir, 'attachments'))).toBe(false)
  })

  it("a pack exported by the other officer carries the scan; a colleague's laptop opens it", async () => {
    const [listed] = await office.b.call('attachments.list', { entityId: MOU })
    const path = join(tempDir(), 'all.htpack')
    await exportPack(office.b.ctx, { kind: 'all' }, office.b.dir, path)
    const laptopFiles = { opened: [] as string[] }
    const laptop = await openTestCore({ platform: folderPlatform(join(tempDir(), 'out'), laptopFiles) })
    try {
      await applyPackFile(laptop.ctx, path, laptop.dir)
      const [there] = await laptop.call('attachments.list', { entityId: MOU })
      expect(there!.sha256).toBe(listed!.sha256)
      await laptop.call('attachments.open', { id: there!.id })
      expect(createHash('sha256').update(readFileSync(laptopFiles.opened[0]!)).digest('hex')).toBe(listed!.sha256)
    } finally {
      await laptop.dispose()
    }
  })

  it('refuses bytes that do not hash to their name, keeping nothing', async () => {
    const store = dialectOf(office.a.db).files
    const wrong = 'f'.repeat(64)
    await expect(store.put(office.a.db, office.a.dir, 'attachment', wrong, { bytes: PDF('giả mạo') }, 'lan')).rejects.toMatchObject({ reason: 'stored_file_damaged' })
    expect(await store.has(office.a.db, office.a.dir, 'attachment', wrong)).toBe(false)
  })

  it("a letterhead chosen by one officer is on the other officer's brief", async () => {
    chosenDocx = await letterhead(dirs[0]!, 'SỞ NGOẠI VỤ TỈNH THANH HÓA – MẪU RIÊNG')
    expect(await office.a.call('briefs.setLetterhead', { tripId: TRIP })).toMatchObject({ fileName: expect.stringMatching(/mau-bia\.docx$/) })
    const exported = await office.b.call('briefs.export', { tripId: TRIP })
    const text = (await mammoth.extractRawText({ path: exported!.path })).value
    expect(text).toContain('SỞ NGOẠI VỤ TỈNH THANH HÓA – MẪU RIÊNG')
  }, 60_000)

  it.skipIf(testDialect !== 'postgres')("`server import` brings a laptop's attachment files and letterheads into the server", async () => {
    const laptopFiles: Chosen = { opened: [] }
    const laptop = await openCore({ dbPath: join(tempDir(), 'laptop.sqlite'), resourcesDir: RESOURCES, log: () => {}, platform: { ...folderPlatform(tempDir(), laptopFiles), chooseDocx: async () => chosenDocx ?? null } })
    const laptopDir = dirname(laptop.register.file!.path)
    let trip: string
    let sha256: string
    try {
      expect((await laptop.dispatch('demo.load', undefined)).ok).toBe(true)
      const scan = join(laptopDir, 'Bien-ban-Yamanashi.pdf')
      writeFileSync(scan, PDF('biên bản làm việc với tỉnh Yamanashi', 1.5 * 1024 * 1024))
      laptopFiles.attachmentToOpen = scan
      expect((await laptop.dispatch('attachments.add', { entity: 'agreement', entityId: MOU })).ok).toBe(true)
      sha256 = createHash('sha256').update(readFileSync(scan)).digest('hex')
      const made = (await laptop.dispatch('trips.create', { title: 'Đoàn công tác tại tỉnh Shiga', startDate: '2026-11-10', endDate: '2026-11-14' })) as { ok: true; value: { id: string } }
      trip = made.value.id
      chosenDocx = await letterhead(laptopDir, 'MẪU CỦA MÁY XÁCH TAY')
      expect((await laptop.dispatch('briefs.setLetterhead', { tripId: trip })).ok).toBe(true)
    } finally {
      await laptop.close()
    }
    const lines: string[] = []
    const code = await main(['--db', join(tempDir(), 'unused.sqlite'), '--server', office.url!, 'server', 'import', laptop.register.file!.path], (l) => lines.push(l))
    expect(code).toBe(0)
    expect(lines.join('\n')).toMatch(/1 mẫu bìa mới/)
    // The other officer, on another computer, opens the scan and exports the trip's brief with the laptop's letterhead.
    const there = (await office.b.call('attachments.list', { entityId: MOU })).find((a) => a.sha256 === sha256)!
    await office.b.call('attachments.open', { id: there.id })
    expect(createHash('sha256').update(readFileSync(files[1]!.opened.at(-1)!)).digest('hex')).toBe(sha256)
    const exported = await office.b.call('briefs.export', { tripId: trip })
    expect((await mammoth.extractRawText({ path: exported!.path })).value).toContain('MẪU CỦA MÁY XÁCH TAY')
  }, 120_000)

  it.skipIf(testDialect !== 'postgres')('migration 0017 keeps a file by its hash on a server, its parts only under a header, and refuses a name that is no hash', async () => {
    const core = office.a
    const sha = 'a'.repeat(64)
    await sql`INSERT INTO stored_file (sha256, bytes, parts, created_at, created_by) VALUES (${sha}, 3, 1, '2026-12-01T00:00:00.000Z', 'lan')`.execute(core.db)
    await sql`INSERT INTO stored_file_part (sha256, part, data) VALUES (${sha}, 0, ${Buffer.from('abc')})`.execute(core.db)
    const { rows } = await sql<{ data: Buffer }>`SELECT data FROM stored_file_part WHERE sha256 = ${sha}`.execute(core.db)
    expect(Buffer.from(rows[0]!.data).toString()).toBe('abc')
    await expect(sql`INSERT INTO stored_file_part (sha256, part, data) VALUES (${'b'.repeat(64)}, 0, ${Buffer.from('x')})`.execute(core.db)).rejects.toMatchObject({ code: '23503' })
    await expect(sql`INSERT INTO stored_file (sha256, bytes, parts, created_at, created_by) VALUES ('../../etc/passwd', 1, 1, 'x', 'x')`.execute(core.db)).rejects.toMatchObject({ code: '23514' })
    await sql`INSERT INTO presence (session, trip_id, login, seen_at) VALUES ('s-12345678', 't', 'lan', '2026-12-01T00:00:00.000Z')`.execute(core.db)
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM presence`.execute(core.db)).rows[0]!.n).toBe(1)
  })
})
