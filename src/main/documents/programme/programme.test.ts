/** The programme for the other side, exported from the sample data and read back. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli.ts'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, refId, tempDir, type TestCore } from '../../test-support.ts'

/** The sample data's Yamanashi delegation visiting Thanh Hóa, 26–28 November 2026. */
const VISIT = '01936d00-0000-7000-8000-000700000002'
let core: TestCore
let out: string

beforeAll(async () => {
  out = join(tempDir(), 'exports')
  core = await openTestCore({ platform: folderPlatform(out), now: () => new Date('2026-11-02T09:00:00Z') })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

const documentXml = (path: string) => strFromU8(unzipSync(readFileSync(path))['word/document.xml']!)
const text = async (path: string) => (await mammoth.extractRawText({ path })).value.normalize('NFC')
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the programme for a delegation received', () => {
  it('is written in Japanese: dates, the welcome programme, our participants and their titles', async () => {
    const r = await core.call('programme.export', { tripId: VISIT, language: 'ja' })
    expect(r!.fileName).toBe('Programme-Yamanashi-Thanh-Hoa-2026-ja.docx')
    const t = await text(r!.path)
    expect(t).toContain('山梨県代表団 Thanh Hóa省訪問日程')
    expect(t).toContain('2026年11月26日（木）～11月28日（土）')
    for (const day of ['2026年11月26日（木）', '2026年11月27日（金）', '2026年11月28日（土）']) expect(t).toContain(day)
    // The items in the other side's words, at their times, with who attends from our side.
    expect(t).toMatch(/08:30–10:00\s+Thanh Hóa省指導部と山梨県代表団との会談\s+Thanh Hóa省人民委員会庁舎\s+省党委員会委員、人民委員会副委員長\s+省外務局長\s+省商工局長/)
    expect(t).not.toContain('Hội đàm giữa lãnh đạo')
    // Our participants: Vietnamese names in Latin script with their diacritics, titles in Japanese.
    expect(t).toMatch(/1\s+Cao Văn Cường\s+Thanh Hóa省党委員会委員、人民委員会副委員長\s+接見主催/)
    expect(t).toMatch(/2\s+—\s+Thanh Hóa省外務局長\s+共同接見/)
    expect(t).toContain('2026年11月2日 Thanh Hóa')
    // Japanese runs name the East Asian font and language.
    const xml = documentXml(r!.path)
    expect(xml).toMatch(/<w:rFonts[^>]*w:eastAsia="MS Mincho"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:lang w:eastAsia="ja-JP"\/>(?:(?!<\/w:r>).)*山梨県代表団/)
    // Recorded among the trip's exports with the hash of the bytes on disk.
    const exports = await core.call('briefs.exports', { tripId: VISIT })
    expect(exports[0]).toMatchObject({ document: 'programme', language: 'ja', fileName: r!.fileName, sha256: sha256(r!.path) })
  })

  it('is written in English from the same trip', async () => {
    const model = await core.call('programme.get', { tripId: VISIT, language: 'en' })
    expect(model.warnings).toEqual([])
    const r = await core.call('programme.export', { tripId: VISIT, language: 'en' })
    const t = await text(r!.path)
    expect(t).toContain('PROGRAMME OF THE VISIT OF THE DELEGATION OF YAMANASHI PREFECTURE TO THANH HÓA PROVINCE')
    expect(t).toContain('Thursday, 26 November 2026 – Saturday, 28 November 2026')
    expect(t).toContain('Saturday, 28 November 2026')
    expect(t).toMatch(/Cao Văn Cường\s+Member of the Party Committee and Vice Chairman of the People's Committee of Thanh Hóa Province\s+Chairs the reception/)
    expect(t).toContain('Thanh Hóa, 2 November 2026')
  })

  it('exports from the command line, recorded like the app\'s', async () => {
    const target = join(out, 'cli-ja.docx')
    const lines: string[] = []
    expect(await main([...core.cliPlace, 'trip', 'programme', '--trip', VISIT, '--lang', 'ja', '--out', target], (s) => lines.push(s))).toBe(0)
    expect(await text(target)).toContain('2026年11月27日（金）')
    expect(lines.at(-1)).toContain('Programme exported')
    // (The command's own clock is the machine's, not this test's: found by its name.)
    expect((await core.call('briefs.exports', { tripId: VISIT })).find((e) => e.fileName === 'cli-ja.docx')).toMatchObject({ document: 'programme', language: 'ja', sha256: sha256(target) })
  })

  it('refuses a language it does not write, and a trip that is not there, writing nothing', async () => {
    const before = (await core.call('briefs.exports', { tripId: VISIT })).length
    expect(await core.dispatch('programme.export', { tripId: VISIT, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ field: 'language' }] } })
    expect(await core.dispatch('programme.get', { tripId: '01936d00-0000-7000-8000-0007000000ff', language: 'en' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const target = join(out, 'wrong.docx')
    await expect(main([...core.cliPlace, 'trip', 'programme', '--trip', VISIT, '--lang', 'fr', '--out', target], () => {})).rejects.toThrow(/--lang en\|ja/)
    expect(existsSync(target)).toBe(false)
    expect((await core.call('briefs.exports', { tripId: VISIT })).length).toBe(before)
  })
})

describe('the programme for a delegation sent', () => {
  it('lists the members, a Japanese one in kanji, and says what is still in Vietnamese', async () => {
    const yamanashi = await refId(core, 'jp-pref-19')
    const interpreter = (
      await core.call('people.create', { familyName: 'Suzuki', givenName: 'Hanako', familyNameNative: '鈴木', givenNameNative: '花子', country: 'JP', nameOrder: 'family_first' })
    ).id
    const { id } = await core.call('trips.create', {
      title: 'Đoàn công tác tại Yamanashi',
      homeLocalityId: await refId(core, 'vn-2025-thanh-hoa'),
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      destinationIds: [yamanashi],
      members: [
        { name: 'Lê Thị Hoa', title: 'Giám đốc Sở Ngoại vụ tỉnh Thanh Hóa', role: 'head' },
        { personId: interpreter, title: 'Phiên dịch viên', role: 'interpreter' },
      ],
    })
    await core.call('itinerary.create', { tripId: id, kind: 'meeting', title: 'Làm việc với lãnh đạo tỉnh', start: '2027-05-11T10:00', asks: 'Đề nghị bố trí gặp Thống đốc', translations: { ja: { title: '県知事との会談', asks: '知事との面会をお願いいたします' } } })
    await core.call('itinerary.create', { tripId: id, kind: 'site_visit', title: 'Thăm nhà máy', start: '2027-05-12T09:00' })

    const ja = await core.call('programme.get', { tripId: id, language: 'ja' })
    expect(ja.title).toBe('Thanh Hóa省代表団 山梨県訪問日程（案）')
    expect(ja.sections[0]!.blocks[1]).toMatchObject({ type: 'table', rows: [['1', 'Lê Thị Hoa', 'Thanh Hóa省外務局長', '団長'], ['2', '鈴木 花子', '通訳', '通訳']] })
    expect(ja.sections[1]!.blocks).toContainEqual({ type: 'day', text: '2027年5月11日（火）' })
    expect(ja.warnings).toEqual([{ code: 'item_untranslated', subject: 'Thăm nhà máy' }])

    const en = await core.call('programme.get', { tripId: id, language: 'en' })
    expect(en.sections[0]!.blocks[1]).toMatchObject({ type: 'table', rows: [['1', 'Lê Thị Hoa', 'Director of the Department of Foreign Affairs of Thanh Hóa Province', 'Head of delegation'], ['2', 'SUZUKI Hanako', 'Interpreter', 'Interpreter']] })
    // Nothing in English yet: both items and the request are named, the text kept as typed.
    expect(en.warnings.map((w) => w.subject)).toEqual(['Làm việc với lãnh đạo tỉnh', 'Thăm nhà máy'])
  })
})
