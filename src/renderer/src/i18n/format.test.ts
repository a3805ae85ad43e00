import { describe, expect, it } from 'vitest'
import { formatMegabytes, formatNumber, messageIn } from './format.ts'

describe('formats', () => {
  it('writes sizes in MB with the language’s decimal mark', () => {
    expect(formatMegabytes(2_516_582, 'vi')).toBe('2,4 MB')
    expect(formatMegabytes(2_516_582, 'en')).toBe('2.4 MB')
    expect(formatMegabytes(20_480, 'vi')).toBe('0,02 MB')
    expect(formatMegabytes(1_288_490_189, 'vi')).toBe('1.228,8 MB')
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5')
  })

  it('keeps the half of a bilingual message in the interface language', () => {
    const m = 'Tệp dữ liệu /data/hanh-trang.sqlite bị hỏng (file is not a database). Hãy khôi phục từ một bản sao lưu. / The database is damaged.'
    expect(messageIn(m, 'vi')).toBe('Tệp dữ liệu /data/hanh-trang.sqlite bị hỏng (file is not a database). Hãy khôi phục từ một bản sao lưu.')
    expect(messageIn(m, 'en')).toBe('The database is damaged.')
    expect(messageIn('Gói dữ liệu không hợp lệ: thiếu tên', 'en')).toBe('Gói dữ liệu không hợp lệ: thiếu tên')
  })
})
