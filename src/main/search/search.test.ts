import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { PARTNER_KINDS, type SearchKind } from './doc.ts'
import { reindexAll } from './documents.ts'
import { shareOut } from './query.ts'

let core: TestCore
beforeAll(async () => {
  core = await openTestCore()
  await core.call('demo.load')
})
afterAll(() => core.dispose())

const search = (q: string, limit?: number) => core.call('search.query', { q, ...(limit && { limit }) })
const isPartner = (kind: string) => PARTNER_KINDS.has(kind as SearchKind)
const first = async (q: string) => (await search(q))[0]

describe('search', () => {
  it.each(['thanh hoa', 'THANH HÓA', 'Thanh Hóa'.normalize('NFD'), 'Thanh Hoá', 'thanh hóa', 'than'])('finds Thanh Hóa from “%s”', async (q) => {
    expect(await first(q)).toMatchObject({ kind: 'locality', title: 'Thanh Hóa' })
  })

  it('finds Đà Nẵng from "da nang"', async () => {
    expect(await first('da nang')).toMatchObject({ kind: 'locality', title: 'Đà Nẵng' })
  })

  it.each(['山梨', '山梨県', 'yamanashi', 'YAMANASHI', 'やまなし', 'ヤマナシ', 'ﾔﾏﾅｼ', 'ヤマナシケン', 'ﾔﾏﾅｼｹﾝ'])('finds Yamanashi from “%s”', async (q) => {
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
    const firstRecord = kinds.findIndex((k) => !isPartner(k))
    expect(kinds.slice(firstRecord).every((k) => !isPartner(k))).toBe(true)
    expect(kinds).toEqual(expect.arrayContaining(['locality', 'organization', 'agreement', 'engagement', 'trip', 'itineraryItem', 'snippet']))
  })

  it('bounds the whole answer by the limit, partners first, every kind found having its share', async () => {
    expect(await search('thanh hoa', 1)).toEqual([expect.objectContaining({ kind: 'locality', title: 'Thanh Hóa' })])
    const five = await search('thanh hoa', 5)
    expect(five).toHaveLength(5)
    expect(five[0]).toMatchObject({ kind: 'locality', title: 'Thanh Hóa' })
    expect(new Set(five.map((h) => h.kind)).size).toBe(5)
    expect(five.findIndex((h) => !isPartner(h.kind))).toBeGreaterThan(five.findLastIndex((h) => isPartner(h.kind)))
    // 20 when the caller does not say, 50 at most.
    expect((await search('tinh', 50)).length).toBe(50)
    expect((await search('tinh')).length).toBe(20)
    expect((await search('ha nam', 3)).map((h) => h.title)).toContain('Hà Nam (nay thuộc tỉnh Ninh Bình)')
    expect(await core.dispatch('search.query', { q: 'thanh hoa', limit: 51 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('shares a limit out one hit per kind in turn', () => {
    expect(shareOut([10, 10, 10], 7)).toEqual([3, 2, 2])
    expect(shareOut([1, 10, 0, 10], 8)).toEqual([1, 4, 0, 3])
    expect(shareOut([30], 20)).toEqual([20])
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 8 }), fc.integer({ min: 1, max: 50 }), (sizes, limit) => {
        const shares = shareOut(sizes, limit)
        expect(shares.reduce((n, s) => n + s, 0)).toBe(Math.min(limit, sizes.reduce((n, s) => n + s, 0)))
        shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(sizes[i]!))
        // A group short of its size got at least as many as any other: nothing was left unshared unfairly.
        shares.forEach((s, i) => s < sizes[i]! && shares.forEach((t) => expect(t).toBeLessThanOrEqual(s + 1)))
      }),
    )
  })

  it('finds a Japanese full name with or without the space, and by its kana', async () => {
    const { id } = await core.call('people.create', {
      familyName: 'Nagasaki',
      givenName: 'Kotaro',
      familyNameNative: '長崎',
      givenNameNative: '幸太郎',
      nameKana: 'ナガサキ コウタロウ',
      nameOrder: 'family_first',
      country: 'JP',
      title: 'Thống đốc tỉnh Yamanashi',
      localityId: await refId(core, 'jp-pref-19'),
    })
    for (const q of ['長崎幸太郎', '長崎 幸太郎', '長崎　幸太郎', 'ながさき こうたろう', 'ナガサキコウタロウ', 'ﾅｶﾞｻｷ ｺｳﾀﾛｳ', 'nagasaki kotaro']) {
      expect(await first(q), q).toMatchObject({ kind: 'person', id, title: 'NAGASAKI Kotaro (長崎 幸太郎)' })
    }
    // The family name alone: Nagasaki Prefecture and the governor.
    for (const q of ['長崎', 'ナガサキ', 'ﾅｶﾞｻｷ']) expect((await search(q)).map((h) => h.title).sort(), q).toEqual(['NAGASAKI Kotaro (長崎 幸太郎)', 'Nagasaki'])
    await core.call('people.delete', { id })
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

  it('puts the shortest name first while a name is typed, among many that start the same', async () => {
    // Seventy communes sort before "thanh hoa" and were written after it, as a large register's are.
    for (let i = 0; i < 70; i++) await core.call('localities.create', { country: 'VN', level: 'municipality', nameVi: `Thạnh An ${100 + i}` })
    for (const q of ['than', 'thanh', 'thanh h']) expect((await first(q))?.title).toBe('Thanh Hóa')
    expect((await search('thanh an', 50)).filter((h) => h.title.startsWith('Thạnh An')).length).toBe(50)
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
    // Every hit (the rebuild writes the documents in another order, which ranks the last of a long list otherwise).
    const all = (q: string) => search(q, 50)
    const before = await Promise.all(queries.map(all))
    await core.db.transaction().execute((trx) => reindexAll(trx))
    const after = await Promise.all(queries.map(all))
    expect(after.map((hits) => hits.map((h) => h.id).sort())).toEqual(before.map((hits) => hits.map((h) => h.id).sort()))
    expect(after.every((hits) => hits.length > 0)).toBe(true)
  })
})
