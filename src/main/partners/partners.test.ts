import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { wordErrorBoth } from '../../shared/messages/index.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore()
})
afterEach(() => core.dispose())

describe('reference data', () => {
  it('holds the 47 prefectures, the 34 provinces and the units they replaced, once', async () => {
    const jp = await core.call('localities.list', { country: 'JP' })
    expect(jp).toHaveLength(47)
    expect(jp.find((l) => l.nameNative === '山梨県')?.nameVi).toBe('Yamanashi')
    const vn = await core.call('localities.list', { country: 'VN' })
    expect(vn).toHaveLength(34)
    const all = await core.call('localities.list', { country: 'VN', includeHistorical: true })
    expect(all).toHaveLength(63)
    expect(all.find((l) => l.nameVi === 'Hà Nam')?.displayName).toBe('Hà Nam (nay thuộc tỉnh Ninh Bình)')
    const lineage = await core.db.selectFrom('localityLineage').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(lineage.n)).toBe(29)
    const orgs = await core.call('organizations.list')
    expect(orgs.map((o) => o.abbreviation)).toEqual(expect.arrayContaining(['JETRO', 'JICA', 'JBIC', 'Keidanren']))
    expect((await core.call('reference.sectors')).find((s) => s.code === 'hydrogen')).toEqual({ code: 'hydrogen', vi: 'Hydro', en: 'Hydrogen', ja: '水素' })

    // Opening the same file again adds nothing.
    await core.close()
    const again = await openTestCore({ dir: core.dir, dbPath: core.dbPath })
    expect(await again.call('localities.list', { country: 'VN', includeHistorical: true })).toHaveLength(63)
    expect((await again.call('app.info')).counts.localities).toBe(47 + 63)
    core = again
  })

  it('lists localities in Vietnamese order and filters by region', async () => {
    const vn = await core.call('localities.list', { country: 'VN' })
    const names = vn.map((l) => l.nameVi)
    expect(names.indexOf('Đà Nẵng')).toBeLessThan(names.indexOf('Gia Lai'))
    expect(names.indexOf('Cà Mau')).toBeLessThan(names.indexOf('Cao Bằng'))
    const kanto = await core.call('localities.list', { country: 'JP', region: 'Kanto' })
    expect(kanto.map((l) => l.nameVi)).toContain('Gunma')
    expect(kanto).toHaveLength(7)
  })
})

describe('partners', () => {
  it('creates, edits and deletes a locality profile, with an audit row for each change', async () => {
    const { id } = await core.call('localities.create', {
      country: 'JP',
      level: 'municipality',
      nameVi: 'Kofu',
      nameNative: '甲府市',
      designationVi: 'thành phố',
    })
    await core.call('localities.update', { id, country: 'JP', level: 'municipality', nameVi: 'Kōfu', nameNative: '甲府市', population: 185000 })
    const detail = await core.call('localities.get', { id })
    expect(detail.locality.nameVi).toBe('Kōfu')
    expect(detail.locality.population).toBe(185000)
    await core.call('localities.delete', { id })
    const audit = await core.call('audit.list', { entityId: id })
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create'])
    const r = await core.dispatch('localities.get', { id })
    expect(r.ok ? null : r.error.code).toBe('not_found')
  })

  it('refuses to delete a partner that records still point at, and deletes nothing', async () => {
    const yamanashi = await refId(core, 'jp-pref-19')
    const { id: personId } = await core.call('people.create', {
      familyName: 'Nagasaki',
      givenName: 'Kotaro',
      familyNameNative: '長崎',
      givenNameNative: '幸太郎',
      nameOrder: 'family_first',
      country: 'JP',
      title: 'Thống đốc tỉnh Yamanashi',
      localityId: yamanashi,
    })
    const r = await core.dispatch('localities.delete', { id: yamanashi })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('in_use')
    expect(r.error).toMatchObject({ reason: 'in_use', params: { entity: 'locality', uses: ['person:1'] } })
    expect(wordErrorBoth(r.error)).toMatch(/còn 1 nhân vật liên quan.* \/ This locality cannot be deleted: 1 person still refer/)
    expect((await core.call('localities.get', { id: yamanashi })).people.map((p) => p.id)).toEqual([personId])
  })

  it('shows a Japanese counterpart family name first, with kanji', async () => {
    const gunma = await refId(core, 'jp-pref-10')
    const { id } = await core.call('people.create', {
      familyName: 'Yamamoto',
      givenName: 'Ichita',
      familyNameNative: '山本',
      givenNameNative: '一太',
      nameKana: 'やまもと いちた',
      nameOrder: 'family_first',
      country: 'JP',
      title: 'Thống đốc tỉnh Gunma',
      localityId: gunma,
      protocolNotes: '知事 = Thống đốc',
    })
    const p = await core.call('people.get', { id })
    expect(p.displayName).toBe('YAMAMOTO Ichita')
    expect(p.nativeName).toBe('山本 一太')
    expect(p.localityName).toBe('Gunma')
  })
})
