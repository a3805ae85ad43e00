import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore } from '../core.ts'
import { openTestCore, refId, RESOURCES, type TestCore } from '../test-support.ts'
import { homeProvinceId } from './settings.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore()
})
afterEach(() => core.dispose())

const settingsRows = () => core.db.selectFrom('auditLog').select(['entity', 'action', 'actor', 'before', 'after']).where('entity', '=', 'settings').orderBy('at').execute()

describe('settings', () => {
  it('a fresh register asks for its first start; the OS user is offered as the name', async () => {
    const s = await core.call('settings.get')
    expect(s).toMatchObject({ firstStartDone: false, homeLocalityId: null, homeLocalityName: null, parentAgency: null, agency: null })
    expect(s.userName).toBe(core.ctx.actor)
    expect(s.defaults).toEqual({ parentAgency: '', agency: 'SỞ NGOẠI VỤ' })
  })

  it("the officer's name from the first start is in every audit row, updated_by and tombstone from then on, and after a restart", async () => {
    const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
    const s = await core.call('settings.completeFirstStart', { userName: '  Nguyễn Thị Lan ', homeLocalityId: thanhHoa })
    expect(s).toMatchObject({ firstStartDone: true, userName: 'Nguyễn Thị Lan', homeLocalityId: thanhHoa, homeLocalityName: 'Thanh Hóa' })
    expect(s.defaults.parentAgency).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA')
    expect(await homeProvinceId(core.db)).toBe(thanhHoa)

    const { id } = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Fuji', country: 'JP' })
    const org = () => core.db.selectFrom('organization').select(['updatedBy']).where('id', '=', id).executeTakeFirstOrThrow()
    expect((await org()).updatedBy).toBe('Nguyễn Thị Lan')

    await core.call('settings.update', { userName: 'Trần Văn Minh' })
    await core.call('organizations.update', { id, kind: 'company', nameVi: 'Công ty Fuji Việt Nam', country: 'JP' })
    expect((await org()).updatedBy).toBe('Trần Văn Minh')
    await core.call('organizations.delete', { id })
    expect(await core.db.selectFrom('tombstone').select('deletedBy').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ deletedBy: 'Trần Văn Minh' })

    const rows = await core.db.selectFrom('auditLog').select(['action', 'actor']).where('entityId', '=', id).orderBy('at').execute()
    expect(rows).toEqual([
      { action: 'create', actor: 'Nguyễn Thị Lan' },
      { action: 'update', actor: 'Trần Văn Minh' },
      { action: 'delete', actor: 'Trần Văn Minh' },
    ])
    // The change log names the record and who changed it.
    const log = await core.call('audit.list')
    expect(log.find((e) => e.entityId === id && e.action === 'delete')).toMatchObject({ actor: 'Trần Văn Minh', name: 'Công ty Fuji Việt Nam', record: null })

    // Each settings change is an audit row of its own, under the name it sets.
    const changes = await settingsRows()
    expect(changes.map((r) => [r.action, r.actor])).toEqual([
      ['first_start', 'Nguyễn Thị Lan'],
      ['update', 'Trần Văn Minh'],
    ])
    expect(JSON.parse(changes[1]!.before!)).toEqual({ userName: 'Nguyễn Thị Lan' })
    expect(JSON.parse(changes[1]!.after!)).toEqual({ userName: 'Trần Văn Minh' })
    expect(log.find((e) => e.entity === 'settings' && e.action === 'update')).toMatchObject({ detail: 'userName' })

    // The settings are the register's: a restart keeps them, and does not ask again.
    await core.close()
    const again = await openCore({ dbPath: core.dbPath, resourcesDir: RESOURCES, backupDir: `${core.dir}/backups`, log: () => {} })
    try {
      expect(again.ctx.actor).toBe('Trần Văn Minh')
      const r = await again.dispatch('settings.get', undefined)
      expect(r).toMatchObject({ ok: true, value: { firstStartDone: true, userName: 'Trần Văn Minh', homeLocalityId: thanhHoa } })
    } finally {
      await again.close()
      core = await openTestCore({ dir: core.dir })
    }
  })

  it('the home province is a Vietnamese province in force: a prefecture or a unit merged away is refused, writing nothing', async () => {
    const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
    await core.call('settings.update', { homeLocalityId: thanhHoa })
    const before = await settingsRows()
    for (const key of ['jp-pref-19', 'vn-pre2025-ha-nam']) {
      const r = await core.dispatch('settings.update', { homeLocalityId: await refId(core, key), userName: 'Ai đó' })
      expect(r.ok ? null : { code: r.error.code, paths: r.error.details?.map((d) => d.field) }).toEqual({ code: 'invalid_input', paths: ['homeLocalityId'] })
    }
    const first = await core.dispatch('settings.completeFirstStart', { userName: 'Ai đó', homeLocalityId: await refId(core, 'jp-pref-19') })
    expect(first.ok).toBe(false)
    // Nothing changed: not the province, not the name, not the first start; no audit row.
    expect(await core.call('settings.get')).toMatchObject({ homeLocalityId: thanhHoa, firstStartDone: false })
    expect((await core.call('settings.get')).userName).not.toBe('Ai đó')
    expect(await settingsRows()).toEqual(before)
    // Nor an empty name, nor a made-up id.
    expect((await core.dispatch('settings.update', { userName: '   ' })).ok).toBe(false)
    expect((await core.dispatch('settings.update', { homeLocalityId: '01936d00-0000-7000-8000-999999999999' })).ok).toBe(false)
  })

  it("a new brief's cover takes the agency names from Settings, else from the home province", async () => {
    const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
    const ninhBinh = await refId(core, 'vn-2025-ninh-binh')
    const yamanashi = await refId(core, 'jp-pref-19')
    const trip = (homeLocalityId: string | null) =>
      core.call('trips.create', { title: 'Đoàn thăm Yamanashi', homeLocalityId, startDate: '2026-03-08', endDate: '2026-03-12', destinationIds: [yamanashi] })
    const cover = async (id: string) => (await core.call('briefs.get', { tripId: id })).settings

    // No settings: as before, from the trip's own province.
    const a = await trip(thanhHoa)
    expect(await cover(a.id)).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', agency: 'SỞ NGOẠI VỤ', place: 'Thanh Hóa' })

    // A trip without a sending province takes the office's.
    await core.call('settings.update', { homeLocalityId: ninhBinh })
    const b = await trip(null)
    expect(await cover(b.id)).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', place: 'Ninh Bình' })

    // Agency names set in Settings win for every new brief.
    const s = await core.call('settings.update', { parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' })
    expect(s).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' })
    expect(await cover(a.id)).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH', place: 'Thanh Hóa' })
    const model = (await core.call('briefs.get', { tripId: b.id })).model
    expect(model.cover).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' })

    // A brief already saved keeps what it says; an emptied name is the default again.
    await core.call('briefs.save', { tripId: a.id, settings: await cover(a.id) })
    await core.call('settings.update', { parentAgency: '', agency: '' })
    expect(await core.call('settings.get')).toMatchObject({ parentAgency: null, agency: null })
    expect(await cover(a.id)).toMatchObject({ agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' })
    expect(await cover(b.id)).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', agency: 'SỞ NGOẠI VỤ' })
  })

  it('a restored register brings its own officer name back', async () => {
    await core.call('settings.update', { userName: 'Lê Văn Hòa' })
    const backup = await core.call('backups.create')
    await core.call('settings.update', { userName: 'Phạm Thu Hà' })
    await core.call('backups.restore', { fileName: backup.fileName })
    expect(core.ctx.actor).toBe('Lê Văn Hòa')
    expect((await core.call('settings.get')).userName).toBe('Lê Văn Hòa')
  })
})
