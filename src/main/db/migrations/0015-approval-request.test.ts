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
const TRIP = '0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d10'

describe('0015-approval-request', () => {
  it('adds the rate table, the legal bases and the requests to a register from before, its trips untouched', async () => {
    const dir = tempDir()
    const before = await openDatabase(join(dir, 'hanh-trang.sqlite'), { migrations: migrations.slice(0, migrations.findIndex(([n]) => n === '0015-approval-request')) })
    before.sqlite.exec(`INSERT INTO trip (id, created_at, updated_at, updated_by, origin, title, start_date, end_date)
      VALUES ('${TRIP}', ${META}, 'Đoàn công tác tại Yamanashi', '2026-10-20', '2026-10-24');`)
    await before.close()

    const core = await openTestCore({ dir })
    cores.push(core)
    expect((await core.call('trips.get', { id: TRIP })).title).toBe('Đoàn công tác tại Yamanashi')
    expect(await core.call('approval.settings')).toMatchObject({ rates: [], legalBases: [], ranks: [] })
    // A fare in đồng keeps every digit (double precision, not float4).
    await core.call('approval.createRate', { country: 'JP', rank: 'Chuyên viên', currency: 'VND', airfare: 123_456_789, perDiem: null, lodging: 1_500_000.5 })
    const { settings } = await core.call('approval.get', { tripId: TRIP })
    expect(settings.stays).toEqual([])
    await core.call('approval.save', { tripId: TRIP, settings: { ...settings, fundingSource: 'Ngân sách tỉnh' } })
    expect((await core.call('approval.settings')).rates[0]).toMatchObject({ airfare: 123_456_789, perDiem: null, lodging: 1_500_000.5 })
    expect((await core.call('approval.get', { tripId: TRIP })).settings.fundingSource).toBe('Ngân sách tỉnh')
  })
})
