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

describe('0014-trip-direction', () => {
  it('keeps the trips made before the upgrade as delegations sent, with their programme', async () => {
    const dir = tempDir()
    const before = await openDatabase(join(dir, 'hanh-trang.sqlite'), { migrations: migrations.slice(0, 13) })
    before.sqlite.exec(`
      INSERT INTO trip (id, created_at, updated_at, updated_by, origin, title, start_date, end_date)
        VALUES ('${TRIP}', ${META}, 'Đoàn công tác tại Yamanashi', '2026-10-20', '2026-10-24');
      INSERT INTO itinerary_item (id, created_at, updated_at, updated_by, origin, trip_id, kind, title, start)
        VALUES ('7d0f3c1e-2b8a-4f6d-8c1e-9a2b3c4d5e6f', ${META}, '${TRIP}', 'meeting', 'Làm việc với lãnh đạo tỉnh', '2026-10-21T09:00');
    `)
    await before.close()

    const core = await openTestCore({ dir })
    cores.push(core)
    expect(core.register.file!.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length)
    const trip = await core.call('trips.get', { id: TRIP })
    expect(trip.direction).toBe('out')
    expect(trip.hosts).toEqual([])
    expect(trip.items.map((i) => [i.title, i.translations])).toEqual([['Làm việc với lãnh đạo tỉnh', {}]])
    expect((await core.call('trips.list')).map((t) => t.direction)).toEqual(['out'])
  })
})
