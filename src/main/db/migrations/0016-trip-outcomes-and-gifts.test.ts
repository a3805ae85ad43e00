import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestCore, SQLITE_ONLY, tempDir, type TestCore } from '../../test-support.ts'
import { openDatabase } from '../connection.ts'
import { migrations } from './index.ts'

let cores: TestCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose()
})

const META = `'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'cán bộ', 'o'`
const AGREEMENT = '0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d11'
const COMMITMENT = '0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d12'

describe('0016-trip-outcomes-and-gifts', () => {
  it.skipIf(SQLITE_ONLY)("keeps an agreement's commitments as they were, and lets a meeting hold one of its own", async () => {
    const dir = tempDir()
    const index = migrations.findIndex(([name]) => name === '0016-trip-outcomes-and-gifts')
    const before = await openDatabase(join(dir, 'hanh-trang.sqlite'), { migrations: migrations.slice(0, index) })
    before.sqlite.exec(`
      INSERT INTO agreement (id, created_at, updated_at, updated_by, origin, kind, title_vi, status, shortened_procedure)
        VALUES ('${AGREEMENT}', ${META}, 'minutes', 'Biên bản hội đàm', 'signed', 0);
      INSERT INTO commitment (id, created_at, updated_at, updated_by, origin, agreement_id, action, owner, due_date, status)
        VALUES ('${COMMITMENT}', ${META}, '${AGREEMENT}', 'Dự thảo kế hoạch', 'Sở Ngoại vụ', '2027-03-31', 'open');
    `)
    await before.close()

    const core = await openTestCore({ dir })
    cores.push(core)
    const { rows } = await core.call('commitments.list', {})
    expect(rows.map((r) => [r.id, r.agreementId, r.action, r.owner, r.dueDate, r.tripId])).toEqual([[COMMITMENT, AGREEMENT, 'Dự thảo kế hoạch', 'Sở Ngoại vụ', '2027-03-31', null]])
    // The column may be empty now: a commitment of a meeting names its item instead.
    const { id: tripId } = await core.call('trips.create', { title: 'Đoàn', startDate: '2026-12-07', endDate: '2026-12-11' })
    const { id: itemId } = await core.call('itinerary.create', { tripId, kind: 'meeting', title: 'Làm việc', start: '2026-12-08T10:00', outcomes: 'Hai bên thống nhất.' })
    await core.call('commitments.create', { itineraryItemId: itemId, action: 'Gửi thư mời', status: 'open' })
    expect((await core.call('itinerary.followUp', { id: itemId })).commitments.map((c) => [c.action, c.agreementId])).toEqual([['Gửi thư mời', null]])
    // Deleting the agreement still takes its commitments with it.
    await core.call('agreements.delete', { id: AGREEMENT })
    expect((await core.call('commitments.list', {})).rows.map((r) => r.action)).toEqual(['Gửi thư mời'])
    expect((await core.call('trips.get', { id: tripId })).items[0]!.outcomes).toBe('Hai bên thống nhất.')
  })
})
