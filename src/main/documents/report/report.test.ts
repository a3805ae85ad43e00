import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../../test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const MEETING = '01936d00-0000-7000-8000-000800000002'
const JETRO_MEETING = '01936d00-0000-7000-8000-000800000005'
let core: TestCore
let clock = '2026-12-02T09:00:00Z'
const at = (day: string) => (clock = `${day}T09:00:00Z`)
const text = async (path: string) => (await mammoth.extractRawText({ path })).value.normalize('NFC')

beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(join(tempDir(), 'exports')), now: () => new Date(clock) })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

describe("a trip's outcomes", () => {
  it('keeps what was said and agreed at each meeting of the sample trip', async () => {
    const trip = await core.call('trips.get', { id: TRIP })
    const meeting = trip.items.find((i) => i.id === MEETING)!
    expect(meeting.outcomes).toContain('tiến tới ký kết văn bản hợp tác chính thức')
    const follow = await core.call('itinerary.followUp', { id: MEETING })
    expect(follow.commitments.map((c) => [c.owner, c.dueDate])).toEqual([
      ['Văn phòng UBND tỉnh', '2027-01-15'],
      ['Sở Ngoại vụ', '2027-03-31'],
    ])
  })

  it('shows commitments arising from a meeting without an agreement in the register, opening the trip', async () => {
    const { rows } = await core.call('commitments.list', {})
    const jetro = rows.find((r) => r.action.startsWith('Gửi JETRO'))!
    expect(jetro).toMatchObject({ agreementId: null, tripId: TRIP, meeting: 'Làm việc với JETRO về xúc tiến đầu tư vào Khu công nghiệp Thăng Long Thanh Hóa', dueDate: '2027-01-31' })
  })

  it('refuses a commitment held by nothing, and writes nothing', async () => {
    const before = await core.db.selectFrom('commitment').select('id').execute()
    await expect(core.call('commitments.create', { action: 'Việc không gắn với đâu', status: 'open' })).rejects.toThrow(/invalid_input/)
    expect(await core.db.selectFrom('commitment').select('id').execute()).toHaveLength(before.length)
  })

  it('records an agreement signed at a meeting, linked back to it', async () => {
    const yamanashi = await refId(core, 'jp-pref-19')
    const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
    const { id } = await core.call('agreements.create', {
      kind: 'minutes',
      titleVi: 'Biên bản hội đàm giữa tỉnh Thanh Hóa và tỉnh Yamanashi',
      status: 'signed',
      signedDate: '2026-12-08',
      signedPlace: 'Kofu, tỉnh Yamanashi',
      parties: [
        { side: 'home', localityId: thanhHoa },
        { side: 'partner', localityId: yamanashi },
      ],
      itineraryItemId: MEETING,
    })
    expect((await core.call('itinerary.followUp', { id: MEETING })).agreements.map((a) => a.id)).toEqual([id])
  })

  it('becomes engagements of the register only after the return, and only once', async () => {
    at('2026-12-11')
    await expect(core.call('trips.recordInRegister', { tripId: TRIP })).rejects.toThrow(/Đoàn chưa về nước/)
    expect(await core.db.selectFrom('engagement').select('id').where('itineraryItemId', 'is not', null).execute()).toEqual([])
    at('2026-12-12')
    expect(await core.call('trips.recordInRegister', { tripId: TRIP })).toEqual({ created: 4, existing: 0 })
    expect(await core.call('trips.recordInRegister', { tripId: TRIP })).toEqual({ created: 0, existing: 4 })
    const made = await core.db.selectFrom('engagement').select(['id', 'itineraryItemId', 'outcomes']).where('itineraryItemId', 'is not', null).execute()
    expect(made).toHaveLength(4)
    const meeting = made.find((e) => e.itineraryItemId === MEETING)!
    expect(meeting.outcomes).toContain('tiến tới ký kết')
    const e = await core.call('engagements.get', { id: meeting.id })
    expect(e.agreements).toHaveLength(1)
    // Yamanashi's timeline shows the three sessions it took part in.
    const yamanashi = await refId(core, 'jp-pref-19')
    const theirs = await core.db.selectFrom('engagementParticipant').select('engagementId').where('localityId', '=', yamanashi).where('engagementId', 'in', made.map((m) => m.id)).execute()
    expect(theirs).toHaveLength(3)
  })
})

