import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const MEETING = '01936d00-0000-7000-8000-000800000002'
let core: TestCore
let out: string

beforeAll(async () => {
  out = join(tempDir(), 'exports')
  core = await openTestCore({ platform: folderPlatform(out), now: () => new Date('2026-11-23T09:00:00Z') })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

function docxParts(path: string) {
  const files = unzipSync(readFileSync(path))
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : '')
  const headers = Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map(part).join('')
  return { document: part('word/document.xml'), styles: part('word/styles.xml'), headers }
}
const text = async (path: string) => (await mammoth.extractRawText({ path })).value.normalize('NFC')

describe('the brief', () => {
  let path: string
  let doc: ReturnType<typeof docxParts>
  let content: string

  beforeAll(async () => {
    const r = await core.call('briefs.export', { tripId: TRIP })
    expect(r).not.toBeNull()
    path = r!.path
    doc = docxParts(path)
    content = await text(path)
  })

  it('is saved under a sensible name and recorded with its hash and model', async () => {
    expect(path.endsWith('Tai-lieu-doan-cong-tac-Thanh-Hoa-Yamanashi-2026.docx')).toBe(true)
    const [exported] = await core.call('briefs.exports', { tripId: TRIP })
    expect(exported?.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'))
    expect(exported?.document).toBe('brief')
    const row = await core.db.selectFrom('briefExport').select('snapshot').executeTakeFirstOrThrow()
    expect(JSON.parse(row.snapshot).cover.title).toBe('TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI NHẬT BẢN')
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('follows the Decree 30 layout', () => {
    expect(doc.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const margin = (key: string) => Number(new RegExp(`<w:pgMar[^>]*w:${key}="(\\d+)"`).exec(doc.document)?.[1])
    const mm = (twips: number) => twips / 56.7
    expect(mm(margin('top'))).toBeGreaterThanOrEqual(20)
    expect(mm(margin('top'))).toBeLessThanOrEqual(25)
    expect(mm(margin('bottom'))).toBeGreaterThanOrEqual(20)
    expect(mm(margin('left'))).toBeGreaterThanOrEqual(30)
    expect(mm(margin('left'))).toBeLessThanOrEqual(35)
    expect(mm(margin('right'))).toBeGreaterThanOrEqual(15)
    expect(mm(margin('right'))).toBeLessThanOrEqual(20)
    expect(doc.styles).toMatch(/w:ascii="Times New Roman"/)
    expect(doc.styles).toMatch(/w:eastAsia="MS Mincho"/)
    expect(doc.styles).toMatch(/<w:sz w:val="28"\/>/) // body 14 pt
    expect(doc.styles).toMatch(/<w:jc w:val="both"\/>/) // justified body
    expect(doc.styles).toMatch(/<w:ind w:firstLine="720"\/>/) // 1.27 cm first-line indent
    expect(doc.document).toMatch(/TOC \\h \\o &quot;1-2&quot;/)
    expect(doc.headers).toMatch(/PAGE/)
    expect(doc.document).toMatch(/<w:titlePg\/>/)
    expect(doc.document).toMatch(/<w:tblHeader\/>/)
    expect(doc.document).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    // Japanese runs name the East Asian font.
    expect(doc.document).toMatch(/<w:rFonts[^>]*w:eastAsia="MS Mincho"[^>]*\/>(?:(?!<\/w:r>).)*山梨県/s)
  })

  it('covers every section for the demo trip, in order', () => {
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'SỞ NGOẠI VỤ',
      'LƯU HÀNH NỘI BỘ',
      'Thanh Hóa, ngày 23 tháng 11 năm 2026',
      '(Từ ngày 07/12/2026 đến ngày 11/12/2026)',
    ]) {
      expect(content).toContain(s)
    }
    const headings = ['I. TÓM TẮT CHO LÃNH ĐẠO', 'II. THÀNH PHẦN ĐOÀN VÀ MỤC TIÊU', 'III. CHƯƠNG TRÌNH CÔNG TÁC', 'IV. THÔNG TIN CƠ BẢN VỀ ĐỊA PHƯƠNG', 'V. ĐỀ CƯƠNG CÁC CUỘC LÀM VIỆC', 'VI. TÌNH HÌNH VĂN KIỆN HỢP TÁC', 'VII. LƯU Ý LỄ TÂN', 'VIII. PHỤ LỤC']
    const positions = headings.map((h) => content.lastIndexOf(h))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(content).toContain('Cao Văn Cường') // head of delegation
    expect(content).toContain('Làm việc với lãnh đạo tỉnh Yamanashi') // programme and outline
    expect(content).toContain('Tỉnh Yamanashi (山梨県)') // destination sheet
    expect(content).toContain('Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi') // register extract
    expect(content).toContain('知事') // protocol: forms of address
    expect(content).toMatch(/Tăng trưởng kim ngạch thương mại hai chiều[^\n]*\n+trên 20 %\n+25\/11\/2025/) // figure with its date
    expect(content).toContain('Phụ lục 3. Nguồn tài liệu')
  })

  it('takes the officer’s order, switches and edits without touching the register', async () => {
    const { settings } = await core.call('briefs.get', { tripId: TRIP })
    const order = settings.sections.map((s) => s.id)
    const swapped = order.map((id) => (id === 'programme' ? 'delegation' : id === 'delegation' ? 'programme' : id))
    await core.call('briefs.save', {
      tripId: TRIP,
      settings: {
        ...settings,
        sections: swapped.map((id) => ({ id, include: id !== 'protocol' })),
        overrides: { [`meeting.${MEETING}.talkingPoints`]: 'Luận điểm do chuyên viên sửa lại.\nLuận điểm thứ hai.' },
      },
    })
    const { model } = await core.call('briefs.get', { tripId: TRIP })
    expect(model.sections.map((s) => s.id).slice(0, 3)).toEqual(['summary', 'programme', 'delegation'])
    expect(model.sections.some((s) => s.id === 'protocol')).toBe(false)
    const r = await core.call('briefs.export', { tripId: TRIP })
    const edited = await text(r!.path)
    expect(edited).toContain('Luận điểm do chuyên viên sửa lại.')
    expect(edited).not.toContain('VII. LƯU Ý LỄ TÂN')
    expect(edited.indexOf('II. CHƯƠNG TRÌNH CÔNG TÁC')).toBeLessThan(edited.indexOf('III. THÀNH PHẦN ĐOÀN VÀ MỤC TIÊU'))
    const trip = await core.call('trips.get', { id: TRIP })
    expect(trip.items.find((i) => i.id === MEETING)?.talkingPoints).toMatch(/^Cảm ơn tỉnh Yamanashi/)
  })

  it('writes an English brief from the same model', async () => {
    const { settings } = await core.call('briefs.get', { tripId: TRIP })
    await core.call('briefs.save', { tripId: TRIP, settings: { ...settings, language: 'en', overrides: {} } })
    const r = await core.call('briefs.export', { tripId: TRIP })
    const en = await text(r!.path)
    expect(r!.fileName).toBe('Briefing-pack-Thanh-Hoa-Yamanashi-2026.docx')
    expect(en).toContain('I. SUMMARY FOR THE LEADER')
    expect(en).toContain('BRIEFING PACK FOR THE DELEGATION OF THANH HOA PROVINCE TO JAPAN')
    await core.call('briefs.save', { tripId: TRIP, settings: { ...settings, language: 'vi' } })
  })

  it('writes one short brief per meeting into a folder', async () => {
    const r = await core.call('briefs.exportMeetings', { tripId: TRIP })
    expect(r?.files).toHaveLength(4)
    expect(await text(r!.files[0]!)).toContain('Làm việc với lãnh đạo tỉnh Yamanashi')
  })
})

describe('a brief with problems still exports, listing them', () => {
  it('warns of a trip without members, an item outside its dates and a deleted counterpart', async () => {
    const { id: personId } = await core.call('people.create', { familyName: 'Tạm', nameOrder: 'family_first', country: 'JP' })
    const { id: tripId } = await core.call('trips.create', { title: 'Đoàn thử', startDate: '2026-03-01', endDate: '2026-03-03' })
    await core.call('itinerary.create', { tripId, kind: 'meeting', title: 'Gặp đối tác', start: '2026-04-01T09:00', counterparts: [{ personId }] })
    await core.call('people.delete', { id: personId })
    const { model } = await core.call('briefs.get', { tripId })
    const messages = model.warnings.map((w) => w.message).join('\n')
    expect(messages).toMatch(/chưa có thành viên/)
    expect(messages).toMatch(/nằm ngoài thời gian/)
    expect(messages).toMatch(/đã bị xóa/)
    const r = await core.call('briefs.export', { tripId })
    expect(existsSync(r!.path)).toBe(true)
  })

  it('refuses a folder that does not exist, leaving no file behind', async () => {
    const { exportBrief } = await import('./export.ts')
    const missing = join(tempDir(), 'no-such-folder', 'brief.docx')
    await expect(exportBrief(core.ctx, TRIP, missing)).rejects.toThrow(/thư mục .*no-such-folder không tồn tại/)
    expect(existsSync(missing)).toBe(false)
  })
})

const soffice = spawnSync('soffice', ['--version']).status === 0
describe.skipIf(!soffice)('rendered by LibreOffice', () => {
  it('opens, has the cover without a page number, and the numbers from page 2', async () => {
    const dir = join(tempDir(), 'pdf')
    mkdirSync(dir, { recursive: true })
    await core.db.deleteFrom('brief').execute() // the default settings
    const r = await core.call('briefs.export', { tripId: TRIP })
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, r!.path], { stdio: 'ignore', timeout: 120_000 })
    const pdf = join(dir, r!.fileName.replace(/\.docx$/, '.pdf'))
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1])
    expect(pages).toBeGreaterThanOrEqual(8)
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString()
    expect(page(1)).toContain('LƯU HÀNH NỘI BỘ')
    expect(page(1).trim().split('\n')[0]).not.toMatch(/^\s*\d+\s*$/)
    expect(page(2).trim().split('\n')[0]).toMatch(/^\s*2\s*$/)
    expect(page(3)).toContain('TÓM TẮT CHO LÃNH ĐẠO')
    // The summary holds on one page: the next section starts on page 4.
    expect(page(4)).toContain('THÀNH PHẦN ĐOÀN')
  }, 180_000)
})

