/**
 * The brief's layout, read back from real .docx files: tables whose dates and header words
 * are never broken, the cover's lines as an office breaks them, line spacing and lists,
 * Decree 30's date, and a TOC whose page numbers are written in (and are LibreOffice's
 * pages, where it is installed). Widths are measured with docx/layout's own Times New
 * Roman tables, not with widths.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import { layoutDocument } from 'docx/layout'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefModel } from '../../../shared/domain/briefs.ts'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { placeDate } from '../text.ts'
import { agencyLines, titleLines } from './cover.ts'
import { withLetterhead } from './letterhead.ts'
import { renderBriefDocx } from './render.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const CELL_MARGINS = 160 // the brief's cells: 80 twips left and right
const TEXT_WIDTH = 9186 // A4 less the 31 and 17 mm margins, in twips

let core: TestCore
beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(join(tempDir(), 'exports')), now: () => new Date('2026-11-23T09:00:00Z') })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

async function model(language: 'vi' | 'en', overrides: Record<string, string> = {}): Promise<BriefModel> {
  const { settings } = await core.call('briefs.get', { tripId: TRIP })
  await core.call('briefs.save', { tripId: TRIP, settings: { ...settings, language, overrides } })
  return (await core.call('briefs.get', { tripId: TRIP })).model
}

function parts(docx: Uint8Array) {
  const files = unzipSync(docx)
  return { document: strFromU8(files['word/document.xml']!), settings: strFromU8(files['word/settings.xml']!) }
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
/** A paragraph's lines, as its line breaks (w:br) part them. */
const linesOf = (paragraph: string) => paragraph.split('<w:br/>').map((l) => textOf(l).trim())
const paragraphsOf = (xml: string) => xml.split('</w:p>').slice(0, -1)

interface Cell {
  xml: string
  text: string
  lines: string[]
}
/** The brief's own tables (those with a repeated header row): grid widths and cells. */
function tables(document: string): Array<{ grid: number[]; rows: Cell[][] }> {
  return [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)]
    .map((m) => m[1]!)
    .filter((t) => t.includes('<w:tblHeader/>'))
    .map((t) => ({
      grid: [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1])),
      rows: [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({ xml: c[1]!, text: textOf(c[1]!), lines: paragraphsOf(c[1]!).flatMap(linesOf) })),
      ),
    }))
}

/** Widths in twips of texts in Times New Roman 12 pt, as docx/layout lays them out. */
function measured(texts: Array<{ text: string; bold: boolean }>, size = 24): number[] {
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'MS Mincho' }
  const doc = new Document({
    sections: [{ children: texts.map(({ text, bold }) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, bold, size, font })] })) }],
  })
  const blocks = layoutDocument(doc).pages.flatMap((p) => p.body)
  return texts.map((_, i) => {
    const b = blocks.find((x) => x.type === 'paragraph' && x.index === i)
    if (b?.type !== 'paragraph' || b.lines.length !== 1) throw new Error(`cannot measure ${texts[i]!.text}`)
    return b.lines[0]!.textWidth * 15 // pixels (96 to the inch) to twips
  })
}

const DATE = /\d{1,2}\/\d{1,2}\/\d{4}|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b|\d{2}:\d{2}(?:–\d{2}:\d{2})?/g
/** A cell that is a date or a time, with a weekday perhaps: "Thứ Hai, 07/12/2026", "Mon 7 Dec 2026", "10:00–11:30". */
const DATE_CELL = /^(?:(?:Thứ \S+|Chủ nhật|Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} \w{3} \d{4})$|^\d{2}:\d{2}(?:–\d{2}:\d{2})?$/

