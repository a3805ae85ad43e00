import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { generateRegister } from '../../../../scripts/bench-data.ts'
import { INLINE_LIMIT } from '../../search/queue.ts'
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzePackFile, applyPackFile, exportPack, packRecords, type Choices, type PackScope } from './index.ts'

const HA_NAM_MOU = '01936d00-0000-7000-8000-000300000001'
const TH_YAMANASHI = '01936d00-0000-7000-8000-000300000002'
const TRIP = '01936d00-0000-7000-8000-000700000001'

let a: TestCore
let b: TestCore
let clock = new Date('2026-11-23T08:00:00Z')
const now = () => clock
const tick = () => (clock = new Date(clock.getTime() + 60_000))
beforeEach(async () => {
  a = await openTestCore({ now })
  b = await openTestCore({ now })
  await a.call('demo.load')
})
afterEach(async () => {
  await a.dispose()
  await b.dispose()
})

/** A pack of `core` written to a file; its path. */
const pack = async (core: TestCore, scope: PackScope = { kind: 'all' }) => {
  const path = join(tempDir(), 'pack.htpack')
  await exportPack(core.ctx, scope, core.dir, path)
  return path
}
/** Bytes made into a pack file (a pack edited or made by hand). */
const fileOf = (bytes: Uint8Array) => {
  const path = join(tempDir(), 'edited.htpack')
  writeFileSync(path, bytes)
  return path
}
const applyPack = (core: TestCore, pathOrBytes: string | Uint8Array, choices: Choices = {}) => applyPackFile(core.ctx, typeof pathOrBytes === 'string' ? pathOrBytes : fileOf(pathOrBytes), core.dir, choices)
const analyzePack = (core: TestCore, path: string) => analyzePackFile(core.ctx, path, core.dir)
const entries = (path: string) => unzipSync(readFileSync(path))
const counts = async (core: TestCore) => (await core.call('app.info')).counts

