import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttentionSummary } from '../../shared/domain/attention.ts'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

let core: TestCore
let a: AttentionSummary
const ids: Record<string, string> = {}

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2026-12-01T09:00:00Z') })
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  const shizuoka = await refId(core, 'jp-pref-22')
  const parties = [
    { side: 'home' as const, localityId: thanhHoa },
    { side: 'partner' as const, localityId: shizuoka },
  ]
  const agreement = async (key: string, fields: Record<string, unknown>) => {
    ids[key] = (await core.call('agreements.create', { kind: 'mou', titleVi: key, status: 'signed', parties, pmReportSentDate: '2000-01-01', mofaCopySentDate: '2000-01-01', ...fields } as never)).id
  }
  await agreement('Chưa báo cáo', { signedDate: '2026-10-22', pmReportSentDate: null, mofaCopySentDate: '2026-10-30' })
  await agreement('Vừa ký', { signedDate: '2026-11-25', pmReportSentDate: null, mofaCopySentDate: '2026-11-26' })
  await agreement('Sắp hết hạn', { status: 'in_force', signedDate: '2022-01-10', validUntil: '2027-01-31' })
  await agreement('Ghi sai tình trạng', { status: 'in_force', signedDate: '2019-07-01', validUntil: '2024-06-30' })
  await core.call('commitments.create', { agreementId: ids['Sắp hết hạn']!, action: 'Quá hạn', owner: 'Phòng Hợp tác', dueDate: '2026-11-01', status: 'open' })
  await core.call('commitments.create', { agreementId: ids['Sắp hết hạn']!, action: 'Sắp đến hạn', dueDate: '2026-12-20', status: 'in_progress' })
  await core.call('commitments.create', { agreementId: ids['Sắp hết hạn']!, action: 'Còn xa', dueDate: '2027-06-01', status: 'open' })
  const { id: former } = await core.call('people.create', { familyName: 'Tanaka', nameOrder: 'family_first', country: 'JP', title: 'Phó Thống đốc', localityId: shizuoka, termEnd: '2027-02-28' })
  ids.former = former
  await core.call('facts.create', { label: 'Dân số', value: '3,5 triệu', asOf: '2024-12-31', scope: 'locality', localityId: shizuoka })
  const { id: trip } = await core.call('trips.create', { title: 'Đoàn thăm Shizuoka', homeLocalityId: thanhHoa, startDate: '2027-03-08', endDate: '2027-03-13', destinationIds: [shizuoka] })
  ids.trip = trip
  await core.call('itinerary.create', { tripId: trip, kind: 'meeting', title: 'Làm việc với Phó Thống đốc', start: '2027-03-09T10:00', counterparts: [{ personId: former }] })
  a = await core.call('attention.summary')
})
afterAll(() => core.dispose())

describe('what needs attention', () => {
  it('lists the trips ahead with days to departure and what their brief still needs', () => {
    expect(a.trips.items).toEqual([expect.objectContaining({ id: ids.trip, phase: 'preparing', daysToDeparture: 97 })])
    expect(a.trips.items[0]!.toFix).toBeGreaterThan(0) // no members, a counterpart out of office…
  })
  it('lists reports under the Law late or due, most pressing first, each by agreement', () => {
    expect(a.reports.items.map((r) => [r.title, r.which, r.state, r.days])).toEqual([
      ['Chưa báo cáo', 'pm', 'overdue', 25],
      ['Vừa ký', 'pm', 'pending', 9],
    ])
  })
  it('lists agreements expiring within 90 days and those recorded in force past their validity', () => {
    expect(a.expiring.items).toEqual([{ agreementId: ids['Sắp hết hạn'], title: 'Sắp hết hạn', validUntil: '2027-01-31', daysLeft: 61 }])
    expect(a.contradicted.items).toEqual([{ agreementId: ids['Ghi sai tình trạng'], title: 'Ghi sai tình trạng', code: 'recorded_valid_but_expired', params: { until: '2024-06-30' } }])
  })
  it('lists commitments overdue and due within 30 days, with their owner', () => {
    expect(a.commitments.items.map((c) => [c.action, c.state, c.days, c.owner])).toEqual([
      ['Quá hạn', 'overdue', 30, 'Phòng Hợp tác'],
      ['Sắp đến hạn', 'due_soon', 19, null],
    ])
  })
  it('lists counterparts no longer in office on the meeting’s day, and figures old when the trip leaves', () => {
    expect(a.formerCounterparts.items).toEqual([expect.objectContaining({ personId: ids.former, until: '2027-02-28', tripId: ids.trip, meeting: 'Làm việc với Phó Thống đốc' })])
    expect(a.oldFigures.items).toEqual([expect.objectContaining({ label: 'Dân số', asOf: '2024-12-31', tripId: ids.trip })])
  })
  it('lists recent changes with the names of their records', () => {
    expect(a.recent[0]).toMatchObject({ entity: 'itineraryItem', action: 'create', name: 'Làm việc với Phó Thống đốc' })
    expect(a.recent.find((r) => r.entity === 'person')?.name).toBe('Tanaka')
  })
})
