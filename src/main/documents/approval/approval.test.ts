import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
let core: TestCore
let out: string

beforeAll(async () => {
  out = join(tempDir(), 'exports')
  core = await openTestCore({ platform: folderPlatform(out), now: () => new Date('2026-11-03T09:00:00Z') })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

const text = async (path: string) => (await mammoth.extractRawText({ path })).value.normalize('NFC')

describe('the approval request on the sample data', () => {
  let path: string
  let content: string

  beforeAll(async () => {
    await core.call('approval.updateOffice', { signerName: 'Nguyễn Văn Minh' })
    const { settings } = await core.call('approval.get', { tripId: TRIP })
    await core.call('approval.save', { tripId: TRIP, settings: { ...settings, number: '125' } })
    const r = await core.call('approval.export', { tripId: TRIP })
    expect(r).not.toBeNull()
    path = r!.path
    content = await text(path)
  })

  it('is recorded among the trip exports with the hash of the file written', async () => {
    expect(path.endsWith('.docx')).toBe(true)
    const exports = await core.call('briefs.exports', { tripId: TRIP })
    const row = exports.find((e) => e.document === 'approval')
    expect(row?.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'))
    const snap = await core.db.selectFrom('briefExport').select('snapshot').where('document', '=', 'approval').executeTakeFirstOrThrow()
    expect(JSON.parse(snap.snapshot).estimate.total).toBe(314_860_000)
  })

  it('has the heading of a Decree 30 document: agency, number and symbol, national name, place and date', () => {
    for (const part of ['ỦY BAN NHÂN DÂN TỈNH THANH HÓA', 'SỞ NGOẠI VỤ', 'Số: 125/TTr-SNgV', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
      expect(content).toContain(part)
    }
    // Decree 30: the day below 10 with its zero; the month from 3 without.
    expect(content).toContain('Thanh Hóa, ngày 03 tháng 11 năm 2026')
    expect(content).toContain('TỜ TRÌNH')
    expect(content).toContain('Về việc cử đoàn công tác của tỉnh Thanh Hóa đi Nhật Bản')
    expect(content).toContain('Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa.')
  })

  it('has the parts in order: purpose, members, programme, funding and estimate, closing, recipients, signature', () => {
    const order = ['I. MỤC ĐÍCH, YÊU CẦU', 'II. THÀNH PHẦN ĐOÀN', 'III. THỜI GIAN, ĐỊA ĐIỂM VÀ CHƯƠNG TRÌNH LÀM VIỆC', 'IV. KINH PHÍ', 'Sở Ngoại vụ kính trình Ủy ban nhân dân tỉnh Thanh Hóa xem xét, phê duyệt./.', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Minh']
    const at = order.map((p) => content.indexOf(p))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(content).toContain('Thống nhất nội dung, thời gian ký kết văn bản hợp tác chính thức giữa hai tỉnh')
    expect(content).toContain('Trưởng đoàn')
    expect(content).toContain('Phiên dịch')
    expect(content).toContain('Thời gian: 05 ngày, từ ngày 07/12/2026 đến ngày 11/12/2026')
    expect(content).toContain('Thứ Ba, 08/12/2026: Làm việc với lãnh đạo tỉnh Yamanashi')
    expect(content).toContain('- Như trên;')
    expect(content).toContain('- Lưu: VT, HTQT.')
  })

  it('estimates the costs from the sample rate table, member by member, with the total', () => {
    expect(content).toContain('Nguồn kinh phí: Ngân sách tỉnh Thanh Hóa năm 2026')
    // Head (Lãnh đạo tỉnh): 1500 + 5 x 80 + 4 x 180 = 2620 USD x 26.000 = 68.120.000 đồng.
    expect(content).toContain('68.120.000')
    // Three members (Lãnh đạo sở, ngành): 1950 USD = 50.700.000 each; two officers (Chuyên viên): 1820 USD = 47.320.000 each.
    expect(content).toContain('50.700.000')
    expect(content).toContain('47.320.000')
    expect(content).toContain('Tổng dự toán: 314.860.000 đồng.')
    expect(content).toContain('Tỷ giá tạm tính: 1 USD = 26.000 đồng.')
    expect(content).not.toContain('chưa có định mức')
  })

  it('cites the chosen legal bases in the order of the office list', async () => {
    const { legalBases } = await core.call('approval.settings')
    expect(legalBases.map((b) => b.text.slice(0, 20))).toEqual(['Luật Tổ chức chính q', 'Thông tư số 102/2012', 'Chương trình hoạt độ', 'Kết quả buổi làm việ'])
    const cite = (t: string) => content.indexOf(`Căn cứ ${t.slice(0, 30)}`)
    expect(legalBases.map((b) => cite(b.text)).every((i, k, a) => i >= 0 && (k === 0 || i > a[k - 1]!))).toBe(true)
    // Moved up and one left out: the document follows.
    await core.call('approval.moveLegalBasis', { id: legalBases[2]!.id, by: -1 })
    const { settings } = await core.call('approval.get', { tripId: TRIP })
    const { model } = await core.call('approval.get', { tripId: TRIP, settings: { ...settings, legalBasisIds: settings.legalBasisIds.filter((id) => id !== legalBases[0]!.id) } })
    expect(model.legalBases).toEqual([legalBases[2]!.text, legalBases[1]!.text, legalBases[3]!.text])
  })
})

describe('the builder', () => {
  it('lists what has no rate as missing, not zero, and writes "Kế hoạch" when chosen', async () => {
    const { settings, model: before } = await core.call('approval.get', { tripId: TRIP })
    const interpreter = Object.keys(settings.memberRanks).find((k) => k.includes('Phiên dịch'))!
    const memberRanks = { ...settings.memberRanks, [interpreter]: '' }
    const { model } = await core.call('approval.get', { tripId: TRIP, settings: { ...settings, memberRanks, kind: 'ke-hoach', stays: [...settings.stays, { country: 'KR', days: 1, nights: 0 }] } })
    expect(model.title).toBe('KẾ HOẠCH')
    expect(model.header.number).toMatch(/\/KH-SNgV$/)
    expect(model.estimate.lines.find((l) => l.member === 'Phiên dịch tiếng Nhật')).toMatchObject({ total: 0, missing: ['rank'] })
    expect(model.estimate.total).toBeLessThan(before.estimate.total)
    const words = model.sections.flatMap((s) => s.blocks).flatMap((b) => ('text' in b ? [b.text] : []))
    expect(words).toContain('Chưa chọn hạng định mức cho thành viên (Phiên dịch tiếng Nhật).')
    expect(words).toContain('Chưa có định mức phụ cấp lưu trú tại Hàn Quốc cho “Lãnh đạo tỉnh”.')
    expect(model.sections.map((s) => s.title)).toContain('V. TỔ CHỨC THỰC HIỆN')
  })

  it('refuses a rank already in the table for that country, and changes nothing', async () => {
    const before = (await core.call('approval.settings')).rates
    const r = await core.dispatch('approval.createRate', { country: 'JP', rank: 'Chuyên viên', currency: 'USD', airfare: 1, perDiem: 1, lodging: 1 })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.reason).toBe('rate_duplicate')
    const bad = await core.dispatch('approval.createRate', { country: 'Japan', rank: '', currency: 'usd', airfare: -5, perDiem: null, lodging: null })
    expect(!bad.ok && bad.error.details?.map((d) => `${d.field}:${d.code}`)).toEqual(['country:country_code', 'rank:required', 'currency:currency_code', 'airfare:negative'])
    expect((await core.call('approval.settings')).rates).toEqual(before)
  })
})

describe('the office settings', () => {
  it('refuse a bad symbol or exchange rate with the field named, and change nothing', async () => {
    const before = await core.call('approval.settings')
    const r = await core.dispatch('approval.updateOffice', { symbol: 'X'.repeat(31), exchangeRates: { usd: 26000, JPY: -1 } })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['symbol', 'exchangeRates.usd']))
    expect(await core.call('approval.settings')).toEqual(before)
  })

  it('audit what changes, and only that', async () => {
    await core.call('approval.updateOffice', { symbol: 'SNgV-TH', signerName: 'Nguyễn Văn Minh' })
    const row = await core.db.selectFrom('auditLog').select(['after']).where('entity', '=', 'settings').orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(row.after!)).toEqual({ symbol: 'SNgV-TH' })
    expect((await core.call('approval.get', { tripId: TRIP })).model.header.number).toMatch(/\/TTr-SNgV-TH$/)
  })
})

describe('trip plan on the command line', () => {
  it('writes the request of the sample trip as a plan', async () => {
    const { main } = await import('../../cli.ts')
    const lines: string[] = []
    const target = join(out, 'ke-hoach-cli.docx')
    await core.close()
    try {
      expect(await main([...core.cliPlace, 'trip', 'plan', '--trip', TRIP, '--out', target, '--kind', 'ke-hoach'], (s) => lines.push(s))).toBe(0)
    } finally {
      core = await openTestCore({ dir: core.dir, platform: folderPlatform(out), now: () => new Date('2026-11-03T09:00:00Z') })
    }
    expect(lines.at(-1)).toMatch(/Đã xuất .*ke-hoach-cli\.docx/)
    const content = await text(target)
    expect(content).toContain('KẾ HOẠCH')
    expect(content).toContain('/KH-SNgV-TH')
    expect(content).toContain('V. TỔ CHỨC THỰC HIỆN')
    await expect(main([...core.cliPlace, 'trip', 'plan', '--trip', TRIP, '--out', target, '--kind', 'cong-van'], () => {})).rejects.toThrow(/--kind/)
  })
})
