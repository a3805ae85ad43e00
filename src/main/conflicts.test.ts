/**
 * Two officers on one register (two cores on one SQLite file, or on one server database):
 * a save made on a version a colleague has since changed is refused, naming the change, and
 * no update is lost however the saves interleave. Runs on both databases.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { wordErrorBoth } from '../shared/messages/index.ts'
import { openTestCore, refId, tempDir, type TestCore } from './test-support.ts'

const opened: TestCore[] = []
afterAll(async () => {
  const [first, ...rest] = opened
  for (const c of rest) await c.close()
  await first?.dispose()
})

async function twoOfficers() {
  const dir = tempDir()
  const lan = await openTestCore({ dir })
  opened.push(lan)
  const minh = await openTestCore({ dir })
  opened.push(minh)
  return { lan, minh }
}

const kofu = { country: 'JP', level: 'municipality', nameVi: 'Thành phố Kofu', population: 185000 } as const

describe('two officers editing one record', () => {
  it("refuses the save made on an old version, naming who changed what, and keeps the colleague's change", async () => {
    const { lan, minh } = await twoOfficers()
    const { id } = await lan.call('localities.create', kofu)
    // Both open the record.
    const seen = (await lan.call('localities.get', { id })).locality.updatedAt
    expect((await minh.call('localities.get', { id })).locality.updatedAt).toBe(seen)
    // Minh saves first.
    await minh.call('localities.update', { id, expectedUpdatedAt: seen, ...kofu, population: 186000 })
    // Lan's save, made on the version she opened, is refused.
    const stale = await lan.dispatch('localities.update', { id, expectedUpdatedAt: seen, ...kofu, nameVi: 'TP. Kofu' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'record_changed', params: { entity: 'locality', at: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/) } } })
    expect(!stale.ok && wordErrorBoth(stale.error)).toMatch(/^Địa phương này đã được .* sửa lúc .*, sau khi bạn mở/)
    expect(!stale.ok && stale.error.details).toEqual([{ field: 'population', code: 'changed_meanwhile', params: { value: '186000' } }])
    const now = (await lan.call('localities.get', { id })).locality
    expect(now).toMatchObject({ nameVi: 'Thành phố Kofu', population: 186000 })
    // Applied again on the version she now sees, it goes through.
    await lan.call('localities.update', { id, expectedUpdatedAt: now.updatedAt, ...kofu, population: 186000, nameVi: 'TP. Kofu' })
    expect((await minh.call('localities.get', { id })).locality).toMatchObject({ nameVi: 'TP. Kofu', population: 186000 })
  })

  it('refuses a stale agreement without touching its parties', async () => {
    const { lan, minh } = await twoOfficers()
    const thanhHoa = await refId(lan, 'vn-2025-thanh-hoa')
    const yamanashi = await refId(lan, 'jp-pref-19')
    const fields = { kind: 'mou', titleVi: 'Bản ghi nhớ hợp tác Thanh Hóa – Yamanashi', status: 'signed', signedDate: '2026-10-15' } as const
    const parties = [
      { side: 'home', localityId: thanhHoa },
      { side: 'partner', localityId: yamanashi },
    ] as const
    const { id } = await lan.call('agreements.create', { ...fields, parties: [...parties] })
    const seen = (await lan.call('agreements.get', { id })).updatedAt
    await minh.call('agreements.update', { id, expectedUpdatedAt: seen, ...fields, parties: [...parties], titleVi: `${fields.titleVi} (sửa)` })
    const r = await lan.dispatch('agreements.update', { id, expectedUpdatedAt: seen, ...fields, parties: [parties[0]] })
    expect(!r.ok && wordErrorBoth(r.error)).toMatch(/^Văn kiện này đã được/)
    expect(!r.ok && r.error.details).toEqual([{ field: 'titleVi', code: 'changed_meanwhile', params: { value: JSON.stringify(`${fields.titleVi} (sửa)`) } }])
    expect((await lan.call('agreements.get', { id })).parties).toHaveLength(2)
  })

  it('loses no update when both save the same record at once, again and again', async () => {
    const { lan, minh } = await twoOfficers()
    const { id } = await lan.call('localities.create', kofu)
    let saved = 0
    let refused = 0
    for (let round = 0; round < 15; round++) {
      const seen = (await lan.call('localities.get', { id })).locality.updatedAt
      const results = await Promise.all(
        [lan, minh].map((core, k) => core.dispatch('localities.update', { id, expectedUpdatedAt: seen, ...kofu, population: 200000 + round * 10 + k })),
      )
      for (const r of results) r.ok ? saved++ : (expect(r.error.code).toBe('conflict'), refused++)
      // Exactly one of two saves on one version goes through.
      expect(results.filter((r) => r.ok)).toHaveLength(1)
    }
    expect({ saved, refused }).toEqual({ saved: 15, refused: 15 })
    const updates = await lan.db.selectFrom('auditLog').select('id').where('entityId', '=', id).where('action', '=', 'update').execute()
    expect(updates).toHaveLength(15)
  })
})
