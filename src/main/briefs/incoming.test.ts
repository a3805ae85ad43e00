/** The leader's brief for receiving a delegation: the same machinery, worded for receiving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../test-support.ts'

const VISIT = '01936d00-0000-7000-8000-000700000002'
let core: TestCore

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2026-11-02T09:00:00Z') })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

const section = (model: { sections: Array<{ id: string; blocks: unknown[] }> }, id: string) => model.sections.find((s) => s.id === id)!.blocks

describe('the brief for a delegation received', () => {
  it('is for receiving the visitors, with them and our hosts, and hosting in its protocol', async () => {
    const { model } = await core.call('briefs.get', { tripId: VISIT })
    expect(model.cover.title).toBe('TÀI LIỆU PHỤC VỤ TIẾP ĐOÀN TỈNH YAMANASHI (NHẬT BẢN) THĂM VÀ LÀM VIỆC TẠI TỈNH THANH HÓA')
    expect(model.fileBaseName).toBe('Tai-lieu-tiep-doan-Thanh-Hoa-Yamanashi-2026')
    expect(section(model, 'summary')[0]).toMatchObject({ label: 'Mục đích chuyến thăm của đoàn' })
    const delegation = section(model, 'delegation')
    expect(delegation).toContainEqual({ type: 'heading', text: 'Thành phần đoàn khách' })
    expect(delegation).toContainEqual({ type: 'heading', text: 'Thành phần phía ta tiếp đoàn' })
    expect(delegation.at(-1)).toMatchObject({
      type: 'table',
      header: ['TT', 'Họ và tên', 'Chức vụ', 'Vai trò'],
      rows: expect.arrayContaining([['1', 'Cao Văn Cường', 'Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Thanh Hóa', 'Chủ trì tiếp đoàn'], ['2', '—', 'Giám đốc Sở Ngoại vụ tỉnh Thanh Hóa', 'Cùng tiếp đoàn']]),
    })
    // The visitors' profile and the meetings' outlines are there as for a trip out.
    expect(model.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['destinations', 'meetings', 'agreements']))
    expect(JSON.stringify(section(model, 'protocol'))).toContain('Đón, tiễn đoàn đúng nghi thức')
  })

  it('is worded for receiving in English too, and the brief for a trip out is not', async () => {
    const en = (await core.call('briefs.get', { tripId: VISIT })).settings
    await core.call('briefs.save', { tripId: VISIT, settings: { ...en, language: 'en' } })
    const { model } = await core.call('briefs.get', { tripId: VISIT })
    expect(model.cover.title).toBe('BRIEFING PACK FOR RECEIVING THE DELEGATION OF YAMANASHI PREFECTURE (JAPAN) IN THANH HOA PROVINCE')
    expect(section(model, 'delegation')).toContainEqual({ type: 'heading', text: 'Our side receiving the delegation' })
    const out = await core.call('briefs.get', { tripId: '01936d00-0000-7000-8000-000700000001' })
    expect(out.model.cover.title).toBe('TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI NHẬT BẢN')
    expect(section(out.model, 'delegation').some((b) => (b as { type: string }).type === 'heading')).toBe(false)
  })
})
