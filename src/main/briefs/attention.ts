/**
 * What needs attention, said twice and differently. The leader's summary gets "Vấn đề cần
 * lưu ý": what the leader must know on the brief's date, worded for a leader (an agreement
 * expired, or expiring before or during the trip; every overdue commitment, grouped by
 * agreement; reports under the Law 2020 not made; counterparts no longer in office; old
 * figures). The officer gets warnings in the builder and the CLI: what to fix, grouped by
 * kind, each naming the record to open. Neither appears in the other's place.
 */
import type { BriefWarning, SectionId } from '../../shared/domain/briefs.ts'
import type { BriefWarningKind } from '../../shared/domain/labels.ts'
import { reportLate } from '../../shared/time/agreements.ts'
import { addDays, daysBetween, isWeekend } from '../../shared/time/days.ts'
import type { BriefAgreement, BriefData } from './data.ts'
import { counterpartName, localityName, partiesUnlessNamed, personLine, titleOf } from './data.ts'
import { BRIEF_TEXT } from './text.ts'
import { dateText, personName } from './words.ts'

/** An agreement's expiry seen from the trip: past, before departure, during, or within 90 days after. */
function expiryNote(d: BriefData, a: BriefAgreement): string | null {
  const N = BRIEF_TEXT[d.lang].note
  const until = a.validUntil
  const title = titleOf(d, a)
  if (a.state.status === 'expired') return until ? N.expired(title, partiesUnlessNamed(d, a), dateText(until, d.lang)) : null
  if (a.state.status !== 'in_force' && a.state.status !== 'signed') return null
  if (!until) return null
  const at = dateText(until, d.lang)
  if (until < d.trip.startDate) return N.expiresBefore(title, at)
  if (until <= d.trip.endDate) return N.expiresDuring(title, at)
  return until <= addDays(d.trip.endDate, 90) ? N.expiresSoon(title, at) : null
}

function overdueNotes(d: BriefData, a: BriefAgreement): string[] {
  const N = BRIEF_TEXT[d.lang].note
  const T = BRIEF_TEXT[d.lang]
  const overdue = a.open.flatMap((c) => (c.state.state === 'overdue' ? [{ ...c, state: c.state }] : []))
  if (overdue.length === 0) return []
  if (overdue.length === 1) {
    const [c] = overdue
    return [N.overdueOne(c!.action, titleOf(d, a), dateText(c!.state.due, d.lang), c!.state.daysLate)]
  }
  return [N.overdueMany(titleOf(d, a), overdue.map((c) => `${c.action} (${T.overdueBy(dateText(c.state.due, d.lang), c.state.daysLate)})`))]
}

/** Reports not made for agreements signed within this many days are the leader's to know; older gaps are the register's to fill. */
const REPORT_NOTE_DAYS = 365

function reportNote(d: BriefData, a: BriefAgreement): string | null {
  const N = BRIEF_TEXT[d.lang].note
  const pm = a.report.pm.state === 'overdue' ? a.report.pm : null
  const mofa = a.report.mofa.state === 'overdue' ? a.report.mofa : null
  const late = pm ?? mofa
  if (!late || !a.signedDate || daysBetween(a.signedDate, d.date) > REPORT_NOTE_DAYS) return null
  const what = pm && mofa ? N.both : pm ? N.pmNotSent : N.mofaNotSent
  return N.unreported(titleOf(d, a), dateText(a.signedDate, d.lang), what, dateText(late.due, d.lang), late.daysLate)
}

/** The leader's "Vấn đề cần lưu ý": facts as of the brief's date, never a to-do of the officer's. */
export function leaderNotes(d: BriefData): string[] {
  const N = BRIEF_TEXT[d.lang].note
  const notes: string[] = []
  for (const a of d.agreements) {
    const expiry = expiryNote(d, a)
    if (expiry) notes.push(expiry)
  }
  for (const a of d.agreements) notes.push(...overdueNotes(d, a))
  for (const a of d.agreements) {
    const report = reportNote(d, a)
    if (report) notes.push(report)
  }
  for (const p of d.people.values()) {
    if (p.standing.state === 'former' && p.title) notes.push(N.former(personName(p), p.title, dateText(p.standing.until, d.lang)))
  }
  notes.push(...staleNotes(d))
  return notes
}

