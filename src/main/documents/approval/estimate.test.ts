import { describe, expect, it } from 'vitest'
import { estimateCosts, missingText, vnd } from './estimate.ts'

const RATES = [
  { country: 'JP', rank: 'Lãnh đạo tỉnh', currency: 'USD', airfare: 1500, perDiem: 80, lodging: 180 },
  { country: 'JP', rank: 'Chuyên viên', currency: 'VND', airfare: 25_000_000, perDiem: 1_500_000, lodging: null },
  { country: 'KR', rank: 'Lãnh đạo tỉnh', currency: 'KRW', airfare: 1_000_000, perDiem: 100_000, lodging: 200_000 },
]

describe('the cost estimate', () => {
  it('applies the rate of each rank in each country, converted at the stated rate (a case worked by hand)', () => {
    const e = estimateCosts(
      [
        { name: 'A', rank: 'Lãnh đạo tỉnh' },
        { name: 'B', rank: 'Chuyên viên' },
        { name: 'C', rank: null },
      ],
      [{ country: 'JP', days: 5, nights: 4 }],
      RATES,
      { USD: 26_000 },
    )
    // A: 1500 USD fare + 5 days x 80 USD + 4 nights x 180 USD = 2620 USD x 26.000 đ = 68.120.000 đ
    expect(e.lines[0]).toEqual({ member: 'A', rank: 'Lãnh đạo tỉnh', airfare: 39_000_000, perDiem: 10_400_000, lodging: 18_720_000, total: 68_120_000, missing: [] })
    // B: rates in đồng; no lodging rate: listed, not counted as zero. 25.000.000 + 5 x 1.500.000 = 32.500.000 đ
    expect(e.lines[1]).toEqual({ member: 'B', rank: 'Chuyên viên', airfare: 25_000_000, perDiem: 7_500_000, lodging: null, total: 32_500_000, missing: ['lodging:JP'] })
    expect(e.lines[2]).toMatchObject({ member: 'C', rank: null, total: 0, missing: ['rank'] })
    expect(e.total).toBe(100_620_000)
    expect(vnd(e.total)).toBe('100.620.000')
    expect(e.exchange).toEqual([{ currency: 'USD', vnd: 26_000 }])
    expect(e.missing.map((m) => missingText(m, m === 'rank' ? ['C'] : []))).toEqual([
      'Chưa có định mức tiền thuê phòng nghỉ tại Nhật Bản cho “Chuyên viên”',
      'Chưa chọn hạng định mức cho thành viên (C)',
    ])
  })

  it('lists a country without a rate for the rank and a currency without an exchange rate as missing', () => {
    const e = estimateCosts([{ name: 'A', rank: 'Lãnh đạo tỉnh' }, { name: 'B', rank: 'Chuyên viên' }], [
      { country: 'JP', days: 3, nights: 3 },
      { country: 'KR', days: 2, nights: 1 },
    ], RATES, { USD: 25_000 })
    // A: JP at 25.000 đ/USD: (1500 + 3 x 80 + 3 x 180) x 25.000 = 57.000.000; KR in KRW: no exchange rate.
    expect(e.lines[0]).toMatchObject({ airfare: 37_500_000, perDiem: 6_000_000, lodging: 13_500_000, total: 57_000_000, missing: ['exchange:KRW'] })
    // B: no Chuyên viên row in KR at all.
    expect(e.lines[1]!.missing).toEqual(['perDiem:KR', 'lodging:JP', 'lodging:KR'])
    expect(e.missing).toContain('exchange:KRW')
    expect(missingText('exchange:KRW')).toBe('Chưa có tỷ giá quy đổi KRW sang đồng')
    expect(missingText('perDiem:KR:Chuyên viên')).toBe('Chưa có định mức phụ cấp lưu trú tại Hàn Quốc cho “Chuyên viên”')
  })
})
