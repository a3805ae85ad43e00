/**
 * A delegation the sample data does not cover, to Shizuoka, briefed on 01/12/2026: an MOU
 * whose validity ended in 2024 but is still recorded in force, an official whose term
 * ended, an agreement signed 40 days ago and never reported, overdue follow-up, a figure
 * three years old, and English fields on the records. The exported .docx is read back.
 */
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefModel } from '../../shared/domain/briefs.ts'
import { folderPlatform } from '../platform.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../test-support.ts'

let core: TestCore
let tripId: string
let model: { vi: BriefModel; en: BriefModel }
let docx: { vi: string; en: string }

const text = async (path: string) => (await mammoth.extractRawText({ path })).value.normalize('NFC')

async function exportIn(language: 'vi' | 'en') {
  const { settings } = await core.call('briefs.get', { tripId })
  await core.call('briefs.save', { tripId, settings: { ...settings, language } })
  const r = await core.call('briefs.export', { tripId })
  return { model: (await core.call('briefs.get', { tripId })).model, text: await text(r!.path) }
}

beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(tempDir()), now: () => new Date('2026-12-01T09:00:00Z') })
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  const shizuoka = await refId(core, 'jp-pref-22')
  const haNam = await refId(core, 'vn-pre2025-ha-nam')
  const { id: org } = await core.call('organizations.create', { kind: 'agency', nameVi: 'Sở Du lịch tỉnh Shizuoka', nameEn: 'Shizuoka Tourism Bureau', country: 'JP', localityId: shizuoka })
  const { id: former } = await core.call('people.create', {
    familyName: 'Tanaka',
    givenName: 'Ichiro',
    familyNameNative: '田中',
    givenNameNative: '一郎',
    nameOrder: 'family_first',
    country: 'JP',
    title: 'Phó Thống đốc tỉnh Shizuoka',
    localityId: shizuoka,
    termStart: '2021-04-01',
    termEnd: '2025-03-31',
    bio: 'Phụ trách du lịch và nông nghiệp.',
    phone: '+81 54-221-2455',
    email: 'tanaka@example.jp',
  })
  const { id: governor } = await core.call('people.create', { familyName: 'Suzuki', givenName: 'Yasutomo', nameOrder: 'family_first', country: 'JP', title: 'Thống đốc tỉnh Shizuoka', localityId: shizuoka, termStart: '2024-05-01' })
  const parties = [
    { side: 'home' as const, localityId: thanhHoa },
    { side: 'partner' as const, localityId: shizuoka },
  ]
  const { id: mou } = await core.call('agreements.create', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ hợp tác du lịch Thanh Hóa – Shizuoka',
    titleEn: 'Memorandum on tourism cooperation between Thanh Hoa and Shizuoka',
    status: 'in_force',
    signedDate: '2019-07-01',
    validFrom: '2019-07-01',
    validUntil: '2024-06-30',
    parties,
  })
  for (const [action, due] of [['Trao đổi đoàn doanh nghiệp lữ hành', '2026-06-30'], ['Hội chợ du lịch chung', '2026-09-30']] as const) {
    await core.call('commitments.create', { agreementId: mou, action, dueDate: due, status: 'open' })
  }
  const { id: recent } = await core.call('agreements.create', {
    kind: 'cooperation_agreement',
    titleVi: 'Thỏa thuận hợp tác nông nghiệp công nghệ cao',
    titleEn: 'Agreement on high-tech agriculture',
    status: 'signed',
    signedDate: '2026-10-22',
    parties,
  })
  await core.call('commitments.create', { agreementId: recent, action: 'Cử chuyên gia sang khảo sát', dueDate: '2026-11-15', status: 'in_progress' })
  // A unit that ceased in 2025, with its own old agreement.
  await core.call('agreements.create', { kind: 'loi', titleVi: 'Ý định thư hợp tác giáo dục', titleEn: 'Letter of intent on education', status: 'signed', signedDate: '2022-03-01', parties: [{ side: 'home', localityId: haNam }, { side: 'partner', localityId: shizuoka }] })
  await core.call('facts.create', { label: 'Dân số', value: '3.582.297', unit: 'người', asOf: '2023-10-01', scope: 'locality', localityId: shizuoka, source: 'Cổng thông tin tỉnh Shizuoka' })
  await core.call('facts.create', { label: 'Khách du lịch Việt Nam', value: '42.000', unit: 'lượt', asOf: '2026-06-30', scope: 'locality', localityId: shizuoka })
  ;({ id: tripId } = await core.call('trips.create', {
    title: 'Đoàn công tác tỉnh Thanh Hóa thăm tỉnh Shizuoka',
    homeLocalityId: thanhHoa,
    startDate: '2027-03-08',
    endDate: '2027-03-13',
    objectives: 'Thúc đẩy hợp tác du lịch và nông nghiệp công nghệ cao với tỉnh Shizuoka.',
    destinationIds: [shizuoka],
    members: [{ name: 'Nguyễn Văn A', title: 'Phó Chủ tịch UBND tỉnh', role: 'head' }],
  }))
  await core.call('itinerary.create', { tripId, kind: 'meeting', title: 'Làm việc với Thống đốc tỉnh Shizuoka', start: '2027-03-09T10:00', counterparts: [{ personId: governor }, { localityId: shizuoka }], asks: 'Gia hạn bản ghi nhớ về du lịch' })
  await core.call('itinerary.create', { tripId, kind: 'meeting', title: 'Làm việc với Sở Du lịch', start: '2027-03-10T14:00', counterparts: [{ organizationId: org }, { personId: former }, { localityId: shizuoka }] })
  await core.call('itinerary.create', { tripId, kind: 'meeting', title: 'Gặp cộng đồng người Việt', start: '2027-03-13T18:00', counterparts: [{ localityId: shizuoka }] })
  const vi = await exportIn('vi')
  const en = await exportIn('en')
  model = { vi: vi.model, en: en.model }
  docx = { vi: vi.text, en: en.text }
})
afterAll(() => core.dispose())

