import { describe, expect, it } from 'vitest'
import { formatMegabytes, formatNumber } from './format.ts'

describe('formats', () => {
  it('writes sizes in MB with the language’s decimal mark', () => {
    expect(formatMegabytes(2_516_582, 'vi')).toBe('2,4 MB')
    expect(formatMegabytes(2_516_582, 'en')).toBe('2.4 MB')
    expect(formatMegabytes(20_480, 'vi')).toBe('0,02 MB')
    expect(formatMegabytes(1_288_490_189, 'vi')).toBe('1.228,8 MB')
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5')
  })
})
