/**
 * A data pack is untrusted input, however friendly its sender: these packs are made by
 * hand to do harm, and each is refused with nothing written.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import Database from 'better-sqlite3'
import { unzipSync, zipSync } from 'fflate'
import yazl from 'yazl'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dialectOf } from '../../db/dialect/index.ts'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { applyPackFile, exportPack, openPack, PACK_LIMITS } from './index.ts'
import { wordErrorBoth } from '../../../shared/messages/index.ts'

const MOU = '01936d00-0000-7000-8000-000300000001'
let a: TestCore
let b: TestCore
const opened: string[] = []
beforeEach(async () => {
  a = await openTestCore()
  b = await openTestCore({ platform: folderPlatform(join(tempDir(), 'out'), { opened }) })
  await a.call('demo.load')
  opened.length = 0
  // Two registers, one with the demo data: on a server, beyond the default ten seconds.
}, 30_000)
afterEach(async () => {
  await a.dispose()
  await b.dispose()
})

const counts = async (core: TestCore) => (await core.call('app.info')).counts
const fileOf = (bytes: Uint8Array, name = 'hostile.htpack') => {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return path
}
const packOf = async (core: TestCore) => {
  const path = join(tempDir(), 'pack.htpack')
  await exportPack(core.ctx, { kind: 'all' }, core.dir, path)
  return path
}
/** A's pack with its database edited, and entries added. */
async function tampered(edit: (db: Database.Database) => void, extra: Record<string, Uint8Array> = {}) {
  const files = unzipSync(readFileSync(await packOf(a)))
  const file = join(tempDir(), 'data.sqlite')
  writeFileSync(file, files['data.sqlite']!)
  const db = new Database(file)
  edit(db)
  db.close()
  return fileOf(zipSync({ ...files, 'data.sqlite': readFileSync(file), ...extra }))
}
/** Imports into b and expects a refusal; b is left as it was and no scratch folder stays. */
async function refused(path: string, message: RegExp) {
  const before = await counts(b)
  const audit = await b.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  await expect(applyPackFile(b.ctx, path, b.dir)).rejects.toThrow(message)
  expect(await counts(b)).toEqual(before)
  expect(await b.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(audit)
  expect(readdirSync(b.dir).filter((f) => f.includes('hanh-trang-tmp'))).toEqual([])
}

describe('a hostile pack', () => {
  it('cannot make an attachment point outside the store', async () => {
    for (const sha256 of ['../../../../bin/sh', 'C:\\Users\\x\\x.bat', '../hanh-trang.sqlite']) {
      const path = await tampered((db) => {
        db.prepare(
          `INSERT INTO attachment (id, created_at, updated_at, updated_by, origin, entity, entity_id, sha256, file_name, mime, bytes) VALUES ('01936d00-0000-7000-8000-00000000a001', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'x', 'y', 'agreement', ?, ?, 'Bien-ban.pdf', 'application/pdf', 10)`,
        ).run(MOU, sha256)
      })
      await refused(path, /bảng tệp đính kèm \(attachment\), bản ghi 01936d00-0000-7000-8000-00000000a001, trường “sha256”/)
    }
    // Three packs made and refused: on a loaded machine with a server, past the default 30 s.
  }, 90_000)

  it.each([
    ['an unknown kind', `UPDATE agreement SET kind = 'bogus_kind' WHERE id = '${MOU}'`, /bảng văn kiện \(agreement\), bản ghi 01936d00-0000-7000-8000-000300000001, trường “Loại”/],
    ['a date that does not exist', `UPDATE agreement SET signed_date = '2025-02-31' WHERE id = '${MOU}'`, /trường “Ngày ký”: Ngày không hợp lệ/],
    ['an end before its start', `UPDATE engagement SET end_date = '2000-01-01' WHERE rowid = 1`, /bảng hoạt động \(engagement\).*Ngày kết thúc phải sau ngày bắt đầu/],
    ['a 2 MB note', `UPDATE agreement SET summary = printf('%.*c', 2000000, 'x') WHERE id = '${MOU}'`, /Quá dài/],
    ['an id that is not a UUID', `UPDATE commitment SET id = 'not-a-uuid' WHERE rowid = 1`, /bảng cam kết \(commitment\), bản ghi not-a-uuid, trường “Mã bản ghi”/],
    ['a party that is neither a locality nor an organization', `UPDATE agreement_party SET locality_id = NULL, organization_id = NULL WHERE rowid = 1`, /Mỗi bên là một địa phương hoặc một tổ chức/],
    [
      'brief settings that are not settings',
      `INSERT INTO brief VALUES ('01936d00-0000-7000-8000-00000000b001', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'x', 'y', '01936d00-0000-7000-8000-000700000001', '{"sections": 5}')`,
      /bảng tài liệu \(brief\)/,
    ],
    ['a deletion of a table that does not exist', `INSERT INTO tombstone VALUES ('sqlite_master', '01936d00-0000-7000-8000-00000000dead', '2026-11-01T00:00:00.000Z', 'x', 'y')`, /bảng bản ghi đã xóa/],
  ])('refuses %s, naming table, record and field', async (_name, statement, message) => {
    await refused(await tampered((db) => db.exec(statement)), message)
  })

  it('refuses an attachment whose bytes do not hash to its name', async () => {
    const scan = Buffer.from('%PDF-1.4\n% bản quét\n%%EOF\n')
    const sha256 = createHash('sha256').update(scan).digest('hex')
    const path = await tampered(
      (db) =>
        db
          .prepare(
            `INSERT INTO attachment (id, created_at, updated_at, updated_by, origin, entity, entity_id, sha256, file_name, mime, bytes) VALUES ('01936d00-0000-7000-8000-00000000a002', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'x', 'y', 'agreement', ?, ?, 'Bien-ban.pdf', 'application/pdf', ?)`,
          )
          .run(MOU, sha256, scan.length),
      { [`attachments/${sha256}`]: Buffer.from('MZ this is a program, not the scan') },
    )
    await refused(path, /Gói dữ liệu hỏng: attachments\//)
    expect(readdirSync(b.dir)).not.toContain('attachments')
    expect(await dialectOf(b.db).files.has(b.db, b.dir, 'attachment', sha256)).toBe(false)
  })

  it('writes no attachment that no record uses', async () => {
    const orphan = Buffer.alloc(5000, 7)
    const path = await tampered(() => {}, { [`attachments/${createHash('sha256').update(orphan).digest('hex')}`]: orphan })
    await applyPackFile(b.ctx, path, b.dir)
    expect(readdirSync(b.dir)).not.toContain('attachments')
  })

  it('refuses a bomb at once, having written nothing', async () => {
    // data.sqlite inflating to 256 MB from a quarter of a megabyte.
    const zip = new yazl.ZipFile()
    const files = unzipSync(readFileSync(await packOf(a)))
    zip.addBuffer(Buffer.from(files['manifest.json']!), 'manifest.json')
    let left = 256
    zip.addReadStream(Readable.from((function* () { while (left-- > 0) yield Buffer.alloc(1 << 20) })()), 'data.sqlite', { compressionLevel: 9 })
    zip.end()
    const chunks: Buffer[] = []
    for await (const c of zip.outputStream) chunks.push(c as Buffer)
    const bomb = fileOf(Buffer.concat(chunks))
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024)
    const started = Date.now()
    await refused(bomb, /nén bất thường/)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('stops an entry that inflates past the size it declares, and one past its cap', async () => {
    const files = unzipSync(readFileSync(await packOf(a)))
    const zipped = Buffer.from(zipSync(files, { level: 6 }))
    // The central directory says data.sqlite is 1,000 bytes; it inflates to far more.
    const name = Buffer.from('data.sqlite')
    for (let at = zipped.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at > 0; at = zipped.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1)) {
      if (zipped.subarray(at + 46, at + 46 + name.length).equals(name)) zipped.writeUInt32LE(1000, at + 24)
    }
    await refused(fileOf(zipped), /Gói dữ liệu hỏng: data.sqlite/)
    // Caps are checked before inflating.
    const small = { ...PACK_LIMITS, database: 4096 }
    await expect(openPack(await packOf(a), b.dir, small)).rejects.toThrow(/vượt giới hạn/)
  })

  it('is not opened by the system viewer when a stored record names something else', async () => {
    await b.call('demo.load')
    let n = 0
    const at = '2026-11-01T00:00:00.000Z'
    const insert = (sha256: string) =>
      b.db
        .insertInto('attachment')
        .values({ id: `01936d00-0000-7000-8000-00000000b${String(++n).padStart(3, '0')}`, createdAt: at, updatedAt: at, updatedBy: 'x', origin: 'y', entity: 'agreement', entityId: MOU, sha256, fileName: 'Bien-ban.pdf', mime: 'application/pdf', bytes: 10 })
        .execute()
    // Rows written before this version checked them (or by hand).
    const ids = ['../hanh-trang.sqlite', '../../../../bin/sh']
    for (const s of ids) await insert(s)
    for (const [row] of await Promise.all(ids.map((s) => b.db.selectFrom('attachment').select('id').where('sha256', '=', s).execute()))) {
      const r = await b.dispatch('attachments.open', { id: row!.id })
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    // A program stored under a proper hash is no picture either.
    const program = Buffer.from('MZ\x90\x00 a Windows program')
    const sha256 = createHash('sha256').update(program).digest('hex')
    // Kept in the register's store (the data folder of a file, the database of a server).
    await dialectOf(b.db).files.put(b.db, b.dir, 'attachment', sha256, { bytes: program }, 'x')
    await insert(sha256)
    const row = await b.db.selectFrom('attachment').select('id').where('sha256', '=', sha256).executeTakeFirstOrThrow()
    const r = await b.dispatch('attachments.open', { id: row.id })
    expect(!r.ok && wordErrorBoth(r.error)).toMatch(/Chỉ mở được tệp PDF hoặc ảnh/)
    expect(opened).toEqual([])
  })
})