/** Old figures, one line for one, else one line for all of them (with the date of each, or the date they share). */
function staleNotes(d: BriefData): string[] {
  const N = BRIEF_TEXT[d.lang].note
  const stale = d.facts.flatMap((f) => (f.fresh.state === 'stale' ? [{ f, asOf: f.fresh.asOf }] : []))
  if (stale.length === 0) return []
  const named = (f: BriefData['facts'][number]) => {
    const place = f.localityId ? d.localities.get(f.localityId) : undefined
    return place ? `${f.label} (${localityName(d, place)})` : f.label
  }
  if (stale.length === 1) {
    const [{ f, asOf }] = stale as [(typeof stale)[number]]
    const place = f.localityId ? d.localities.get(f.localityId) : undefined
    return [N.stale(f.label, place ? localityName(d, place) : '', dateText(asOf, d.lang))]
  }
  const dates = new Set(stale.map((x) => x.asOf))
  if (dates.size === 1) return [N.staleSameDay(dateText(stale[0]!.asOf, d.lang), stale.map((x) => named(x.f)))]
  return [N.staleMany(stale.map((x) => `${named(x.f)} – ${dateText(x.asOf, d.lang)}`))]
}

// ---- the officer's warnings ----------------------------------------------------------------

type Target = BriefWarning['record']
type Say = { vi: string; en: string }

export function officerWarnings(d: BriefData): BriefWarning[] {
  const warnings: BriefWarning[] = []
  const add = (kind: BriefWarningKind, section: SectionId | null, record: Target, say: Say, level: BriefWarning['level'] = 'warning') =>
    warnings.push({ level, kind, section, record, message: say[d.lang], words: say })
  const trip: Target = { kind: 'trip', id: d.trip.id }
  const on = (iso: string) => dateText(iso, d.lang)

  if (d.trip.members.length === 0) add('no_members', 'delegation', trip, { vi: 'Đoàn chưa có thành viên.', en: 'The delegation has no members yet.' })
  for (const item of d.trip.items) {
    const day = item.start.slice(0, 10)
    if (day < d.trip.startDate || day > d.trip.endDate) {
      add('outside_dates', 'programme', trip, { vi: `“${item.title}” (${on(day)}) nằm ngoài thời gian chuyến công tác.`, en: `"${item.title}" (${on(day)}) is outside the trip's dates.` })
    }
    if (item.kind === 'meeting' && isWeekend(day)) {
      add('weekend_meeting', 'programme', trip, { vi: `“${item.title}” vào ${on(day)}, ngày cuối tuần: xác nhận lại với phía bạn.`, en: `"${item.title}" falls on a weekend (${on(day)}): confirm with the host.` }, 'info')
    }
    for (const c of item.counterparts.filter((x) => !x.exists)) {
      add('deleted_counterpart', 'meetings', trip, { vi: `“${item.title}”: đối tác “${counterpartName(d, c)}” đã bị xóa khỏi danh bạ.`, en: `"${item.title}": the counterpart "${counterpartName(d, c)}" was deleted from the register.` })
    }
  }
  for (const p of d.people.values()) {
    const person: Target = { kind: 'person', id: p.id }
    const line = personLine(d, p)
    if (!p.bio) add('missing_bio', 'meetings', person, { vi: `Chưa có tiểu sử của ${line}.`, en: `No biography for ${line}.` })
    if (p.standing.state === 'former') {
      add('former_counterpart', 'meetings', person, {
        vi: `${personName(p)} đã hết nhiệm kỳ ngày ${on(p.standing.until)}: kiểm tra người đương nhiệm và cập nhật đối tác của cuộc làm việc.`,
        en: `${personName(p)}'s term ended on ${on(p.standing.until)}: check who holds the post now and update the meeting.`,
      })
    }
  }
  for (const a of d.agreements) agreementWarnings(d, a, add)
  for (const f of d.facts) {
    const record: Target = f.localityId ? { kind: 'locality', id: f.localityId } : null
    if (f.fresh.state === 'stale') add('stale_figure', 'annexes', record, { vi: `Số liệu đã cũ (tại ${on(f.fresh.asOf)}): ${f.label}.`, en: `Figure older than two years (${on(f.fresh.asOf)}): ${f.label}.` }, 'info')
    if (f.fresh.state === 'undated') add('undated_figure', 'annexes', record, { vi: `Số liệu chưa ghi ngày: ${f.label}.`, en: `Figure without a date: ${f.label}.` }, 'info')
  }
  return warnings
}

