import { describe, expect, it } from 'vitest'
import { placeDate } from '../text.ts'

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
