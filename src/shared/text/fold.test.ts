import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, foldCjk, foldedWords, hasCjk, slugify } from './fold.ts'

const vietnamese = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ'
const vnText = fc.string({ unit: fc.constantFrom(...[...vietnamese, ...vietnamese.toUpperCase(), ' ']), maxLength: 30 })

describe('fold', () => {
  it('finds Thanh Hóa however it is typed', () => {
    const forms = ['thanh hoa', 'THANH HÓA', 'Thanh Hóa'.normalize('NFD'), 'Thanh Hoá', 'Thanh Hóa', 'ＴＨＡＮＨ ＨＯＡ']
    expect(new Set(forms.map(fold))).toEqual(new Set(['thanh hoa']))
  })

  it('maps đ and Đ to d', () => {
    expect(fold('Đà Nẵng')).toBe('da nang')
    expect(fold('đường')).toBe('duong')
  })

  it('keeps Japanese voicing marks (が is not か)', () => {
    expect(fold('が')).toBe('が')
    expect(fold('が')).not.toBe(fold('か'))
    expect(fold('ぱ')).not.toBe(fold('は'))
    expect(fold('山梨県')).toBe('山梨県')
  })

  it.each([
    ['ヤマナシ', 'やまなし'],
    ['ﾔﾏﾅｼ', 'やまなし'],
    ['ナガサキ コウタロウ', 'ながさき こうたろう'],
    ['ｶﾞｯｺｳ', 'がっこう'],
    ['ﾊﾟｰﾃｨｰ', 'ぱーてぃー'],
    ['ヴェトナム', 'ゔぇとなむ'],
    ['ヶ月', 'ゖ月'],
    ['いすゞ', 'いすゞ'],
    ['ヰヱヲン', 'ゐゑをん'],
    ['ＪＥＴＲＯ山梨センター', 'jetro山梨せんたー'],
  ])('folds katakana and half-width katakana to hiragana: %s', (text, folded) => {
    expect(fold(text)).toBe(folded)
  })

  it('reads any katakana word as its hiragana, full- or half-width', () => {
    // Hiragana ぁ..ゖ and their katakana 0x60 above, with the shared prolonged sound mark.
    const hiragana = fc.string({ unit: fc.oneof(fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c)), fc.constant('ー')), minLength: 1, maxLength: 20 })
    const katakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    fc.assert(
      fc.property(hiragana, (h) => {
        expect(fold(katakana(h))).toBe(fold(h))
        expect(fold(katakana(h).normalize('NFD'))).toBe(fold(h))
        expect(fold(h)).toBe(h.normalize('NFC'))
      }),
    )
    // Every half-width katakana letter folds as its full-width form.
    for (let c = 0xff66; c <= 0xff9d; c++) {
      const half = String.fromCharCode(c)
      expect(fold(half)).toBe(fold(half.normalize('NFKC')))
      expect(fold(half)).toMatch(/^[\u3041-\u3096ー]$/)
    }
  })

  it('matches Japanese with or without the spaces between its characters', () => {
    expect(foldCjk('長崎 幸太郎')).toBe('長崎幸太郎')
    expect(foldCjk('長崎　幸太郎')).toBe('長崎幸太郎')
    expect(foldCjk('ナガサキ コウタロウ')).toBe('ながさきこうたろう')
    expect(foldCjk('JETRO 山梨 Thanh Hóa')).toBe('jetro 山梨 thanh hoa')
    const cjk = fc.string({ unit: fc.constantFrom(...'長崎幸太郎山梨県やまなしヤマナシ'), minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(cjk, cjk, fc.constantFrom(' ', '　', '  '), (a, b, space) => {
        expect(foldCjk(`${a}${space}${b}`)).toBe(foldCjk(a + b))
        expect(foldCjk(foldCjk(a + b))).toBe(foldCjk(a + b))
      }),
    )
  })

  it('folds every Vietnamese letter to ASCII', () => {
    fc.assert(fc.property(vnText, (s) => /^[a-z ]*$/.test(fold(s))))
  })

  it('is idempotent and ignores normalization form and case', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const f = fold(s)
        expect(fold(f)).toBe(f)
        expect(fold(s.normalize('NFD'))).toBe(f)
        expect(fold(s.normalize('NFC'))).toBe(f)
      }),
    )
    fc.assert(fc.property(vnText, (s) => fold(s.toUpperCase()) === fold(s.toLowerCase())))
  })

  it('splits words and makes slugs', () => {
    expect(foldedWords('Bản ghi nhớ (MOU) Hà Nam–Gunma')).toEqual(['ban', 'ghi', 'nho', 'mou', 'ha', 'nam', 'gunma'])
    expect(slugify('Thanh Hóa – Yamanashi 2026')).toBe('thanh-hoa-yamanashi-2026')
  })

  it('tells CJK text apart', () => {
    expect(hasCjk('山梨')).toBe(true)
    expect(hasCjk('やまなし')).toBe(true)
    expect(hasCjk('Yamanashi Đà Nẵng')).toBe(false)
  })
})
