import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyPackFile, exportPack, type PackScope } from '../exchange/pack/index.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const MEETING = '01936d00-0000-7000-8000-000800000002'
let a: TestCore
let b: TestCore
const now = () => new Date('2026-12-20T08:00:00Z')
beforeEach(async () => {
  a = await openTestCore({ now })
  b = await openTestCore({ now })
  await a.call('demo.load')
}, 30_000)
afterEach(async () => {
  await a.dispose()
  await b.dispose()
})

const carry = async (scope: PackScope) => {
  const path = join(tempDir(), 'pack.htpack')
  await exportPack(a.ctx, scope, a.dir, path)
  return applyPackFile(b.ctx, path, b.dir, {})
}

describe("issue 14's records in data packs", () => {
  it("carry a counterpart's gifts and a meeting's outcomes and commitments, in a trip's pack", async () => {
    const yamanashi = await refId(a, 'jp-pref-19')
    await a.call('gifts.create', { localityId: yamanashi, direction: 'given', date: '2025-11-25', description: 'Tranh sơn mài', tripId: TRIP })
    await carry({ kind: 'trip', id: TRIP })
    const there = await refId(b, 'jp-pref-19')
    expect((await b.call('gifts.list', { counterpartId: there })).map((g) => [g.description, g.occasionTitle])).toEqual([['Tranh sơn mài', 'Đoàn công tác của tỉnh Thanh Hóa làm việc tại tỉnh Yamanashi, Nhật Bản (năm 2026)']])
    expect((await b.call('trips.get', { id: TRIP })).items.find((i) => i.id === MEETING)!.outcomes).toContain('tiến tới ký kết')
    expect((await b.call('itinerary.followUp', { id: MEETING })).commitments).toHaveLength(2)
  })

  it('carry a gift deleted on one side to the other', async () => {
    const yamanashi = await refId(a, 'jp-pref-19')
    const { id } = await a.call('gifts.create', { localityId: yamanashi, direction: 'received', date: '2026-12-08', description: 'Bộ chén sứ' })
    await carry({ kind: 'all' })
    await a.call('gifts.delete', { id })
    await carry({ kind: 'all' })
    expect(await b.call('gifts.list', { counterpartId: await refId(b, 'jp-pref-19') })).toEqual([])
  })

  it('removing the sample data keeps a gift the officer noted, and the sample person it was for', async () => {
    const takaichi = '01936d00-0000-7000-8000-000200000005'
    await a.call('gifts.create', { personId: takaichi, direction: 'given', date: '2025-11-25', description: 'Tranh sơn mài' })
    await a.call('demo.remove')
    expect((await a.call('gifts.list', { counterpartId: takaichi })).map((g) => g.description)).toEqual(['Tranh sơn mài'])
    expect(await a.db.selectFrom('person').select('id').where('id', '=', takaichi).execute()).toHaveLength(1)
    // The commitments arising from the sample trip's meetings went with it.
    expect(await a.db.selectFrom('commitment').select('id').where('itineraryItemId', 'is not', null).execute()).toEqual([])
  })
})