const section = (m: BriefModel, id: string) => m.sections.find((s) => s.id === id)!
const bulletsOf = (m: BriefModel, id: string, blockId: string) => {
  const b = section(m, id).blocks.find((x) => 'id' in x && x.id === blockId)
  return b && b.type === 'bullets' ? b.items : []
}

describe('a brief as of its date', () => {
  it('prints an agreement whose validity ended as expired, never "in force"', () => {
    const register = section(model.vi, 'agreements').blocks.find((b) => b.type === 'table')!
    const row = register.type === 'table' ? register.rows.find((r) => r[0]!.startsWith('Bản ghi nhớ hợp tác du lịch'))! : []
    expect(row[3]).toBe('Hết hiệu lực (từ 30/06/2024)')
    expect(docx.vi).not.toMatch(/Bản ghi nhớ hợp tác du lịch[^\n]*\n[^\n]*\n[^\n]*\nĐang hiệu lực/)
  })

  it('gives the leader what to know, worded for a leader, and no officer to-do', () => {
    const notes = bulletsOf(model.vi, 'summary', 'summary.issues')
    expect(notes).toEqual(
      expect.arrayContaining([
        'Bản ghi nhớ hợp tác du lịch Thanh Hóa – Shizuoka: đã hết hiệu lực từ ngày 30/06/2024.',
        'Bản ghi nhớ hợp tác du lịch Thanh Hóa – Shizuoka: 2 việc đã quá hạn – Trao đổi đoàn doanh nghiệp lữ hành (quá hạn 154 ngày, hạn 30/06/2026); Hội chợ du lịch chung (quá hạn 62 ngày, hạn 30/09/2026).',
        'Việc “Cử chuyên gia sang khảo sát” theo Thỏa thuận hợp tác nông nghiệp công nghệ cao đã quá hạn 16 ngày (hạn 15/11/2026).',
        'Thỏa thuận hợp tác nông nghiệp công nghệ cao, ký ngày 22/10/2026, chưa được báo cáo Thủ tướng Chính phủ và chưa gửi bản sao cho Bộ Ngoại giao; hạn là ngày 06/11/2026 (đã quá 25 ngày).',
        'TANAKA Ichiro (田中 一郎) không còn giữ chức Phó Thống đốc tỉnh Shizuoka từ sau ngày 31/03/2025.',
        'Số liệu “Dân số” của Shizuoka là số liệu tại ngày 01/10/2023, đã cũ hơn hai năm.',
      ]),
    )
    expect(docx.vi).not.toMatch(/Chưa có tiểu sử/)
    expect(docx.vi).not.toMatch(/cập nhật|kiểm tra lại|sửa tình trạng/)
  })

  it('presents a former official as former, with a line in the meeting outline', () => {
    expect(docx.vi).toContain('TANAKA Ichiro (田中 一郎) – nguyên Phó Thống đốc tỉnh Shizuoka (đến 31/03/2025)')
    expect(docx.vi).toContain('TANAKA Ichiro (田中 一郎) không còn giữ chức Phó Thống đốc tỉnh Shizuoka (đến 31/03/2025).')
  })

  it('keeps the officer’s to-dos in the builder, grouped by kind, each naming its record', () => {
    const kinds = new Set(model.vi.warnings.map((w) => w.kind))
    for (const k of ['status_disagrees', 'report_not_sent', 'copy_not_sent', 'overdue_commitment', 'former_counterpart', 'missing_bio', 'stale_figure']) expect(kinds).toContain(k)
    expect(model.vi.warnings.find((w) => w.kind === 'status_disagrees')).toMatchObject({ record: { kind: 'agreement' }, message: expect.stringContaining('ghi là còn hiệu lực nhưng đã hết hạn ngày 30/06/2024') })
    // A weekend meeting is flagged (13/03/2027 is a Saturday).
    expect(model.vi.warnings.find((w) => w.kind === 'weekend_meeting')?.message).toContain('Gặp cộng đồng người Việt')
  })

  it('reads like an officer wrote it', () => {
    // The objectives once; the kind not appended to titles; no nested parentheses; one history per partner.
    expect(docx.vi.split('Thúc đẩy hợp tác du lịch và nông nghiệp công nghệ cao').length - 1).toBe(1)
    expect(docx.vi).not.toMatch(/\((Cuộc họp|Làm việc|Gặp gỡ)\)/)
    expect(docx.vi).not.toMatch(/\([^()\n]*\([^()\n]*\)[^()\n]*\)/)
    expect(docx.vi).toContain('Xem mục 1 (Làm việc với Thống đốc tỉnh Shizuoka).')
    expect(docx.vi).toContain('Hà Nam (nay thuộc tỉnh Ninh Bình) và Shizuoka')
    // The protocol example is one of this trip's own counterparts.
    expect(docx.vi).toContain('“Thống đốc tỉnh Shizuoka SUZUKI Yasutomo”')
    expect(docx.vi).not.toContain('Gunma')
    // The contact list has telephone and e-mail; the profile its figures with dates.
    expect(docx.vi).toContain('+81 54-221-2455')
    expect(docx.vi).toContain('tanaka@example.jp')
    expect(docx.vi).toContain('Khách du lịch Việt Nam: 42.000 lượt (30/06/2026)')
    expect(docx.vi).toContain('Dân số: 3.582.297 người (số liệu tại 01/10/2023, số liệu cũ)')
  })
})

