import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../test-support.ts'
import { wordErrorBoth } from '../../shared/messages/index.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
// A 1×1 PNG: the letterhead's logo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function template(dir: string, name: string, lines: string[]): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] }),
          ...lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l, bold: true })] })),
        ],
      },
    ],
  })
  const path = join(dir, name)
  writeFileSync(path, await Packer.toBuffer(doc))
  return path
}

let dir: string
let core: TestCore
let chosen: string | undefined
beforeAll(async () => {
  dir = tempDir()
  mkdirSync(join(dir, 'out'))
  core = await openTestCore({
    platform: { ...folderPlatform(join(dir, 'out')), chooseDocx: async () => chosen ?? null },
  })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

describe('own letterhead', () => {
  it('replaces the generated cover, with the placeholders filled and the logo kept', async () => {
    chosen = await template(dir, 'giay-tieu-de.docx', ['SỞ NGOẠI VỤ TỈNH THANH HÓA – GIẤY TIÊU ĐỀ', '{{title}}', '{{dates}}', '{{agency}}'])
    const r = await core.call('briefs.setLetterhead', { tripId: TRIP })
    expect(r).toEqual({ fileName: 'giay-tieu-de.docx', placeholders: ['title', 'dates', 'agency'] })
    const out = await core.call('briefs.export', { tripId: TRIP })
    const text = (await mammoth.extractRawText({ path: out!.path })).value
    expect(text).toContain('SỞ NGOẠI VỤ TỈNH THANH HÓA – GIẤY TIÊU ĐỀ')
    expect(text).toContain('TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA TỈNH THANH HÓA TẠI NHẬT BẢN')
    expect(text).toContain('(Từ ngày 07/12/2026 đến ngày 11/12/2026)')
    expect(text).not.toMatch(/\{\{\w+\}\}/)
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') // the generated cover is gone
    expect(text.indexOf('GIẤY TIÊU ĐỀ')).toBeLessThan(text.indexOf('I. TÓM TẮT CHO LÃNH ĐẠO'))
    const files = unzipSync(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(out!.path))))
    expect(Object.keys(files).some((f) => f.startsWith('word/media/letterhead-'))).toBe(true)
    expect(strFromU8(files['word/document.xml']!)).toMatch(/r:embed="rIdLetterhead1"/)
    if (spawnSync('soffice', ['--version']).status === 0) {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, out!.path], { stdio: 'ignore', timeout: 120_000 })
      const pdf = join(dir, out!.fileName.replace(/\.docx$/, '.pdf'))
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString()).toContain('GIẤY TIÊU ĐỀ')
    }
  }, 120_000)

  it('refuses a template with none of the placeholders, clearly, and keeps the one in use', async () => {
    chosen = await template(dir, 'khong-co-cho-dien.docx', ['Chỉ có chữ, không có chỗ điền'])
    const r = await core.dispatch('briefs.setLetterhead', { tripId: TRIP })
    expect(r.ok ? null : r.error.reason).toBe('letterhead_no_placeholders')
    expect(r.ok ? null : wordErrorBoth(r.error)).toMatch(/Mẫu không có chỗ điền nào.*\{\{title\}\}/)
    const { settings } = await core.call('briefs.get', { tripId: TRIP })
    expect(settings.letterhead?.fileName).toBe('giay-tieu-de.docx')
  })

  it('refuses a file that is not a .docx, or a damaged one', async () => {
    for (const [name, bytes] of [
      ['ghi-chu.docx', Buffer.from('Đây là văn bản thường, không phải .docx')],
      ['hong.docx', (await import('node:fs')).readFileSync(join(dir, 'giay-tieu-de.docx')).subarray(0, 500)],
    ] as const) {
      chosen = join(dir, name)
      writeFileSync(chosen, bytes)
      const r = await core.dispatch('briefs.setLetterhead', { tripId: TRIP })
      expect(r.ok ? null : wordErrorBoth(r.error)).toMatch(/không phải tệp Word \.docx hoặc đã bị hỏng/)
    }
  })
})
