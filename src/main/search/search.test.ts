import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { reindexAll } from './documents.ts'

let core: TestCore
beforeAll(async () => {
  core = await openTestCore()
  await core.call('demo.load')
})
afterAll(() => core.dispose())

const search = (q: string) => core.call('search.query', { q })
const first = async (q: string) => (await search(q))[0]

describe('search', () => {
  it.each(['thanh hoa', 'THANH HÓA', 'Thanh Hóa'.normalize('NFD'), 'Thanh Hoá', 'thanh hóa', 'than'])('finds Thanh Hóa from “%s”', async (q) => {
    expect(await first(q)).toMatchObject({ kind: 'locality', title: 'Thanh Hóa' })
  })

  it('finds Đà Nẵng from "da nang"', async () => {
    expect(await first('da nang')).toMatchObject({ kind: 'locality', title: 'Đà Nẵng' })
  })

  it.each(['山梨', '山梨県', 'yamanashi', 'YAMANASHI', 'やまなし'])('finds Yamanashi from “%s”', async (q) => {
    expect(await first(q)).toMatchObject({ kind: 'locality', title: 'Yamanashi' })
  })

  it('finds Hà Nam with its lineage and the Hà Nam–Gunma MOU', async () => {
    const hits = await search('ha nam')
    expect(hits[0]).toMatchObject({ kind: 'locality', title: 'Hà Nam (nay thuộc tỉnh Ninh Bình)' })
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'agreement', title: 'Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma' }))
  })

  it('groups results by kind, partners before records', async () => {
    const kinds = (await search('thanh hoa')).map((h) => h.kind)
    expect(kinds).toEqual([...new Set(kinds)].flatMap((k) => kinds.filter((x) => x === k)))
    const firstRecord = kinds.findIndex((k) => k === 'agreement' || k === 'engagement')
    expect(kinds.slice(firstRecord).every((k) => k === 'agreement' || k === 'engagement')).toBe(true)
    expect(kinds).toEqual(expect.arrayContaining(['locality', 'organization', 'agreement', 'engagement']))
  })

  it('finds people by name without diacritics and organizations by abbreviation', async () => {
    expect(await first('cao van cuong')).toMatchObject({ kind: 'person', title: 'Cao Văn Cường' })
    expect(await first('jetro')).toMatchObject({ kind: 'organization', title: 'JETRO · Tổ chức Xúc tiến Thương mại Nhật Bản' })
    expect(await first('高市')).toMatchObject({ kind: 'person', title: 'TAKAICHI Sanae (高市 早苗)' })
  })

  it('follows renames and deletions', async () => {
    const yamanashi = await refId(core, 'jp-pref-19')
    const { locality } = await core.call('localities.get', { id: yamanashi })
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, refKey: _r, ...fields } = locality
    await core.call('localities.update', { id: yamanashi, ...fields, nameVi: 'Yamanashi-ken' })
    expect((await search('Văn bản hợp tác chính thức')).find((h) => h.kind === 'agreement')?.subtitle).toMatch(/Yamanashi-ken/)
    await core.call('localities.update', { id: yamanashi, ...fields })

    const { id } = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Thử Xóa', country: 'JP' })
    expect(await first('thu xoa')).toMatchObject({ id })
    await core.call('organizations.delete', { id })
    expect(await search('thu xoa')).toEqual([])
  })

  it('treats search syntax as plain text', async () => {
    for (const q of ['"', 'AND OR NOT', '*', 'title:x', '(', '%', '_', "'; DROP TABLE locality; --"]) {
      const r = await core.dispatch('search.query', { q })
      expect(r.ok).toBe(true)
    }
    expect((await core.call('localities.list', { country: 'JP' })).length).toBe(47)
  })

  it('finds the same after a full rebuild of the index', async () => {
    const queries = ['thanh hoa', 'ha nam', '山梨', '山梨県', 'gunma', 'jetro', 'dien dan']
    const before = await Promise.all(queries.map(search))
    await core.db.transaction().execute((trx) => reindexAll(trx))
    const after = await Promise.all(queries.map(search))
    expect(after.map((hits) => hits.map((h) => h.id).sort())).toEqual(before.map((hits) => hits.map((h) => h.id).sort()))
    expect(after.every((hits) => hits.length > 0)).toBe(true)
  })
})
