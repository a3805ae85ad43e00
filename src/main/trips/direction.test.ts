/** Delegations received as well as sent: the direction, our hosts, the items' wording for the other side. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

let core: TestCore
let yamanashi: string
let thanhHoa: string
let leader: string

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2027-02-01T09:00:00Z') })
  thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  yamanashi = await refId(core, 'jp-pref-19')
  leader = (await core.call('people.create', { familyName: 'Cao', givenName: 'Văn Cường', country: 'VN', nameOrder: 'family_first', title: 'Phó Chủ tịch UBND tỉnh Thanh Hóa' })).id
})
afterAll(() => core.dispose())

describe('a delegation received', () => {
  it('keeps its direction, its hosts with their part, and each item in the other side\'s words', async () => {
    const { id } = await core.call('trips.create', {
      title: 'Đón đoàn tỉnh Yamanashi thăm Thanh Hóa',
      direction: 'in',
      homeLocalityId: thanhHoa,
      startDate: '2027-03-12',
      endDate: '2027-03-14',
      destinationIds: [yamanashi],
      members: [{ name: 'Đại diện lãnh đạo tỉnh Yamanashi', role: 'head' }],
      hosts: [
        { personId: leader, role: 'chair' },
        { name: 'Lê Thị Hoa', title: 'Giám đốc Sở Ngoại vụ', role: 'co_host' },
      ],
    })
    await core.call('itinerary.create', {
      tripId: id,
      kind: 'meeting',
      title: 'Hội đàm với lãnh đạo tỉnh',
      start: '2027-03-13T09:00',
      translations: { ja: { title: '省指導部との会談', place: '省人民委員会庁舎' } },
    })
    const trip = await core.call('trips.get', { id })
    expect(trip.direction).toBe('in')
    expect(trip.hosts).toEqual([
      { personId: leader, name: 'Cao Văn Cường', title: 'Phó Chủ tịch UBND tỉnh Thanh Hóa', role: 'chair' },
      { personId: null, name: 'Lê Thị Hoa', title: 'Giám đốc Sở Ngoại vụ', role: 'co_host' },
    ])
    expect(trip.items[0]!.translations).toEqual({ ja: { title: '省指導部との会談', place: '省人民委員会庁舎', attendees: null, asks: null } })
    expect((await core.call('trips.list')).find((t) => t.id === id)?.direction).toBe('in')
    // On the calendar, marked as received.
    expect((await core.call('calendar.month', { month: '2027-03' })).entries).toContainEqual(expect.objectContaining({ type: 'trip', id, kind: 'in', where: 'Yamanashi' }))

    // A copy is received too, with the same hosts.
    const copy = await core.call('trips.get', await core.call('trips.duplicate', { id }))
    expect([copy.direction, copy.hosts.map((h) => h.name)]).toEqual(['in', ['Cao Văn Cường', 'Lê Thị Hoa']])
  })

  it('refuses a direction that is neither, and a host with no name, changing nothing', async () => {
    const before = (await core.call('trips.list')).length
    const wrong = await core.dispatch('trips.create', { title: 'Đoàn', direction: 'sideways', startDate: '2027-03-12', endDate: '2027-03-14' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ field: 'direction' }] } })
    const nameless = await core.dispatch('trips.create', { title: 'Đoàn', direction: 'in', startDate: '2027-03-12', endDate: '2027-03-14', hosts: [{ role: 'chair' }] })
    expect(nameless).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ field: 'hosts.0.name', code: 'member_person_or_name' }] } })
    expect((await core.call('trips.list')).length).toBe(before)
  })

  it('is a delegation sent when nothing says otherwise', async () => {
    const { id } = await core.call('trips.create', { title: 'Đoàn ra', startDate: '2027-05-01', endDate: '2027-05-03' })
    expect((await core.call('trips.get', { id })).direction).toBe('out')
  })
})
