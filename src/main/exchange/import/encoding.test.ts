import { toTCVN3, toVNI } from 'vietnamese-conversion'
import { describe, expect, it } from 'vitest'
import { convertEncoding, detectEncoding } from './encoding.ts'

/** UTF-8 bytes shown as Windows-1252, as Excel shows a UTF-8 .csv opened as "ANSI". */
const as1252 = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s))
/** The same through Latin-1: 0x80-0x9F become the C1 controls. */
const asLatin1 = (s: string) => String.fromCharCode(...new TextEncoder().encode(s))

const VIETNAMESE = [
  'Tên văn kiện',
  'Biên bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma',
  'Đà Nẵng',
  'Nguyễn Thu Hà',
  'ƯU TIÊN HỢP TÁC',
  '“Sở Ngoại vụ” – Hà Nội…',
  '山梨県',
]

describe('text through the wrong code page', () => {
  it('is recognised as UTF-8 read as Windows-1252, or as Latin-1', () => {
    expect(as1252('Tên văn kiện')).toBe('TÃªn vÄƒn kiá»‡n')
    expect(detectEncoding(VIETNAMESE.map(as1252))).toBe('utf8-as-cp1252')
    expect(detectEncoding(VIETNAMESE.map(asLatin1))).toBe('utf8-as-cp1252')
    // Decomposed Vietnamese (a base letter and its marks) goes wrong the same way.
    expect(detectEncoding(VIETNAMESE.map((s) => as1252(s.normalize('NFD'))))).toBe('utf8-as-cp1252')
  })

  it('comes back letter for letter: Vietnamese, Japanese, quotes and dashes', () => {
    for (const text of VIETNAMESE) {
      expect(convertEncoding(as1252(text), 'utf8-as-cp1252')).toBe(text)
      expect(convertEncoding(asLatin1(text), 'utf8-as-cp1252')).toBe(text)
      expect(convertEncoding(as1252(text.normalize('NFD')), 'utf8-as-cp1252')).toBe(text)
      // Saved twice through the wrong code page.
      expect(convertEncoding(as1252(as1252(text)), 'utf8-as-cp1252')).toBe(text)
    }
  })

  it('gives back the no-break space of a final "à" that trimming the cell took', () => {
    // "Hà" is "HÃ" + U+00A0; a trimmed cell keeps "HÃ".
    expect(convertEncoding(as1252('Nguyễn Thu Hà').trim(), 'utf8-as-cp1252')).toBe('Nguyễn Thu Hà')
    expect(convertEncoding(as1252('Hà').trim(), 'utf8-as-cp1252')).toBe('Hà')
    // "LÊ" + A0 would be no letter: it stays.
    expect(convertEncoding('LÊ', 'utf8-as-cp1252')).toBe('LÊ')
  })

  it('leaves alone a cell that cannot have been through it', () => {
    for (const text of ['Tên văn kiện', 'Café Übersee Ã', 'São Paulo', 'Zürich – Genève', '']) expect(convertEncoding(text, 'utf8-as-cp1252')).toBe(text)
  })

  it('is not seen in genuine Unicode Vietnamese, nor in French or German', () => {
    expect(detectEncoding(VIETNAMESE)).toBeNull()
    expect(detectEncoding(VIETNAMESE.map((s) => s.normalize('NFD')))).toBeNull()
    expect(detectEncoding(['Café Übersee Ã', 'Société Générale', '“CAFÉ” à Paris', 'Müller & Söhne GmbH', 'São Paulo', 'Ã bientôt', 'Zürich – Genève', 'Â° Ã'])).toBeNull()
    // A stray garbled apostrophe in a Unicode sheet is not a garbled sheet.
    expect(detectEncoding([...VIETNAMESE, 'Tokyo’s office'.replace('’', as1252('’'))])).toBeNull()
  })

  it('does not take the old Vietnamese encodings for it', () => {
    expect(detectEncoding(VIETNAMESE.map((s) => toTCVN3(s, 'unicode')))).toBe('tcvn3')
    expect(detectEncoding(VIETNAMESE.map((s) => toVNI(s, 'unicode')))).toBe('vni')
  })
})
