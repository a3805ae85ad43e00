import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, isIsoDate, parseDate } from './dates.ts'

describe('dates', () => {
  it('refuses days that do not exist', () => {
    expect(isIsoDate('2025-02-31')).toBe(false)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-13-01')).toBe(false)
    expect(isIsoDate('25/11/2025')).toBe(false)
  })

  it('reads dd/MM/yyyy and writes it back', () => {
    expect(parseDate('05/01/2026')).toBe('2026-01-05')
    expect(parseDate('5/1/2026')).toBe('2026-01-05')
    expect(parseDate('')).toBeNull()
    expect(formatDate('2025-11-25')).toBe('25/11/2025')
    // A wrong day keeps its shape so the core can name the field in its refusal.
    expect(parseDate('31/02/2025')).toBe('2025-02-31')
  })

  it('writes an instant as dd/MM/yyyy HH:mm in local time', () => {
    expect(formatDateTime(new Date(2025, 10, 25, 9, 5, 59).toISOString())).toBe('25/11/2025 09:05')
    expect(formatDateTime(new Date(2026, 0, 1, 0, 0).toISOString())).toBe('01/01/2026 00:00')
    expect(formatDateTime('')).toBe('')
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày')
  })

  it('round-trips every real date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        expect(isIsoDate(iso)).toBe(true)
        expect(parseDate(formatDate(iso))).toBe(iso)
      }),
    )
  })
})