describe('the English brief', () => {
  it('is English: state header, labels, English fields, lineage, dates and numbers', () => {
    for (const s of [
      'SOCIALIST REPUBLIC OF VIET NAM',
      'Independence – Freedom – Happiness',
      'FOR INTERNAL CIRCULATION',
      "PEOPLE'S COMMITTEE OF THANH HOA PROVINCE",
      'DEPARTMENT OF FOREIGN AFFAIRS',
      'BRIEFING PACK FOR THE DELEGATION OF THANH HOA PROVINCE TO JAPAN',
      '(8 Mar 2027 to 13 Mar 2027)',
      'Memorandum on tourism cooperation between Thanh Hoa and Shizuoka',
      'Expired (since 30 Jun 2024)',
      'Shizuoka Prefecture',
      'Ha Nam (now part of Ninh Binh Province) and Shizuoka',
      'Shizuoka Tourism Bureau',
      'former Phó Thống đốc tỉnh Shizuoka (until 31 Mar 2025)',
      'has not been reported to the Prime Minister nor copied to the Ministry of Foreign Affairs',
      'Dân số: 3.582.297 người (as of 1 Oct 2023, old figure)',
    ]) {
      expect(docx.en).toContain(s)
    }
    for (const vi of ['CỘNG HÒA', 'LƯU HÀNH NỘI BỘ', 'Hết hiệu lực', 'Đang hiệu lực', 'nay thuộc', 'Bản ghi nhớ hợp tác du lịch', 'Tỉnh Shizuoka (', 'ký ngày']) {
      expect(docx.en).not.toContain(vi)
    }
    // "Counterparts" names the row of names; the profiles have a heading of their own.
    expect(docx.en).toContain('Who they are')
    expect(docx.en.match(/Counterparts/g)?.length).toBe(1 + 3) // the programme's column, once per meeting
  })
})
