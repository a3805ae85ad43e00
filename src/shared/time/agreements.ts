/**
 * What an agreement is on a given date. The validity dates win over the stored status (an
 * MOU whose validity ended two years ago is expired, whatever was typed once), and where
 * the two disagree the disagreement is itself reported, for the officer to fix.
 *
 * The Law on International Agreements 2020: within 15 days of signing, a report to the
 * Prime Minister and a copy to the Ministry of Foreign Affairs.
 */
import type { AgreementStatus } from '../domain/labels.ts'
import { addDays, daysBetween } from './days.ts'

export interface AgreementDates {
  status: AgreementStatus
  signedDate: string | null
  validFrom: string | null
  validUntil: string | null
}

/** The stored status and the dates tell different stories. */
export type Disagreement =
  /** Recorded signed or in force; its validity ended on `until`. */
  | { kind: 'recorded_valid_but_expired'; until: string }
  /** Recorded in force; its validity starts on `from`. */
  | { kind: 'recorded_in_force_before_validity'; from: string }
  /** Recorded expired; the dates say it is in force (until `until`, or open-ended). */
  | { kind: 'recorded_expired_but_valid'; until: string | null }
  /** Recorded proposed or under negotiation; it was signed on `signed`. */
  | { kind: 'recorded_unsigned_but_signed'; signed: string }
  /** Recorded signed; the signing date `signed` is still to come. */
  | { kind: 'recorded_signed_before_signing'; signed: string }

export interface AgreementState {
  status: AgreementStatus
  recorded: AgreementStatus
  disagreement: Disagreement | null
  /** Days until the validity ends (0 on its last day), when it has an end and has not passed it. */
  daysToExpiry: number | null
}

const SIGNED: readonly AgreementStatus[] = ['signed', 'in_force', 'expired']

/** The agreement's effective status on `date`: exactly one, changing only on the dates that define it. */
export function agreementState(a: AgreementDates, date: string): AgreementState {
  const state = (status: AgreementStatus, disagreement: Disagreement | null = null): AgreementState => ({
    status,
    recorded: a.status,
    disagreement,
    daysToExpiry: a.validUntil && date <= a.validUntil && status !== 'terminated' && SIGNED.includes(status) ? daysBetween(date, a.validUntil) : null,
  })
  // Termination is an act, not a date: the record says so.
  if (a.status === 'terminated') return state('terminated')
  const signed = a.signedDate ? a.signedDate <= date : SIGNED.includes(a.status)
  if (!signed) {
    const status = a.status === 'proposed' || a.status === 'negotiating' ? a.status : 'negotiating'
    return state(status, SIGNED.includes(a.status) && a.signedDate ? { kind: 'recorded_signed_before_signing', signed: a.signedDate } : null)
  }
  const unsigned = (a.status === 'proposed' || a.status === 'negotiating') && a.signedDate ? ({ kind: 'recorded_unsigned_but_signed', signed: a.signedDate } as const) : null
  if (a.validUntil && a.validUntil < date) {
    return state('expired', a.status === 'signed' || a.status === 'in_force' ? { kind: 'recorded_valid_but_expired', until: a.validUntil } : unsigned)
  }
  if (a.validFrom && a.validFrom > date) return state('signed', a.status === 'in_force' ? { kind: 'recorded_in_force_before_validity', from: a.validFrom } : unsigned)
  if (a.status === 'expired') return a.validFrom || a.validUntil ? state('in_force', { kind: 'recorded_expired_but_valid', until: a.validUntil }) : state('expired')
  // Signed, within its validity: in force when the record or the dates say it took effect.
  return state(a.status === 'in_force' || a.validFrom || a.validUntil ? 'in_force' : 'signed', unsigned)
}

/** The reporting deadline: 15 days after signing. */
export const reportDue = (signedDate: string | null) => (signedDate ? addDays(signedDate, 15) : null)

export type ReportState =
  /** Not signed on that date: nothing to report yet. */
  | { state: 'not_due' }
  | { state: 'pending'; due: string; daysLeft: number }
  | { state: 'overdue'; due: string; daysLate: number }
  | { state: 'sent_on_time'; due: string; sent: string }
  | { state: 'sent_late'; due: string; sent: string; daysLate: number }

export interface LawReport {
  /** The report to the Prime Minister. */
  pm: ReportState
  /** The copy to the Ministry of Foreign Affairs. */
  mofa: ReportState
}

function report(signedDate: string | null, sent: string | null, date: string): ReportState {
  const due = reportDue(signedDate)
  if (!due || signedDate! > date) return { state: 'not_due' }
  if (sent && sent <= date) return sent <= due ? { state: 'sent_on_time', due, sent } : { state: 'sent_late', due, sent, daysLate: daysBetween(due, sent) }
  return date <= due ? { state: 'pending', due, daysLeft: daysBetween(date, due) } : { state: 'overdue', due, daysLate: daysBetween(due, date) }
}

/** The Law 2020 reporting of an agreement on `date` (agreements never signed report nothing). */
export function lawReport(a: AgreementDates & { pmReportSentDate: string | null; mofaCopySentDate: string | null }, date: string): LawReport {
  const signed = agreementState(a, date).status
  const reportable = signed === 'signed' || signed === 'in_force' || signed === 'expired' || signed === 'terminated'
  const signedDate = reportable ? a.signedDate : null
  return { pm: report(signedDate, a.pmReportSentDate, date), mofa: report(signedDate, a.mofaCopySentDate, date) }
}

/** A report not made in time, or not made yet and past its day. */
export const reportLate = (r: ReportState) => r.state === 'overdue' || r.state === 'sent_late'
