import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../platform.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../test-support.ts'

let core: TestCore
let shizuoka: string
beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2026-12-01T09:00:00Z'), platform: folderPlatform(tempDir()) })
  const home = await refId(core, 'vn-2025-thanh-hoa')
  shizuoka = await refId(core, 'jp-pref-22')
  const gunma = await refId(core, 'jp-pref-10')
  const agreement = async (titleVi: string, partner: string) =>
    (await core.call('agreements.create', { kind: 'mou', titleVi, status: 'signed', signedDate: '2025-01-10', parties: [{ side: 'home', localityId: home }, { side: 'partner', localityId: partner }] })).id
  const a = await agreement('Bản ghi nhớ Shizuoka', shizuoka)
  const b = await agreement('Bản ghi nhớ Gunma', gunma)
  for (const [agreementId, action, owner, dueDate, status] of [
    [a, 'Trao đổi đoàn du lịch', 'Sở Du lịch', '2026-11-01', 'open'],
    [a, 'Hội chợ nông sản', 'Sở Công Thương', '2026-12-20', 'in_progress'],
    [b, 'Học bổng đào tạo', 'Sở Giáo dục', null, 'open'],
    [b, 'Đã xong', 'Sở Du lịch', '2026-05-01', 'done'],
  ] as const) {
    await core.call('commitments.create', { agreementId, action, owner, dueDate, status })
  }
})
afterAll(() => core.dispose())

const actions = async (filter: object) => (await core.call('commitments.list', filter)).rows.map((r) => r.action)

describe('the commitments register', () => {
  it('lists every commitment with its state today, and filters by owner, state, period, partner and words', async () => {
    const all = await core.call('commitments.list', {})
    expect(all.rows.map((r) => [r.action, r.state, r.days])).toEqual([
      ['Đã xong', 'done', null],
      ['Trao đổi đoàn du lịch', 'overdue', 30],
      ['Hội chợ nông sản', 'due_soon', 19],
      ['Học bổng đào tạo', 'open', null],
    ])
    expect(all.owners).toEqual(['Sở Công Thương', 'Sở Du lịch', 'Sở Giáo dục'])
    expect(await actions({ owner: 'Sở Du lịch' })).toEqual(['Đã xong', 'Trao đổi đoàn du lịch'])
    expect(await actions({ state: 'overdue' })).toEqual(['Trao đổi đoàn du lịch'])
    expect(await actions({ due: 'next30' })).toEqual(['Hội chợ nông sản'])
    expect(await actions({ due: 'undated' })).toEqual(['Học bổng đào tạo'])
    expect(await actions({ partnerId: shizuoka })).toEqual(['Trao đổi đoàn du lịch', 'Hội chợ nông sản'])
    expect(await actions({ q: 'HOC BONG' })).toEqual(['Học bổng đào tạo'])
  })

  it('changes a status from the register, audited, and exports what is shown as the register sheet', async () => {
    const [overdue] = (await core.call('commitments.list', { state: 'overdue' })).rows
    await core.call('commitments.setStatus', { id: overdue!.id, status: 'done' })
    expect(await actions({ state: 'overdue' })).toEqual([])
    expect((await core.db.selectFrom('auditLog').select('action').where('entityId', '=', overdue!.id).execute()).map((r) => r.action)).toEqual(['create', 'update'])
    const r = await core.call('reports.commitments', { owner: 'Sở Du lịch' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(r!.path) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Cam kết')!
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Văn kiện', 'Nội dung', 'Đơn vị thực hiện']))
    expect(ws.rowCount).toBe(3 + 2)
  })
})
