import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../cli.ts'
import { folderPlatform } from '../platform.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../test-support.ts'

let core: TestCore
const out = join(tempDir(), 'reports')
beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(out), now: () => new Date('2026-11-23T09:00:00Z') })
  await core.call('demo.load')
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  const gunma = await refId(core, 'jp-pref-10')
  const parties = [
    { side: 'home' as const, localityId: thanhHoa },
    { side: 'partner' as const, localityId: gunma },
  ]
  // Reported in time, late, and not at all.
  await core.call('agreements.create', { kind: 'mou', titleVi: 'Văn kiện báo cáo đúng hạn', status: 'signed', signedDate: '2026-03-02', pmReportSentDate: '2026-03-10', mofaCopySentDate: '2026-03-10', parties })
  await core.call('agreements.create', { kind: 'mou', titleVi: 'Văn kiện báo cáo chậm', status: 'signed', signedDate: '2026-04-01', pmReportSentDate: '2026-05-20', parties })
  const { id } = await core.call('agreements.create', { kind: 'loi', titleVi: 'Văn kiện chưa báo cáo', status: 'in_force', signedDate: '2026-06-15', shortenedProcedure: true, mofaOpinionNo: '123/BNG-LPQT', parties })
  await core.call('commitments.create', { agreementId: id, action: 'Trao đổi đoàn', dueDate: '2026-09-30', status: 'open' })
})
afterAll(() => core.dispose())

async function read(path: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1)

describe('reports', () => {
  it('writes the agreements register and its commitments with Vietnamese headers', async () => {
    const r = await core.call('reports.agreements')
    expect(r!.fileName).toBe('So-theo-doi-van-kien-2026-11-23.xlsx')
    const wb = await read(r!.path)
    const ws = wb.getWorksheet('Văn kiện')!
    expect(rowValues(ws, 3).slice(0, 6)).toEqual(['TT', 'Tên văn kiện', 'Loại văn kiện', 'Bên Việt Nam', 'Bên đối tác', 'Ngày ký'])
    expect(ws.rowCount).toBe(3 + 6)
    const haNam = ws.getRows(4, 6)!.find((row) => String(row.getCell(2).value).includes('Hà Nam'))!
    expect([haNam.getCell(4).value, haNam.getCell(5).value]).toEqual(['Hà Nam (nay thuộc tỉnh Ninh Bình)', 'Gunma'])
    const dated = ws.getRows(4, 6)!.find((row) => row.getCell(2).value === 'Văn kiện chưa báo cáo')!
    expect(dated.getCell(6).value).toEqual(new Date('2026-06-15T00:00:00Z'))
    expect(dated.getCell(6).numFmt).toBe('dd/mm/yyyy')
    expect(dated.getCell(13).value).toBe(1) // one overdue commitment
    const commitments = wb.getWorksheet('Cam kết')!
    expect(commitments.rowCount).toBe(3 + 6)
    expect(commitments.getRows(4, 6)!.some((row) => row.getCell(4).value === 'Trao đổi đoàn' && row.getCell(8).value === 'Có')).toBe(true)
  })

  it('writes the Law on International Agreements report for a period, late ones marked', async () => {
    const r = await core.call('reports.law', { from: '2026-01-01', to: '2026-12-31' })
    const ws = (await read(r!.path)).getWorksheet('Báo cáo')!
    expect(ws.getCell(1, 1).value).toBe('BÁO CÁO TÌNH HÌNH KÝ KẾT THỎA THUẬN QUỐC TẾ (từ 01/01/2026 đến 31/12/2026)')
    expect(ws.rowCount).toBe(3 + 3)
    const byTitle = new Map(ws.getRows(4, 3)!.map((row) => [row.getCell(2).value, row]))
    expect(byTitle.get('Văn kiện báo cáo đúng hạn')!.getCell(10).value).toBe('')
    expect(byTitle.get('Văn kiện báo cáo chậm')!.getCell(10).value).toMatch(/chậm hạn/)
    const missing = byTitle.get('Văn kiện chưa báo cáo')!
    expect(missing.getCell(7).value).toEqual(new Date('2026-06-30T00:00:00Z')) // signed + 15 days
    expect(missing.getCell(10).value).toMatch(/Quá hạn báo cáo Thủ tướng/)
    expect(missing.getCell(6).value).toBe('Có')
    expect((missing.getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE2E1')
  })

  it('refuses a period that ends before it starts', async () => {
    const r = await core.dispatch('reports.law', { from: '2026-12-31', to: '2026-01-01' })
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
  })

  it('writes both from the command line', async () => {
    await core.close()
    const target = join(tempDir(), 'law.xlsx')
    expect(await main([...core.cliPlace, 'report', 'law', '--from', '2026-01-01', '--to', '2026-12-31', '--out', target], () => {})).toBe(0)
    expect((await read(target)).getWorksheet('Báo cáo')!.rowCount).toBe(6)
    core = await openTestCore({ dir: core.dir, dbPath: core.dbPath })
  })
})