describe('data packs', () => {
  it('carries everything from one installation to another, reference data matched by key', async () => {
    const r = await applyPack(b, await pack(a))
    expect(r.conflicts).toEqual([])
    expect(await counts(b)).toEqual(await counts(a))
    // Reference records have other ids on b, yet the agreement reads the same.
    expect((await b.call('agreements.get', { id: HA_NAM_MOU })).parties.map((p) => p.displayName)).toEqual(['Hà Nam (nay thuộc tỉnh Ninh Bình)', 'Gunma'])
    expect((await b.call('search.query', { q: 'van ban hop tac chinh thuc' }))[0]?.id).toBe(TH_YAMANASHI)
    expect((await b.call('trips.get', { id: TRIP })).items).toHaveLength(6)
    // A second import of the same pack changes nothing.
    const again = await applyPack(b, await pack(a))
    expect({ created: again.created, updated: again.updated, conflicts: again.conflicts.length }).toEqual({ created: 0, updated: 0, conflicts: 0 })
  })

  it('takes what changed only there, keeps what changed only here, and shows a conflict for the rest', async () => {
    await applyPack(b, await pack(a))
    tick()
    const get = (core: TestCore) => core.call('agreements.get', { id: TH_YAMANASHI })
    const edit = async (core: TestCore, id: string, patch: Record<string, unknown>) => {
      const x = await core.call('agreements.get', { id })
      await core.call('agreements.update', {
        id,
        kind: x.kind,
        titleVi: x.titleVi,
        status: x.status,
        summary: x.summary,
        sources: x.sources,
        sectors: x.sectors,
        parties: x.parties.map((p) => ({ side: p.side, localityId: p.localityId, organizationId: p.organizationId })),
        ...patch,
      })
    }
    await edit(a, TH_YAMANASHI, { titleVi: 'Tên do máy A sửa' })
    await edit(b, TH_YAMANASHI, { titleVi: 'Tên do máy B sửa' })
    await edit(a, HA_NAM_MOU, { status: 'in_force', summary: 'Chỉ máy A sửa' })
    const { id: commitment } = await b.call('commitments.create', { agreementId: '01936d00-0000-7000-8000-000300000003', action: 'Việc chỉ máy B thêm', status: 'open' })
    tick()

    const bytes = await pack(a)
    const analysis = await analyzePack(b, bytes)
    expect(analysis.conflicts.map((c) => [c.table, c.id, c.mine?.titleVi, c.theirs?.titleVi])).toEqual([['agreement', TH_YAMANASHI, 'Tên do máy B sửa', 'Tên do máy A sửa']])
    const r = await applyPack(b, bytes)
    expect(r.updated).toBeGreaterThanOrEqual(1)
    expect((await get(b)).titleVi).toBe('Tên do máy B sửa') // never overwritten silently
    expect((await b.call('agreements.get', { id: HA_NAM_MOU })).summary).toBe('Chỉ máy A sửa')
    expect((await b.call('agreements.get', { id: '01936d00-0000-7000-8000-000300000003' })).commitments.map((c) => c.id)).toContain(commitment)

    // The officer takes the other version.
    const resolved = await applyPack(b, bytes, { [`agreement:${TH_YAMANASHI}`]: 'theirs' })
    expect(resolved.resolvedTheirs).toBe(1)
    expect((await get(b)).titleVi).toBe('Tên do máy A sửa')
    expect((await get(b)).parties).toHaveLength(2)
  })

  it('brings a partner renamed elsewhere, and search finds its engagements under the new name', async () => {
    await applyPack(b, await pack(a))
    tick()
    const party = await a.db.selectFrom('engagementParticipant').select(['engagementId', 'organizationId']).where('organizationId', 'is not', null).executeTakeFirstOrThrow()
    const org = await a.db.selectFrom('organization').selectAll().where('id', '=', party.organizationId!).executeTakeFirstOrThrow()
    await a.call('organizations.update', { id: org.id, kind: org.kind as 'agency', nameVi: 'Cơ quan Đổi Tên Khảo Thí', country: org.country, notes: org.notes })
    tick()
    const r = await applyPack(b, await pack(a))
    expect(r.updated).toBe(1)
    const hits = await b.call('search.query', { q: 'doi ten khao thi' })
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([org.id, party.engagementId]))
  })

  it('matches a partner made elsewhere by its name and country, keeping this one', async () => {
    await b.call('organizations.create', { kind: 'company', nameVi: 'Tập đoàn Sumitomo', country: 'JP', notes: 'Ghi chú của máy B' })
    const r = await applyPack(b, await pack(a))
    expect(r.matchedByName).toBe(1)
    const orgs = (await b.call('organizations.list')).filter((o) => o.nameVi === 'Tập đoàn Sumitomo')
    expect(orgs).toHaveLength(1)
  })

  it('packs one partner with what is linked to it, or one trip with what its brief needs', async () => {
    const yamanashi = (await a.db.selectFrom('locality').select('id').where('refKey', '=', 'jp-pref-19').executeTakeFirstOrThrow()).id
    const partner = await pack(a, { kind: 'partner', id: yamanashi })
    const records = (table: string) => packRecords(partner, b.dir, table)
    expect((await records('agreement')).map((x) => x.id)).toEqual([TH_YAMANASHI])
    expect(await records('commitment')).toHaveLength(5)
    // The engagements' other participants come too, and the successors of old units among them.
    expect((await records('locality')).map((l) => l.nameVi)).toEqual(expect.arrayContaining(['Thanh Hóa', 'Yamanashi', 'Hà Nam', 'Ninh Bình']))
    expect((await records('localityLineage')).length).toBeGreaterThan(0)
    expect(await records('engagement')).toHaveLength(3)

    const trip = await pack(a, { kind: 'trip', id: TRIP })
    expect(await packRecords(trip, b.dir, 'trip')).toHaveLength(1)
    expect(await packRecords(trip, b.dir, 'itineraryItem')).toHaveLength(6)
    expect((await packRecords(trip, b.dir, 'organization')).map((o) => o.abbreviation)).toContain('JETRO')
    await applyPack(b, await pack(a, { kind: 'trip', id: TRIP }))
    const { model } = await b.call('briefs.get', { tripId: TRIP })
    expect(model.sections.find((s) => s.id === 'agreements')?.blocks[0]).toMatchObject({ type: 'table' })
  })

  it('moves a large register in bulk: every row, every index, and search catches up', async () => {
    generateRegister(a.sqlite, { partners: 400, agreements: 6000, engagements: 2000 }, a.ctx.origin)
    const r = await applyPack(b, await pack(a))
    expect(r.conflicts).toEqual([])
    const count = (core: TestCore, table: string) => core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    for (const table of ['agreement', 'agreement_party', 'commitment', 'engagement', 'engagement_participant', 'person', 'trip', 'trip_destination', 'itinerary_item', 'snippet']) expect(count(b, table)).toBe(count(a, table))
    // Indexes dropped for the bulk load are all there again.
    const indexes = (core: TestCore) => core.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all()
    expect(indexes(b)).toEqual(indexes(a))
    expect(b.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // The load ran under the rollback journal (a new installation); the WAL is back.
    expect(b.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(b.sqlite.pragma('foreign_key_check')).toEqual([])
    // The search documents follow in the background.
    expect(r.indexing).toBeGreaterThan(INLINE_LIMIT)
    b.indexer.kick()
    await b.indexer.idle()
    expect(count(b, 'search_doc')).toBe(['locality', 'organization', 'person', 'agreement', 'engagement', 'trip', 'itinerary_item', 'snippet'].reduce((n, t) => n + Number(count(b, t)), 0))
    expect(Number(count(b, 'itinerary_item'))).toBeGreaterThan(0)
  })

  it.each([1, 2])('still reads a pack of format %i (JSON per table)', async (version) => {
    const current = await pack(a)
    const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(JSON.stringify({ ...JSON.parse(strFromU8(entries(current)['manifest.json']!)), version })) }
    for (const table of ['locality', 'organization', 'person', 'agreement', 'agreementParty', 'commitment', 'trip', 'itineraryItem']) {
      const records = await packRecords(current, b.dir, table)
      // Format 1: a list of objects in camelCase; format 2: columns and rows in snake_case.
      const columns = Object.keys(records[0]!)
      const snake = (c: string) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)
      files[version === 1 ? `data/${table}.json` : `data/${snake(table)}.json`] = strToU8(JSON.stringify(version === 1 ? records : { columns: columns.map(snake), rows: records.map((r) => columns.map((c) => r[c])) }))
    }
    const r = await applyPack(b, zipSync(files))
    expect(r.conflicts).toEqual([])
    expect((await b.call('agreements.get', { id: HA_NAM_MOU })).parties.map((p) => p.displayName)).toEqual(['Hà Nam (nay thuộc tỉnh Ninh Bình)', 'Gunma'])
    expect((await b.call('agreements.get', { id: TH_YAMANASHI })).commitments).toHaveLength(5)
    // Counterparts inside an itinerary item's JSON point at the reference records of this installation.
    const jetro = (await b.db.selectFrom('organization').select('id').where('abbreviation', '=', 'JETRO').executeTakeFirstOrThrow()).id
    const items = await b.db.selectFrom('itineraryItem').select('counterparts').where('tripId', '=', TRIP).execute()
    expect(items.some((i) => i.counterparts.includes(jetro))).toBe(true)
  })

  it('refuses a pack from a newer version, or a damaged one, and writes nothing', async () => {
    const files = entries(await pack(a))
    const m = JSON.parse(strFromU8(files['manifest.json']!))
    files['manifest.json'] = strToU8(JSON.stringify({ ...m, version: 99 }))
    const before = await counts(b)
    await expect(applyPack(b, zipSync(files))).rejects.toThrow(/phiên bản Hành Trang mới hơn/)
    await expect(applyPack(b, new Uint8Array([1, 2, 3]))).rejects.toThrow(/không phải gói dữ liệu/)
    files['manifest.json'] = strToU8(JSON.stringify(m))
    // The database file damaged on the stick: its CRC no longer matches.
    const data = files['data.sqlite']!
    const zipped = zipSync(files, { level: 0 })
    const at = Buffer.from(zipped).indexOf(Buffer.from(data.subarray(0, 64))) + 20_000
    zipped[at] = zipped[at]! ^ 0xff
    await expect(applyPack(b, zipped)).rejects.toThrow(/Gói dữ liệu hỏng: data.sqlite không đọc được/)
    // Not a database at all.
    await expect(applyPack(b, zipSync({ ...files, 'data.sqlite': strToU8('SQLite format 3 — not really') }))).rejects.toThrow(/data.sqlite không đọc được/)
    // A database that would run code of its own when read (a trigger) is refused.
    const dir = mkdtempSync(join(tmpdir(), 'pack-trigger-'))
    writeFileSync(join(dir, 'data.sqlite'), data)
    const db = new Database(join(dir, 'data.sqlite'))
    db.exec(`CREATE TRIGGER t AFTER INSERT ON agreement BEGIN DELETE FROM agreement; END`)
    db.close()
    await expect(applyPack(b, zipSync({ ...files, 'data.sqlite': readFileSync(join(dir, 'data.sqlite')) }))).rejects.toThrow(/view, trigger/)
    // A whole register whose participant points at a locality it does not hold.
    writeFileSync(join(dir, 'data.sqlite'), data)
    const broken = new Database(join(dir, 'data.sqlite'))
    broken.exec(`UPDATE engagement_participant SET locality_id = '01936d00-0000-7000-8000-0000000000ff' WHERE rowid = (SELECT min(rowid) FROM engagement_participant WHERE locality_id IS NOT NULL)`)
    broken.close()
    await expect(applyPack(b, zipSync({ ...files, 'data.sqlite': readFileSync(join(dir, 'data.sqlite')) }))).rejects.toThrow(/không nhất quán/)
    // An itinerary item whose counterparts are not a readable list.
    writeFileSync(join(dir, 'data.sqlite'), data)
    const garbled = new Database(join(dir, 'data.sqlite'))
    garbled.exec(`UPDATE itinerary_item SET counterparts = '[{"personId": ' WHERE rowid = (SELECT min(rowid) FROM itinerary_item)`)
    garbled.close()
    await expect(applyPack(b, zipSync({ ...files, 'data.sqlite': readFileSync(join(dir, 'data.sqlite')) }))).rejects.toThrow(/Gói dữ liệu có bản ghi không hợp lệ — bảng mục chương trình/)
    // A format 2 pack with a broken table file.
    const v2 = { 'manifest.json': strToU8(JSON.stringify({ ...m, version: 2 })), 'data/agreement.json': strToU8('[{"id": "x", ') }
    await expect(applyPack(b, zipSync(v2))).rejects.toThrow(/data\/agreement.json không đọc được/)
    expect(await counts(b)).toEqual(before)
    // Nothing of a refused pack is left attached.
    expect(b.sqlite.prepare('PRAGMA database_list').all().map((d) => (d as { name: string }).name)).not.toContainEqual(expect.stringMatching(/^pack_/))
  })
})
