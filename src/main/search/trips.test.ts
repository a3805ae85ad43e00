import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../shared/contract.ts'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { reindexAll } from './documents.ts'

let core: TestCore
let yamanashi: string
let trip: string
let item: string
let snippet: string
beforeAll(async () => {
  core = await openTestCore()
  await core.call('demo.load')
  yamanashi = await refId(core, 'jp-pref-19')
  // Six words the sample data never uses (nor any word they start), two in each record.
  trip = (
    await core.call('trips.create', {
      title: 'Đoàn xúc tiến thương mại lụa tại Yamanashi',
      startDate: '2027-03-01',
      endDate: '2027-03-05',
      objectives: 'Giới thiệu sản phẩm quế hữu cơ của tỉnh',
      destinationIds: [yamanashi],
      members: [{ name: 'Chuyên viên Sở Ngoại vụ', role: 'secretary' }],
    })
  ).id
  item = (
    await core.call('itinerary.create', {
      tripId: trip,
      kind: 'site_visit',
      title: 'Thăm trang trại wasabi',
      start: '2027-03-02T09:30',
      place: 'Hokuto',
      counterparts: [{ localityId: yamanashi }],
      talkingPoints: 'Đề nghị hợp tác nuôi nghêu; 長崎幸太郎知事への表敬',
    })
  ).id
  snippet = (
    await core.call('snippets.create', {
      title: 'Chè Shan tuyết Thanh Hóa',
      text: 'Giới thiệu chiếu cói Nga Sơn cùng trà (ワサビ茶 không có).',
      sectors: [],
      localityId: yamanashi,
    })
  ).id
})
afterAll(() => core.dispose())

const search = (q: string, limit?: number) => core.call('search.query', { q, ...(limit && { limit }) })
const ids = async (q: string) => (await search(q)).map((h) => h.id)

describe('search over trips, programme items and talking points', () => {
  it.each([
    ['lụa', 'trip'],
    ['que', 'trip'],
    ['WASABI', 'item'],
    ['nghêu', 'item'],
    ['tuyet', 'snippet'],
    ['cói', 'snippet'],
  ])('finds “%s” in the %s', async (q, which) => {
    expect(await ids(q)).toEqual([{ trip, item, snippet }[which]])
  })

  it('names the kind, where a programme item opens, and what the hit says', async () => {
    expect((await search('lua'))[0]).toEqual({ kind: 'trip', id: trip, title: 'Đoàn xúc tiến thương mại lụa tại Yamanashi', subtitle: '01/03/2027 – 05/03/2027 · Yamanashi' })
    expect((await search('wasabi'))[0]).toEqual({ kind: 'itineraryItem', id: item, tripId: trip, title: 'Thăm trang trại wasabi', subtitle: 'Khảo sát, thăm cơ sở · 02/03/2027 09:30 · Hokuto' })
    expect((await search('tuyet'))[0]).toMatchObject({ kind: 'snippet', id: snippet, subtitle: expect.stringMatching(/^Yamanashi · Giới thiệu chiếu cói/) })
  })

  it('finds their Japanese text, however the kana and the spaces are typed', async () => {
    for (const q of ['長崎幸太郎知事', '長崎 幸太郎 知事']) expect(await ids(q)).toContain(item)
    for (const q of ['ワサビ茶', 'わさび茶', 'ﾜｻﾋﾞ茶']) expect(await ids(q)).toEqual([snippet])
  })

  it('finds a programme item by its counterpart and a trip by its destination', async () => {
    const hits = await search('yamanashi', 50)
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'trip', id: trip }))
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'itineraryItem', id: item }))
  })

  it('keeps the index in step with edits, partner renames and deletions', async () => {
    const t = await core.call('trips.get', { id: trip })
    const tripFields = { title: 'Đoàn xúc tiến thương mại kiwi tại Yamanashi', startDate: t.startDate, endDate: t.endDate, objectives: t.objectives, destinationIds: [yamanashi], members: [] }
    await core.call('trips.update', { id: trip, ...tripFields })
    expect(await ids('lụa')).toEqual([])
    expect(await ids('kiwi')).toEqual([trip])

    const { locality } = await core.call('localities.get', { id: yamanashi })
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, refKey: _r, ...fields } = locality
    await core.call('localities.update', { id: yamanashi, ...fields, nameVi: 'Yamanashi-ken' })
    expect((await search('kiwi'))[0]?.subtitle).toBe('01/03/2027 – 05/03/2027 · Yamanashi-ken')
    expect((await search('wasabi'))[0]?.subtitle).toBe('Khảo sát, thăm cơ sở · 02/03/2027 09:30 · Hokuto')
    expect((await search('tuyet'))[0]?.subtitle).toMatch(/^Yamanashi-ken · /)
    await core.call('localities.update', { id: yamanashi, ...fields })

    await core.call('snippets.delete', { id: snippet })
    expect(await ids('tuyet')).toEqual([])
    expect(await ids('ワサビ茶')).toEqual([])
    // A trip takes its programme with it.
    await core.call('trips.delete', { id: trip })
    expect(await ids('kiwi')).toEqual([])
    expect(await ids('wasabi')).toEqual([])
    expect(await ids('長崎幸太郎知事')).toEqual([])
    const left = core.sqlite.prepare(`SELECT count(*) FROM search_doc WHERE entity_id IN (?, ?, ?)`).pluck().get(trip, item, snippet)
    expect(left).toBe(0)
  })

  it('indexes the sample trip, its programme and the talking points, and a rebuild finds the same', async () => {
    const queries = ['lam viec voi lanh dao tinh yamanashi', 'tiem nang loi the cua thanh hoa', 'doan cong tac cua tinh thanh hoa']
    const kinds = async () => Promise.all(queries.map(async (q) => (await search(q))[0]?.kind))
    expect(await kinds()).toEqual(['itineraryItem', 'snippet', 'trip'])
    const before = await Promise.all(queries.map(search))
    await core.db.transaction().execute((trx) => reindexAll(trx))
    const after = await Promise.all(queries.map(search))
    expect(after.map((hits: SearchHit[]) => hits.map((h) => h.id).sort())).toEqual(before.map((hits) => hits.map((h) => h.id).sort()))
    const count = (sql: string) => Number(core.sqlite.prepare(sql).pluck().get())
    expect(count(`SELECT count(*) FROM search_doc WHERE kind IN ('trip', 'itineraryItem', 'snippet')`)).toBe(count(`SELECT (SELECT count(*) FROM trip) + (SELECT count(*) FROM itinerary_item) + (SELECT count(*) FROM snippet)`))
  })
})
