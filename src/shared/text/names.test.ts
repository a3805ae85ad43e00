import { describe, expect, it } from 'vitest'
import { compareVi, sortByVi } from './collate.ts'
import { formatPersonName, formatPersonNameFull } from './names.ts'

describe('names', () => {
  it('writes Japanese names family name first in capitals, with kanji', () => {
    const p = { familyName: 'Yamamoto', givenName: 'Ichita', familyNameNative: '山本', givenNameNative: '一太', nameOrder: 'family_first' as const, countryCode: 'JP' }
    expect(formatPersonName(p)).toBe('YAMAMOTO Ichita')
    expect(formatPersonNameFull(p)).toBe('YAMAMOTO Ichita (山本 一太)')
  })

  it('writes Vietnamese names as they are', () => {
    expect(formatPersonName({ familyName: 'Cao', givenName: 'Văn Cường', nameOrder: 'family_first', countryCode: 'VN' })).toBe('Cao Văn Cường')
  })

  it('sorts Vietnamese names in Vietnamese order, not byte order', () => {
    const names = ['Yên Bái', 'Đà Nẵng', 'Cần Thơ', 'Cao Bằng', 'Cà Mau', 'Dak Lak', 'An Giang']
    expect(sortByVi(names, (n) => n)).toEqual(['An Giang', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Dak Lak', 'Đà Nẵng', 'Yên Bái'])
    expect(compareVi('Đà Nẵng', 'Yên Bái')).toBeLessThan(0)
  })
})