describe('forum-scale briefs', () => {
  it('writes one short brief per foreign partner of the forum of 25/11/2025, in one run', async () => {
    const forum = '01936d00-0000-7000-8000-000500000001'
    const thanhHoa = (await core.db.selectFrom('locality').select('id').where('refKey', '=', 'vn-2025-thanh-hoa').executeTakeFirstOrThrow()).id
    const r = await core.call('briefs.exportEngagement', { engagementId: forum, homeLocalityId: thanhHoa })
    // The Japanese participants: the embassy, Gunma, Niigata, Yamanashi.
    expect(r?.files).toHaveLength(4)
    const texts = await Promise.all(r!.files.map(text))
    expect(texts.some((t) => t.includes('LÀM VIỆC VỚI TỈNH YAMANASHI') && t.includes('Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi'))).toBe(true)
    expect(texts.some((t) => t.includes('LÀM VIỆC VỚI TỈNH GUNMA') && t.includes('Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma'))).toBe(true)
    expect(texts.some((t) => t.includes('TÀI LIỆU PHỤC VỤ CUỘC LÀM VIỆC VỚI TỈNH YAMANASHI'))).toBe(true)
    expect(texts.every((t) => t.includes('Diễn đàn hợp tác địa phương Việt – Nhật lần thứ nhất') && !t.includes('TẠI NHẬT BẢN'))).toBe(true)
  })
})