describe.each(['vi', 'en'] as const)('the tables of the %s brief', (language) => {
  let found: ReturnType<typeof tables>

  beforeAll(async () => {
    found = tables(parts(await renderBriefDocx(await model(language))).document)
  })
  afterAll(() => model('vi'))

  it('fill the width of the text, in the columns the grid gives every cell', () => {
    expect(found.length).toBeGreaterThanOrEqual(4) // members, programme, agreements, figures, contacts
    for (const t of found) {
      expect(t.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH)
      for (const row of t.rows) {
        expect(row).toHaveLength(t.grid.length)
        row.forEach((c, i) => expect(c.xml).toContain(`<w:tcW w:type="dxa" w:w="${t.grid[i]}"/>`))
      }
    }
  })

  it('never break a date or a time inside its cell', () => {
    const checks: Array<{ text: string; room: number }> = []
    let dateCells = 0
    for (const t of found) {
      for (const row of t.rows.slice(1)) {
        row.forEach((c, i) => {
          const room = t.grid[i]! - CELL_MARGINS
          if (DATE_CELL.test(c.text)) {
            dateCells++
            expect(c.xml, c.text).toContain('<w:noWrap/>')
            // On one line, or its weekday on a line above the date: each line fits whole.
            expect(c.lines.length).toBeLessThanOrEqual(2)
            for (const l of c.lines) checks.push({ text: l, room })
          } else {
            for (const d of c.text.match(DATE) ?? []) checks.push({ text: d, room })
          }
        })
      }
    }
    expect(dateCells).toBeGreaterThanOrEqual(10) // the programme's days and times, the figures' dates
    const widths = measured(checks.map((c) => ({ text: c.text, bold: false })))
    checks.forEach((c, i) => expect(widths[i], `"${c.text}" in ${c.room} twips`).toBeLessThanOrEqual(c.room))
  })

  it('never split a word of a header', () => {
    const checks = found.flatMap((t) => t.rows[0]!.flatMap((c, i) => c.text.split(/\s+/).map((word) => ({ text: word, room: t.grid[i]! - CELL_MARGINS }))))
    if (language === 'en') expect(checks.map((c) => c.text)).toEqual(expect.arrayContaining(['Implementation', 'Counterparts']))
    const widths = measured(checks.map((c) => ({ text: c.text, bold: true })))
    checks.forEach((c, i) => expect(widths[i], `"${c.text}" in ${c.room} twips`).toBeLessThanOrEqual(c.room))
  })
})

describe('the cover', () => {
  it('breaks the agency block after the organ, and the title at its phrases', async () => {
    const vi = parts(await renderBriefDocx(await model('vi'))).document
    const cover = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(vi)![0]
    const agencyCell = /<w:tc>([\s\S]*?)<\/w:tc>/.exec(cover)![1]!
    const agency = paragraphsOf(agencyCell).map(linesOf).filter((l) => l.join(''))
    expect(agency).toEqual([['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'], ['SỞ NGOẠI VỤ']])
    const title = paragraphsOf(vi).map(linesOf).find((l) => l[0]?.startsWith('TÀI LIỆU'))
    expect(title).toEqual(['TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC', 'CỦA TỈNH THANH HÓA', 'TẠI NHẬT BẢN'])
    // Each line but the last keeps its space before the break: the text reads on as one.
    expect(textOf(agencyCell)).toContain('ỦY BAN NHÂN DÂN TỈNH THANH HÓA')

    const en = parts(await renderBriefDocx(await model('en'))).document
    expect(paragraphsOf(en).map(linesOf).find((l) => l[0]?.startsWith('BRIEFING'))).toEqual(['BRIEFING PACK FOR THE DELEGATION', 'OF THANH HOA PROVINCE', 'TO JAPAN'])
    await model('vi')
  })

  it('boxes the circulation mark on one line, in Vietnamese and in English', async () => {
    for (const [language, mark] of [['vi', 'LƯU HÀNH NỘI BỘ'], ['en', 'FOR INTERNAL CIRCULATION']] as const) {
      const doc = parts(await renderBriefDocx(await model(language))).document
      const box = [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!).find((t) => textOf(t) === mark)!
      const width = Number(/<w:gridCol w:w="(\d+)"\/>/.exec(box)![1])
      expect(measured([{ text: mark, bold: true }], 28)[0], `${mark} in ${width} twips`).toBeLessThanOrEqual(width - CELL_MARGINS)
    }
    await model('vi')
  })

  it('keeps the organ on its line, in Vietnamese and in English', () => {
    const column = 3458 // the cover's left column, less its cell margins
    expect(agencyLines('HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA', column, 26)).toEqual(['HỘI ĐỒNG NHÂN DÂN', 'TỈNH THANH HÓA'])
    expect(agencyLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', column, 26)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI'])
    expect(agencyLines('SỞ NGOẠI VỤ TỈNH THANH HÓA', column, 26, true)).toEqual(['SỞ NGOẠI VỤ', 'TỈNH THANH HÓA'])
    expect(agencyLines('SỞ NGOẠI VỤ', column, 26, true)).toEqual(['SỞ NGOẠI VỤ'])
    expect(agencyLines("PEOPLE'S COMMITTEE OF THANH HOA PROVINCE", column, 26)).toEqual(["PEOPLE'S COMMITTEE", 'OF THANH HOA PROVINCE'])
    expect(agencyLines('DEPARTMENT OF FOREIGN AFFAIRS OF THANH HOA PROVINCE', 2 * column, 26)).toEqual(['DEPARTMENT OF FOREIGN AFFAIRS', 'OF THANH HOA PROVINCE'])
  })

  it('leaves a short title whole, and no word alone on a line', () => {
    expect(titleLines('BÁO CÁO', TEXT_WIDTH, 32)).toEqual(['BÁO CÁO'])
    expect(titleLines('TÀI LIỆU PHỤC VỤ CUỘC LÀM VIỆC VỚI TỈNH YAMANASHI', TEXT_WIDTH, 32)).toEqual(['TÀI LIỆU PHỤC VỤ CUỘC LÀM VIỆC', 'VỚI TỈNH YAMANASHI'])
    for (const title of [
      'TÀI LIỆU PHỤC VỤ CUỘC LÀM VIỆC VỚI ĐẠI SỨ QUÁN NHẬT BẢN TẠI VIỆT NAM',
      'TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI NHẬT BẢN VỀ HỢP TÁC ĐẦU TƯ VỚI TỈNH YAMANASHI',
      'TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI HÀN QUỐC, NHẬT BẢN, TRUNG QUỐC, ĐÀI LOAN VÀ CỘNG HÒA LIÊN BANG ĐỨC',
      'BRIEFING PACK FOR THE DELEGATION OF THANH HOA PROVINCE TO YAMANASHI PREFECTURE IN JAPAN',
    ]) {
      const lines = titleLines(title, TEXT_WIDTH, 32)
      expect(lines.join(' ')).toBe(title)
      expect(lines.length).toBeGreaterThan(1)
      for (const l of lines) expect(l.split(' ').length, l).toBeGreaterThan(1)
    }
    expect(titleLines('TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI HÀN QUỐC, NHẬT BẢN, TRUNG QUỐC, ĐÀI LOAN VÀ CỘNG HÒA LIÊN BANG ĐỨC', TEXT_WIDTH, 32)).toContain(
      'TẠI HÀN QUỐC, NHẬT BẢN, TRUNG QUỐC,',
    )
  })
})

