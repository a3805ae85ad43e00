import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, foldedWords, hasCjk, slugify } from './fold.ts'

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
    expect(fold('ガ')).toBe('ガ')
    expect(fold('が')).not.toBe(fold('か'))
    expect(fold('山梨県')).toBe('山梨県')
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
