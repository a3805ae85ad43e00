/**
 * The cost estimate of a delegation, member by member, from the office's rate table: the
 * round-trip air fare to the first country of the trip, the per diem for each day and the
 * lodging for each night in each country, at the rate of the member's rank there,
 * converted to đồng at the rates the office states. What has no rate (no rank chosen, no
 * row for the rank in a country, an amount left empty, a currency without an exchange
 * rate) is listed as missing and left out of the sums: never counted as zero. Pure.
 */
import type { CostEstimate, CostLine, Stay, TravelRate } from '../../../shared/domain/approval.ts'
import { COUNTRIES, labelOf } from '../../../shared/domain/labels.ts'

export interface EstimateMember {
  name: string
  rank: string | null
}

type Rate = Pick<TravelRate, 'country' | 'rank' | 'currency' | 'airfare' | 'perDiem' | 'lodging'>

export function estimateCosts(members: readonly EstimateMember[], stays: readonly Stay[], rates: readonly Rate[], exchange: Readonly<Record<string, number>>): CostEstimate {
  const used = new Set<string>()
  const toVnd = (value: number, currency: string): number | null => {
    if (currency === 'VND') return value
    const r = exchange[currency]
    if (!r) return null
    used.add(currency)
    return value * r
  }
  const visited = stays.filter((s) => s.days > 0 || s.nights > 0)
  const flyTo = visited[0]?.country ?? null
  const lines: CostLine[] = members.map((m) => {
    const missing: string[] = []
    if (!m.rank) return { member: m.name, rank: null, airfare: null, perDiem: null, lodging: null, total: 0, missing: ['rank'] }
    const rateIn = (country: string) => rates.find((r) => r.country === country && r.rank === m.rank)
    /** One part of the cost summed over the countries it applies to; null when none of it has a rate. */
    const part = (key: 'airfare' | 'perDiem' | 'lodging', units: Array<{ country: string; n: number }>): number | null => {
      let sum: number | null = null
      for (const { country, n } of units) {
        if (n <= 0) continue
        const rate = rateIn(country)
        const value = rate?.[key]
        if (rate == null || value == null) {
          missing.push(`${key}:${country}`)
          continue
        }
        const vnd = toVnd(value * n, rate.currency)
        if (vnd === null) {
          missing.push(`exchange:${rate.currency}`)
          continue
        }
        sum = (sum ?? 0) + vnd
      }
      return sum === null ? null : Math.round(sum)
    }
    const airfare = flyTo ? part('airfare', [{ country: flyTo, n: 1 }]) : null
    const perDiem = part('perDiem', visited.map((s) => ({ country: s.country, n: s.days })))
    const lodging = part('lodging', visited.map((s) => ({ country: s.country, n: s.nights })))
    return { member: m.name, rank: m.rank, airfare, perDiem, lodging, total: (airfare ?? 0) + (perDiem ?? 0) + (lodging ?? 0), missing: [...new Set(missing)] }
  })
  const missing = new Set<string>()
  for (const l of lines) for (const code of l.missing) missing.add(code === 'rank' ? 'rank' : `${code}${code.startsWith('exchange:') ? '' : `:${l.rank}`}`)
  return {
    lines,
    total: lines.reduce((s, l) => s + l.total, 0),
    exchange: [...used].sort().map((currency) => ({ currency, vnd: exchange[currency]! })),
    missing: [...missing],
  }
}

/** "1.234.567": đồng as Vietnamese documents write them, whole. */
export const vnd = (n: number) => Math.round(n).toLocaleString('vi-VN')

const PART_VI = { airfare: 'vé máy bay', perDiem: 'phụ cấp lưu trú', lodging: 'tiền thuê phòng nghỉ' } as const

/** A missing rate (estimate.missing) in words: "Chưa có định mức vé máy bay tại Nhật Bản cho “Chuyên viên”". */
export function missingText(code: string, names: readonly string[] = []): string {
  const who = names.length ? ` (${names.join(', ')})` : ''
  if (code === 'rank') return `Chưa chọn hạng định mức cho thành viên${who}`
  const [kind, a, ...rest] = code.split(':')
  if (kind === 'exchange') return `Chưa có tỷ giá quy đổi ${a} sang đồng`
  const country = labelOf(COUNTRIES, a as keyof typeof COUNTRIES, 'vi') ?? a
  return `Chưa có định mức ${PART_VI[kind as keyof typeof PART_VI] ?? kind} tại ${country} cho “${rest.join(':')}”${who}`
}
