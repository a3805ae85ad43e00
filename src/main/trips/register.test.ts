/** Trips are part of the register: on the calendar, and on their partners' and counterparts' timelines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

let core: TestCore
let trip: string
let yamanashi: string
let haNam: string
let ninhBinh: string
let jetro: string
let governor: string
let leader: string

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2026-12-01T09:00:00Z') })
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  yamanashi = await refId(core, 'jp-pref-19')
  haNam = await refId(core, 'vn-pre2025-ha-nam')
  ninhBinh = await refId(core, 'vn-2025-ninh-binh')
  jetro = (await core.db.selectFrom('organization').select('id').where('refKey', '=', 'jp-org-jetro').executeTakeFirstOrThrow()).id
  governor = (await core.call('people.create', { familyName: 'Nagasaki', givenName: 'Kotaro', country: 'JP', nameOrder: 'family_first', localityId: yamanashi })).id
  leader = (await core.call('people.create', { familyName: 'Cao', givenName: 'Văn Cường', country: 'VN', nameOrder: 'family_first' })).id
  trip = (
    await core.call('trips.create', {
      title: 'Đoàn công tác tại Yamanashi',
      homeLocalityId: thanhHoa,
      startDate: '2026-12-07',
      endDate: '2026-12-11',
      destinationIds: [yamanashi],
      members: [{ personId: leader, role: 'head' }],
    })
  ).id
  await core.call('itinerary.create', { tripId: trip, kind: 'meeting', title: 'Làm việc với Thống đốc', start: '2026-12-08T10:00', counterparts: [{ personId: governor }] })
  await core.call('itinerary.create', { tripId: trip, kind: 'meeting', title: 'Làm việc với JETRO', start: '2026-12-10T10:00', counterparts: [{ organizationId: jetro }] })
  // Another trip, months before, to Hà Nam's partner: it belongs to Ninh Bình's history, not to Yamanashi's.
  await core.call('trips.create', { title: 'Đoàn tiền trạm', startDate: '2026-03-30', endDate: '2026-04-02', destinationIds: [haNam] })
  await core.call('engagements.create', { kind: 'meeting', title: 'Tiếp Đại sứ', startDate: '2026-11-30', participants: [] })
  await core.call('engagements.create', { kind: 'forum', title: 'Diễn đàn hai ngày', startDate: '2026-10-31', endDate: '2026-11-01', participants: [] })
})
afterAll(() => core.dispose())

describe('trips in the register', () => {
  it('are on the timelines of their destinations, their counterparts and their members', async () => {
    const roles = (r: { trips: Array<{ title: string; roles: string[] }> }) => r.trips.map((t) => [t.title, t.roles])
    expect(roles(await core.call('localities.get', { id: yamanashi }))).toEqual([['Đoàn công tác tại Yamanashi', ['destination']]])
    expect(roles(await core.call('people.get', { id: governor }))).toEqual([['Đoàn công tác tại Yamanashi', ['counterpart']]])
    expect(roles(await core.call('people.get', { id: leader }))).toEqual([['Đoàn công tác tại Yamanashi', ['member']]])
    expect(roles(await core.call('organizations.get', { id: jetro }))).toEqual([['Đoàn công tác tại Yamanashi', ['counterpart']]])
    // A predecessor unit's trips are its successor's history.
    expect(roles(await core.call('localities.get', { id: ninhBinh }))).toEqual([['Đoàn tiền trạm', ['destination']]])
    expect((await core.call('localities.get', { id: yamanashi })).trips[0]).toMatchObject({ startDate: '2026-12-07', endDate: '2026-12-11', destinations: 'Yamanashi' })
  })

  it('are on the calendar, in the whole weeks of a month, with the engagements of every day they touch', async () => {
    const month = async (m?: string) => (await core.call('calendar.month', m ? { month: m } : undefined)).entries.map((e) => `${e.type}:${e.title}`)
    // Today's month by default: December 2026, Monday 30/11 to Sunday 03/01.
    const december = await core.call('calendar.month')
    expect([december.today, december.month, december.from, december.to]).toEqual(['2026-12-01', '2026-12', '2026-11-30', '2027-01-03'])
    // The reception on Monday 30/11 is in December's first week.
    expect(await month()).toEqual(['engagement:Tiếp Đại sứ', 'trip:Đoàn công tác tại Yamanashi'])
    expect(december.entries[1]).toMatchObject({ type: 'trip', id: trip, where: 'Yamanashi', startDate: '2026-12-07', endDate: '2026-12-11' })
    // A two-day forum from Saturday 31/10 is in November's grid (from Monday 26/10).
    expect(await month('2026-11')).toEqual(['engagement:Diễn đàn hai ngày', 'engagement:Tiếp Đại sứ'])
    // A trip from 30/03 to 02/04 is in March and April, not in May.
    expect(await month('2026-03')).toEqual(['trip:Đoàn tiền trạm'])
    expect(await month('2026-04')).toEqual(['trip:Đoàn tiền trạm'])
    expect(await month('2026-05')).toEqual([])
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(await core.call('calendar.month', { month: '2027-02' })).toMatchObject({ from: '2027-02-01', to: '2027-02-28' })
    await expect(core.call('calendar.month', { month: '2026-13' })).rejects.toThrow()
  })
})
