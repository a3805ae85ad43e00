import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { openDatabase } from '../connection.ts'
import { migrations } from './index.ts'

let cores: TestCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose()
})

const META = `'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'cán bộ', 'o'`

describe('0011-search-trips-and-kana', () => {
  it('indexes the trips, programme and talking points of a register from the previous version, and folds its kana', async () => {
    const dir = tempDir()
    const path = join(dir, 'hanh-trang.sqlite')
    // A register as version 10 left it: trips, an item and a talking point with no search
    // documents, and a counterpart whose document holds its kana as katakana.
    const before = await openDatabase(path, { migrations: migrations.slice(0, 10) })
    before.sqlite.exec(`
      INSERT INTO trip (id, created_at, updated_at, updated_by, origin, title, start_date, end_date, objectives)
        VALUES ('t1', ${META}, 'Đoàn xúc tiến thương mại lụa', '2027-03-01', '2027-03-05', 'Giới thiệu quế hữu cơ');
      INSERT INTO itinerary_item (id, created_at, updated_at, updated_by, origin, trip_id, kind, title, start, talking_points)
        VALUES ('i1', ${META}, 't1', 'site_visit', 'Thăm trang trại wasabi', '2027-03-02T09:30', 'Hợp tác nuôi nghêu');
      INSERT INTO snippet (id, created_at, updated_at, updated_by, origin, title, text)
        VALUES ('s1', ${META}, 'Chè Shan tuyết', 'Chiếu cói Nga Sơn');
      INSERT INTO person (id, created_at, updated_at, updated_by, origin, family_name, given_name, family_name_native, given_name_native, name_kana, name_order, country)
        VALUES ('p1', ${META}, 'Nagasaki', 'Kotaro', '長崎', '幸太郎', 'ナガサキ コウタロウ', 'family_first', 'JP');
      INSERT INTO search_doc (doc_id, kind, entity_id, title, subtitle, title_folded, native_names)
        VALUES (1, 'person', 'p1', 'NAGASAKI Kotaro (長崎 幸太郎)', '', 'nagasaki kotaro (長崎 幸太郎)', '長崎 幸太郎 ナガサキ コウタロウ');
      INSERT INTO search_fts_partner (rowid, title, body) VALUES (1, 'nagasaki kotaro', '');
    `)
    await before.close()

    // The upgrade queues every record, what the index lacks first.
    const upgraded = await openDatabase(path)
    expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(11)
    expect(upgraded.sqlite.prepare(`SELECT kind, entity_id AS id, dependents FROM search_queue ORDER BY seq`).all()).toEqual([
      { kind: 'trip', id: 't1', dependents: 0 },
      { kind: 'itineraryItem', id: 'i1', dependents: 0 },
      { kind: 'snippet', id: 's1', dependents: 0 },
      { kind: 'person', id: 'p1', dependents: 0 },
    ])
    await upgraded.close()

    // ...and the indexer writes their documents just after the start.
    const core = await openTestCore({ dir })
    cores.push(core)
    await core.indexer.idle()
    expect(await core.call('search.status')).toEqual({ pending: 0 })
    const ids = async (q: string) => (await core.call('search.query', { q })).map((h) => h.id)
    for (const [q, id] of [['lua', 't1'], ['que', 't1'], ['wasabi', 'i1'], ['ngheu', 'i1'], ['tuyet', 's1'], ['coi', 's1']]) expect(await ids(q!), q).toEqual([id])
    for (const q of ['ナガサキ コウタロウ', 'ながさきこうたろう', '長崎幸太郎', '長崎 幸太郎']) expect(await ids(q), q).toEqual(['p1'])
    expect(core.sqlite.prepare(`SELECT count(*) FROM search_doc WHERE entity_id IN ('t1', 'i1', 's1', 'p1')`).pluck().get()).toBe(4)
  })
})
