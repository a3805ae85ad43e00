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

describe('0013-document-exports', () => {
  it('keeps the briefs exported before the upgrade, as briefs', async () => {
    const dir = tempDir()
    const path = join(dir, 'hanh-trang.sqlite')
    const before = await openDatabase(path, { migrations: migrations.slice(0, 12) })
    before.sqlite.exec(`
      INSERT INTO trip (id, created_at, updated_at, updated_by, origin, title, start_date, end_date)
        VALUES ('0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d10', ${META}, 'Đoàn công tác tại Yamanashi', '2026-10-20', '2026-10-24');
      INSERT INTO brief_export (id, trip_id, at, actor, file_name, sha256, language, snapshot)
        VALUES ('7d0f3c1e-2b8a-4f6d-8c1e-9a2b3c4d5e6f', '0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d10', '2026-10-01T08:00:00.000Z', 'cán bộ', 'Tai-lieu.docx', '${'a'.repeat(64)}', 'vi', '{}');
    `)
    await before.close()

    const core = await openTestCore({ dir })
    cores.push(core)
    expect(core.register.file!.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(await core.call('briefs.exports', { tripId: '0b6c2a52-6f0a-4a5e-9a43-6a1c5e3f2d10' })).toEqual([
      { id: '7d0f3c1e-2b8a-4f6d-8c1e-9a2b3c4d5e6f', at: '2026-10-01T08:00:00.000Z', actor: 'cán bộ', document: 'brief', fileName: 'Tai-lieu.docx', sha256: 'a'.repeat(64), language: 'vi' },
    ])
  })
})