describe('the text', () => {
  it('says how every line spacing is meant, so that LibreOffice spaces the lines as Word does', async () => {
    const files = unzipSync(await renderBriefDocx(await model('vi')))
    for (const name of ['word/document.xml', 'word/styles.xml']) {
      const spacings = [...strFromU8(files[name]!).matchAll(/<w:spacing [^>]*w:line="[^>]*>/g)].map((m) => m[0])
      expect(spacings.length, name).toBeGreaterThan(0)
      // Without w:lineRule LibreOffice takes w:line for an exact height (Word: a multiple).
      for (const sp of spacings) expect(sp, name).toMatch(/w:lineRule="(auto|exact|atLeast)"/)
    }
  })

  it('sets lists as official documents do: "- " at the first-line indent, the lines after flush left', async () => {
    const files = unzipSync(await renderBriefDocx(await model('vi')))
    const numbering = strFromU8(files['word/numbering.xml']!)
    const dash = /<w:lvl w:ilvl="0"[^>]*>(?:(?!<\/w:lvl>)[\s\S])*?<w:lvlText w:val="-"\/>(?:(?!<\/w:lvl>)[\s\S])*<\/w:lvl>/.exec(numbering)?.[0] ?? ''
    expect(dash).toContain('<w:suff w:val="space"/>')
    expect(dash).toMatch(/<w:ind w:left="0" w:firstLine="720"\/>/)
    const items = paragraphsOf(strFromU8(files['word/document.xml']!)).filter((p) => p.includes('<w:numPr>'))
    expect(items.length).toBeGreaterThan(10)
    for (const p of items) expect(p).toMatch(/<w:ind w:left="0" w:firstLine="(720|1287)"\/>/)
  })
})

describe('the place and date line (Decree 30)', () => {
  it('pads days below 10, and the months 1 and 2 only', () => {
    expect(placeDate('Thanh Hóa', '2026-03-05', 'vi')).toBe('Thanh Hóa, ngày 05 tháng 3 năm 2026')
    expect(placeDate('Thanh Hóa', '2026-01-05', 'vi')).toBe('Thanh Hóa, ngày 05 tháng 01 năm 2026')
    expect(placeDate('Thanh Hóa', '2026-02-28', 'vi')).toBe('Thanh Hóa, ngày 28 tháng 02 năm 2026')
    expect(placeDate('Thanh Hóa', '2026-10-22', 'vi')).toBe('Thanh Hóa, ngày 22 tháng 10 năm 2026')
    expect(placeDate('Thanh Hóa', '2026-12-01', 'vi')).toBe('Thanh Hóa, ngày 01 tháng 12 năm 2026')
    expect(placeDate('', '2026-09-09', 'vi')).toBe('ngày 09 tháng 9 năm 2026')
  })

  it('writes the English date unpadded', () => {
    expect(placeDate('Thanh Hoa', '2026-03-05', 'en')).toBe('Thanh Hoa, 5 March 2026')
  })
})

/** The TOC's entries: title and the page number written in its PAGEREF field ('' if none). */
function tocEntries(document: string): Array<{ title: string; page: string }> {
  const sdt = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)?.[0] ?? ''
  return paragraphsOf(sdt)
    .filter((p) => p.includes('PAGEREF'))
    .map((p) => {
      const page = /PAGEREF [^<]*<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t[^>]*>([^<]*)<\/w:t>)?/.exec(p)?.[1] ?? ''
      const title = textOf(p.slice(0, p.lastIndexOf('PAGEREF')))
      return { title: title.trim(), page }
    })
}