describe('the post-trip report', () => {
  const due = async () => (await core.call('attention.summary')).tripReports.items.filter((r) => r.tripId === TRIP)

  it('is due on the home page from a week before its day (15 days after return) and late after it', async () => {
    at('2026-12-18')
    expect(await due()).toEqual([])
    at('2026-12-19')
    expect(await due()).toMatchObject([{ state: 'due', due: '2026-12-26', days: 7 }])
    at('2026-12-26')
    expect(await due()).toMatchObject([{ state: 'due', days: 0 }])
    at('2026-12-27')
    expect(await due()).toMatchObject([{ state: 'late', days: 1 }])
  })

  it("follows the province's rule from Settings, and refuses a rule that is not a number of days", async () => {
    expect(await core.call('tripReport.rule')).toEqual({ dueDays: 15 })
    await expect(core.call('tripReport.setRule', { dueDays: 0 })).rejects.toThrow(/invalid_input/)
    expect(await core.call('tripReport.setRule', { dueDays: 30 })).toEqual({ dueDays: 30 })
    expect(await due()).toEqual([])
    at('2027-01-04')
    expect(await due()).toMatchObject([{ state: 'due', due: '2027-01-10', days: 6 }])
    await core.call('tripReport.setRule', { dueDays: 15 })
  })

  it('is not asked of a visit received: the sample Yamanashi visit of November is never due', async () => {
    const visit = (await core.call('trips.list')).find((t) => t.direction === 'in')!
    expect(visit.endDate < '2026-12-02').toBe(true)
    for (const day of ['2026-12-02', '2026-12-10', '2026-12-20']) {
      at(day)
      expect((await core.call('attention.summary')).tripReports.items.map((r) => r.tripId)).not.toContain(visit.id)
    }
  })
})

describe('the post-trip report as exported', () => {
  const due = async () => (await core.call('attention.summary')).tripReports.items.filter((r) => r.tripId === TRIP)
  let path: string
  let content: string
  beforeAll(async () => {
    at('2026-12-27')
    await core.call('tripReport.save', { tripId: TRIP, proposals: 'Đề nghị UBND tỉnh giao Sở Ngoại vụ chủ trì dự thảo văn bản hợp tác với tỉnh Yamanashi.' })
    const r = await core.call('tripReport.export', { tripId: TRIP })
    path = r!.path
    content = await text(path)
  })

  it('is recorded with its hash as the trip\'s report, and is then done', async () => {
    expect(path.endsWith('Bao-cao-ket-qua-chuyen-cong-tac-Thanh-Hoa-Yamanashi-2026.docx')).toBe(true)
    const report = (await core.call('briefs.exports', { tripId: TRIP })).find((e) => e.document === 'report')!
    expect(report.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'))
    expect(await due()).toEqual([])
  })

  it('reads back with its parts, results by meeting, agreements signed and commitments with owners and dates', () => {
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Kết quả chuyến công tác của Đoàn công tác tỉnh Thanh Hóa tại tỉnh Yamanashi, Nhật Bản', 'I. KHÁI QUÁT CHUNG', 'II. CHƯƠNG TRÌNH ĐÃ THỰC HIỆN', 'III. KẾT QUẢ CÁC CUỘC LÀM VIỆC', 'IV. VĂN KIỆN ĐÃ KÝ KẾT', 'V. CAM KẾT, CÔNG VIỆC CẦN TRIỂN KHAI', 'VI. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:', 'TRƯỞNG ĐOÀN', 'Cao Văn Cường']) {
      expect(content).toContain(part)
    }
    expect(content).toContain('Thanh Hóa, ngày 27 tháng 12 năm 2026')
    expect(content).toContain('từ ngày 07/12/2026 đến ngày 11/12/2026')
    // Results by meeting: each meeting's heading, then its outcomes.
    expect(content).toMatch(/1\. Làm việc với lãnh đạo tỉnh Yamanashi \(08\/12\/2026\)[\s\S]*Kết quả[\s\S]*tiến tới ký kết văn bản hợp tác chính thức/)
    expect(content).toMatch(/Làm việc với JETRO[^\n]*\(10\/12\/2026\)[\s\S]*Khu công nghiệp Thăng Long Thanh Hóa/)
    expect(content).toMatch(/Biên bản hội đàm giữa tỉnh Thanh Hóa và tỉnh Yamanashi\s+Thanh Hóa – Yamanashi\s+08\/12\/2026/)
    expect(content).toMatch(/Phối hợp với tỉnh Yamanashi dự thảo văn bản hợp tác chính thức giữa hai tỉnh\s+Sở Ngoại vụ\s+31\/03\/2027/)
    expect(content).toMatch(/Gửi JETRO thông tin[^\n]*\s+Ban Quản lý KKT Nghi Sơn và các KCN\s+31\/01\/2027/)
    expect(content).toContain('Đề nghị UBND tỉnh giao Sở Ngoại vụ chủ trì')
  })
})

