/**
 * What time does to a record, as properties: for every record and every date there is
 * exactly one state, and the state changes only on the dates that define it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { agreementStatuses, commitmentStatuses } from '../domain/labels.ts'
import { agreementState, lawReport, reportDue, type AgreementDates } from './agreements.ts'
import { commitmentState, DUE_SOON_DAYS } from './commitments.ts'
import { addDays, addYears, daysBetween, monthsBetween } from './days.ts'
import { freshness } from './figures.ts'
import { standing } from './people.ts'
import { tripPhase } from './trips.ts'

const BASE = '2015-01-01'
const date = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addDays(BASE, n))
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })
const agreement: fc.Arbitrary<AgreementDates & { pmReportSentDate: string | null; mofaCopySentDate: string | null }> = fc.record({
  status: fc.constantFrom(...agreementStatuses),
  signedDate: maybe(date),
  validFrom: maybe(date),
  validUntil: maybe(date),
  pmReportSentDate: maybe(date),
  mofaCopySentDate: maybe(date),
})

/** Between a day and the next, `f` may change only when the next day is one of `boundaries`. */
function changesOnlyAt<R, S>(record: fc.Arbitrary<R>, f: (r: R, d: string) => S, boundaries: (r: R) => Array<string | null>) {
  fc.assert(
    fc.property(record, date, (r, d) => {
      const next = addDays(d, 1)
      const same = JSON.stringify(kind(f(r, d))) === JSON.stringify(kind(f(r, next)))
      return same || boundaries(r).includes(next)
    }),
    { numRuns: 3000 },
  )
}
/** The state without its counters (days left, age): those move every day by design. */
const kind = (s: unknown) => JSON.parse(JSON.stringify(s), (k, v) => (/^(days|day|age)/i.test(k) ? undefined : v)) as unknown

describe('days', () => {
  it('add and count the same days, months and years', () => {
    fc.assert(fc.property(date, fc.integer({ min: -4000, max: 4000 }), (d, n) => daysBetween(d, addDays(d, n)) === n))
    fc.assert(fc.property(date, date, (a, b) => (a <= b ? monthsBetween(a, b) >= 0 : monthsBetween(a, b) <= 0)))
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(0)
    expect(monthsBetween('2024-01-31', '2024-03-01')).toBe(1)
  })
})

describe('an agreement', () => {
  it('has one effective status a day, changing only at signing, validity start and the day after its end', () => {
    changesOnlyAt(agreement, agreementState, (a) => [a.signedDate, a.validFrom, a.validUntil && addDays(a.validUntil, 1)])
    fc.assert(fc.property(agreement, date, (a, d) => agreementStatuses.includes(agreementState(a, d).status)))
  })

  it('is expired once its validity ended, whatever was recorded, and says so', () => {
    const mou = { status: 'in_force' as const, signedDate: '2019-03-01', validFrom: '2019-03-01', validUntil: '2024-02-29' }
    expect(agreementState(mou, '2026-12-01')).toEqual({ status: 'expired', recorded: 'in_force', disagreement: { kind: 'recorded_valid_but_expired', until: '2024-02-29' }, daysToExpiry: null })
    expect(agreementState(mou, '2024-02-29')).toMatchObject({ status: 'in_force', disagreement: null, daysToExpiry: 0 })
    expect(agreementState({ ...mou, status: 'expired' }, '2023-01-01')).toMatchObject({ status: 'in_force', disagreement: { kind: 'recorded_expired_but_valid', until: '2024-02-29' } })
    expect(agreementState({ ...mou, validFrom: '2027-01-01', validUntil: null }, '2026-12-01')).toMatchObject({ status: 'signed', disagreement: { kind: 'recorded_in_force_before_validity', from: '2027-01-01' } })
    expect(agreementState({ ...mou, status: 'negotiating', validUntil: null }, '2026-12-01')).toMatchObject({ status: 'in_force', disagreement: { kind: 'recorded_unsigned_but_signed', signed: '2019-03-01' } })
    expect(agreementState({ ...mou, status: 'terminated' }, '2020-01-01')).toMatchObject({ status: 'terminated', disagreement: null })
    // A signed MOU with no validity dates stays "signed"; one still negotiated is that.
    expect(agreementState({ status: 'signed', signedDate: '2025-11-25', validFrom: null, validUntil: null }, '2026-01-01').status).toBe('signed')
    expect(agreementState({ status: 'negotiating', signedDate: null, validFrom: null, validUntil: null }, '2026-01-01').status).toBe('negotiating')
  })

  it('reports to the Prime Minister within 15 days: pending, overdue by N days, sent on time or late', () => {
    changesOnlyAt(agreement, lawReport, (a) => [a.signedDate, a.validFrom, a.validUntil && addDays(a.validUntil, 1), a.signedDate && addDays(reportDue(a.signedDate)!, 1), a.pmReportSentDate, a.mofaCopySentDate])
    const signed = { status: 'signed' as const, signedDate: '2026-10-22', validFrom: null, validUntil: null, pmReportSentDate: null, mofaCopySentDate: null }
    expect(lawReport(signed, '2026-12-01').pm).toEqual({ state: 'overdue', due: '2026-11-06', daysLate: 25 })
    expect(lawReport(signed, '2026-11-06').pm).toEqual({ state: 'pending', due: '2026-11-06', daysLeft: 0 })
    expect(lawReport({ ...signed, pmReportSentDate: '2026-11-10' }, '2026-12-01').pm).toEqual({ state: 'sent_late', due: '2026-11-06', sent: '2026-11-10', daysLate: 4 })
    expect(lawReport({ ...signed, mofaCopySentDate: '2026-11-01' }, '2026-12-01').mofa).toEqual({ state: 'sent_on_time', due: '2026-11-06', sent: '2026-11-01' })
    expect(lawReport({ ...signed, status: 'negotiating', signedDate: null }, '2026-12-01').pm).toEqual({ state: 'not_due' })
  })
})

