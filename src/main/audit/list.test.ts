import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

let core: TestCore
let clock = new Date('2026-11-23T08:00:00Z')
beforeEach(async () => {
  core = await openTestCore({ now: () => clock })
})
afterEach(() => core.dispose())
const tick = () => (clock = new Date(clock.getTime() + 60_000))

describe('the change log', () => {
  it("names each row's record and says which page opens it", async () => {
    const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
    const gunma = await refId(core, 'jp-pref-10')
    const { id: agreement } = await core.call('agreements.create', {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ về nông nghiệp',
      status: 'signed',
      signedDate: '2026-05-12',
      parties: [
        { side: 'home', localityId: thanhHoa },
        { side: 'partner', localityId: gunma },
      ],
    })
    tick()
    const { id: commitment } = await core.call('commitments.create', { agreementId: agreement, action: 'Trao đổi chuyên gia nông nghiệp', status: 'open' })
    tick()
    const { id: person } = await core.call('people.create', { familyName: 'Yamamoto', givenName: 'Ichita', nameOrder: 'family_first', country: 'JP', title: 'Thống đốc tỉnh Gunma' })
    tick()
    const { id: trip } = await core.call('trips.create', { title: 'Đoàn thăm Gunma', homeLocalityId: thanhHoa, startDate: '2027-03-08', endDate: '2027-03-12', destinationIds: [gunma] })
    tick()
    const { id: item } = await core.call('itinerary.create', { tripId: trip, kind: 'meeting', title: 'Hội kiến Thống đốc', start: '2027-03-09T10:00', counterparts: [{ personId: person }] })
    tick()
    const { id: fact } = await core.call('facts.create', { label: 'Dân số tỉnh Gunma', value: '1,9 triệu', asOf: '2025-10-01', scope: 'locality', localityId: gunma })
    tick()
    const { id: gone } = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Tạm', country: 'JP' })
    tick()
    await core.call('organizations.delete', { id: gone })

    const log = await core.call('audit.list')
    const row = (entityId: string, action = 'create') => log.find((e) => e.entityId === entityId && e.action === action)
    expect(row(agreement)).toMatchObject({ entity: 'agreement', name: 'Bản ghi nhớ về nông nghiệp', record: { kind: 'agreement', id: agreement }, count: null })
    // A commitment opens its agreement; an item its trip; a figure its locality.
    expect(row(commitment)).toMatchObject({ entity: 'commitment', name: 'Trao đổi chuyên gia nông nghiệp', record: { kind: 'agreement', id: agreement } })
    expect(row(person)).toMatchObject({ name: 'Yamamoto Ichita', record: { kind: 'person', id: person } })
    expect(row(item)).toMatchObject({ entity: 'itineraryItem', name: 'Hội kiến Thống đốc', record: { kind: 'trip', id: trip } })
    expect(row(fact)).toMatchObject({ name: 'Dân số tỉnh Gunma', record: { kind: 'locality', id: gunma } })
    // A deleted record keeps its name, and opens nothing (its creation neither: it is gone).
    expect(row(gone, 'delete')).toMatchObject({ name: 'Công ty Tạm', record: null })
    expect(row(gone)).toMatchObject({ name: 'Công ty Tạm', record: null })
    // Newest first.
    expect(log[0]).toMatchObject({ entityId: gone, action: 'delete' })
  })

  it("a record's own history lists each row, a sample load's included", async () => {
    await core.call('demo.load')
    const yamanashi = await refId(core, 'jp-pref-19')
    const history = await core.call('audit.list', { entityId: yamanashi })
    expect(history.map((e) => [e.action, e.source?.startsWith('demo:') ?? false])).toEqual([['update', true]])
    expect(history[0]).toMatchObject({ name: 'Yamanashi', record: { kind: 'locality', id: yamanashi } })
  })
})