describe('gifts and protocol history', () => {
  it('are kept per counterpart and shown in the brief\'s meeting outline', async () => {
    const yamanashi = await refId(core, 'jp-pref-19')
    await core.call('gifts.create', { localityId: yamanashi, direction: 'given', date: '2025-11-25', occasion: 'Diễn đàn hợp tác địa phương Việt – Nhật', description: 'Tranh sơn mài phong cảnh Sầm Sơn' })
    await core.call('gifts.create', { localityId: yamanashi, direction: 'received', date: '2026-12-08', tripId: TRIP, description: 'Bộ chén sứ Koshu' })
    const list = await core.call('gifts.list', { counterpartId: yamanashi })
    expect(list.map((g) => [g.date, g.direction, g.occasionTitle])).toEqual([
      ['2026-12-08', 'received', 'Đoàn công tác của tỉnh Thanh Hóa làm việc tại tỉnh Yamanashi, Nhật Bản (năm 2026)'],
      ['2025-11-25', 'given', null],
    ])
    const { model } = await core.call('briefs.get', { tripId: TRIP })
    const meetings = model.sections.find((s) => s.id === 'meetings')!
    const gifts = meetings.blocks.find((b) => b.type === 'bullets' && b.id === `meeting.${MEETING}.gifts`)
    expect(gifts).toMatchObject({ label: 'Quà tặng trước đây', items: ['08/12/2026 – nhận: Bộ chén sứ Koshu (Đoàn công tác của tỉnh Thanh Hóa làm việc tại tỉnh Yamanashi, Nhật Bản (năm 2026))', '25/11/2025 – tặng: Tranh sơn mài phong cảnh Sầm Sơn (Diễn đàn hợp tác địa phương Việt – Nhật)'] })
    // JETRO was given nothing: its meeting has no such block.
    expect(meetings.blocks.some((b) => b.type === 'bullets' && b.id === `meeting.${JETRO_MEETING}.gifts`)).toBe(false)
  })

  it('refuse a gift with no counterpart or no description, and write nothing', async () => {
    await expect(core.call('gifts.create', { direction: 'given', date: '2026-01-01', description: 'Hoa' })).rejects.toThrow(/invalid_input/)
    const yamanashi = await refId(core, 'jp-pref-19')
    await expect(core.call('gifts.create', { localityId: yamanashi, direction: 'given', date: '2026-01-01', description: '' })).rejects.toThrow(/invalid_input/)
    expect(await core.call('gifts.list', { counterpartId: yamanashi })).toHaveLength(2)
  })
})