describe('a commitment', () => {
  const commitment = fc.record({ status: fc.constantFrom(...commitmentStatuses), dueDate: maybe(date) })
  it('is done, open, due soon or overdue, changing only 30 days before and the day after it is due', () => {
    changesOnlyAt(commitment, commitmentState, (c) => [c.dueDate && addDays(c.dueDate, -DUE_SOON_DAYS), c.dueDate && addDays(c.dueDate, 1)])
    expect(commitmentState({ status: 'in_progress', dueDate: '2026-11-01' }, '2026-12-01')).toEqual({ state: 'overdue', due: '2026-11-01', daysLate: 30 })
    expect(commitmentState({ status: 'open', dueDate: '2026-12-31' }, '2026-12-01')).toEqual({ state: 'due_soon', due: '2026-12-31', daysLeft: 30 })
    expect(commitmentState({ status: 'done', dueDate: '2020-01-01' }, '2026-12-01')).toEqual({ state: 'done' })
  })
})

describe('a person', () => {
  const person = fc.record({ termStart: maybe(date), termEnd: maybe(date) })
  it('is in office, not yet, or former, changing only when the term starts and the day after it ends', () => {
    changesOnlyAt(person, standing, (p) => [p.termStart, p.termEnd && addDays(p.termEnd, 1)])
    expect(standing({ termStart: '2019-02-01', termEnd: '2025-01-31' }, '2026-12-01')).toEqual({ state: 'former', until: '2025-01-31' })
  })
})

describe('a figure', () => {
  it('is current for two years from its date, then stale, with its age', () => {
    changesOnlyAt(fc.record({ asOf: maybe(date) }), freshness, (f) => [f.asOf, f.asOf && addDays(addYears(f.asOf, 2), 1)])
    expect(freshness({ asOf: '2023-06-30' }, '2026-12-01')).toEqual({ state: 'stale', asOf: '2023-06-30', ageMonths: 41 })
    expect(freshness({ asOf: '2025-06-30' }, '2026-12-01')).toEqual({ state: 'current', asOf: '2025-06-30', ageMonths: 17 })
  })
})

describe('a trip', () => {
  it('is being prepared, under way or back, changing only on its first day and the day after its last', () => {
    const trip = fc.tuple(date, fc.integer({ min: 0, max: 20 })).map(([startDate, n]) => ({ startDate, endDate: addDays(startDate, n) }))
    changesOnlyAt(trip, (t, d) => tripPhase(t, d), (t) => [t.startDate, addDays(t.endDate, 1)])
    expect(tripPhase({ startDate: '2027-03-13', endDate: '2027-03-18' }, '2026-12-01')).toEqual({ phase: 'preparing', daysToDeparture: 102 })
    expect(tripPhase({ startDate: '2026-11-10', endDate: '2026-11-15' }, '2026-12-01')).toEqual({ phase: 'returned', daysSinceReturn: 16, reportDue: '2026-11-30' })
  })
})