describe('the table of contents', () => {
  it('is written with its page numbers, so that no one need update it', async () => {
    const { document, settings } = parts(await renderBriefDocx(await model('vi')))
    expect(document).toMatch(/TOC \\h \\o &quot;1-2&quot;/)
    const entries = tocEntries(document)
    expect(entries.length).toBeGreaterThanOrEqual(10)
    expect(entries[0]).toEqual({ title: 'I. TÓM TẮT CHO LÃNH ĐẠO', page: '3' })
    const pages = entries.map((e) => Number(e.page))
    expect(pages.every((p) => p >= 3)).toBe(true)
    expect([...pages].sort((a, b) => a - b)).toEqual(pages)
    // The numbers are written clean: Word shows them without asking to update the fields.
    expect(settings).not.toContain('updateFields')
    expect(document).not.toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText[^>]*>TOC/)
  })

  it('counts a letterhead cover put in front', async () => {
    const m = await model('vi')
    const template = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('GIẤY TIÊU ĐỀ'), new Paragraph('{{title}}')] }] }))
    const withCover = await withLetterhead(template, m, await renderBriefDocx({ ...m, includeCover: false }))
    const { document, settings } = parts(withCover)
    expect(tocEntries(document)[0]).toEqual({ title: 'I. TÓM TẮT CHO LÃNH ĐẠO', page: '3' })
    expect(settings).not.toContain('updateFields')
  })

  it('asks Word to fill the numbers in where they cannot be worked out, rather than guess', async () => {
    // "∮" has no width in docx/layout's tables: the pages cannot be laid out as Word would.
    const { document, settings } = parts(await renderBriefDocx(await model('vi', { 'programme.notes': 'Tích phân ∮ trong ghi chú.' })))
    expect(tocEntries(document).every((e) => e.page === '')).toBe(true)
    expect(settings).toContain('<w:updateFields/>')
    await model('vi')
  })

  const soffice = spawnSync('soffice', ['--version']).status === 0
  it.skipIf(!soffice)(
    'names the pages LibreOffice puts the headings on, in both languages',
    async () => {
      const dir = join(tempDir(), 'toc-pdf')
      mkdirSync(dir, { recursive: true })
      for (const language of ['vi', 'en'] as const) {
        const bytes = await renderBriefDocx(await model(language))
        const path = join(dir, `brief-${language}.docx`)
        writeFileSync(path, bytes)
        execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore', timeout: 120_000 })
        const pdf = join(dir, `brief-${language}.pdf`)
        const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1])
        const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-']).toString().normalize('NFC')
        const texts = Array.from({ length: count }, (_, i) => page(i + 1).split('\n').map((l) => l.trim()))
        for (const e of tocEntries(parts(readFileSync(path)).document)) {
          // The first page after the TOC where the heading starts a line.
          const on = texts.findIndex((lines, i) => i > 1 && lines.some((l) => l.length > 8 && e.title.normalize('NFC').startsWith(l)))
          expect(String(on + 1), e.title).toBe(e.page)
        }
      }
      await model('vi')
    },
    240_000,
  )
})