function agreementWarnings(d: BriefData, a: BriefAgreement, add: (kind: BriefWarningKind, section: SectionId | null, record: Target, say: Say, level?: BriefWarning['level']) => void) {
  const record: Target = { kind: 'agreement', id: a.id }
  const on = (iso: string) => dateText(iso, d.lang)
  const title = titleOf(d, a)
  const dis = a.state.disagreement
  if (dis) {
    const say: Record<typeof dis.kind, Say> = {
      recorded_valid_but_expired: { vi: `“${title}” ghi là còn hiệu lực nhưng đã hết hạn ngày ${'until' in dis ? on(dis.until ?? '') : ''}: sửa tình trạng.`, en: `"${title}" is recorded as valid but expired on ${'until' in dis ? on(dis.until ?? '') : ''}: correct its status.` },
      recorded_in_force_before_validity: { vi: `“${title}” ghi là đang hiệu lực nhưng chỉ có hiệu lực từ ${'from' in dis ? on(dis.from) : ''}.`, en: `"${title}" is recorded as in force but takes effect on ${'from' in dis ? on(dis.from) : ''}.` },
      recorded_expired_but_valid: { vi: `“${title}” ghi là hết hiệu lực nhưng theo ngày hiệu lực thì vẫn còn: kiểm tra lại.`, en: `"${title}" is recorded as expired but its validity dates say it is in force: check it.` },
      recorded_unsigned_but_signed: { vi: `“${title}” có ngày ký nhưng vẫn ghi là chưa ký: sửa tình trạng.`, en: `"${title}" has a signing date but is recorded as unsigned: correct its status.` },
      recorded_signed_before_signing: { vi: `“${title}” ghi là đã ký nhưng ngày ký chưa tới: kiểm tra lại.`, en: `"${title}" is recorded as signed but its signing date is still to come: check it.` },
    }
    add('status_disagrees', 'agreements', record, say[dis.kind])
  }
  for (const c of a.open) {
    if (c.state.state === 'overdue') add('overdue_commitment', 'agreements', record, { vi: `Cam kết quá hạn ${c.state.daysLate} ngày (hạn ${on(c.state.due)}): ${c.action} – ${title}.`, en: `Commitment ${c.state.daysLate} days overdue (due ${on(c.state.due)}): ${c.action} – ${title}.` })
  }
  if (a.report.pm.state === 'overdue') add('report_not_sent', 'agreements', record, { vi: `“${title}”: chưa báo cáo Thủ tướng (hạn ${on(a.report.pm.due)}); ghi ngày gửi khi đã gửi.`, en: `"${title}": report to the Prime Minister not sent (due ${on(a.report.pm.due)}); record the date once sent.` })
  if (a.report.mofa.state === 'overdue') add('copy_not_sent', 'agreements', record, { vi: `“${title}”: chưa gửi bản sao cho Bộ Ngoại giao (hạn ${on(a.report.mofa.due)}).`, en: `"${title}": copy to the Ministry of Foreign Affairs not sent (due ${on(a.report.mofa.due)}).` })
  if (reportLate(a.report.pm) && a.report.pm.state === 'sent_late') add('report_late', 'agreements', record, { vi: `“${title}”: báo cáo Thủ tướng gửi chậm ${a.report.pm.daysLate} ngày.`, en: `"${title}": the report to the Prime Minister was ${a.report.pm.daysLate} days late.` }, 'info')
  if (a.validUntil && a.state.status === 'in_force' && daysBetween(d.date, a.validUntil) <= 90) {
    add('expiring', 'agreements', record, { vi: `“${title}” hết hiệu lực ngày ${on(a.validUntil)}: cân nhắc gia hạn.`, en: `"${title}" expires on ${on(a.validUntil)}: consider renewing it.` }, 'info')
  }
}
