/**
 * The home page's post-trip reports: trips back from abroad whose report is due within a
 * week or late (src/shared/time/reports.ts), until a report export is recorded. A visit
 * received (direction 'in') has no return and no post-trip report: it is not listed.
 */
import type { AttentionSummary } from '../../shared/domain/attention.ts'
import { reportState } from '../../shared/time/reports.ts'
import type { Db } from '../context.ts'
import { reportDueDays } from '../settings/report-due.ts'
import { SHOWN } from './register.ts'

export async function tripReportGroup(db: Db, today: string): Promise<AttentionSummary['tripReports']> {
  const days = await reportDueDays(db)
  const trips = await db
    .selectFrom('trip as t')
    .select(['t.id', 't.title', 't.endDate'])
    .where('t.endDate', '<', today)
    .where('t.direction', '=', 'out')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('briefExport as e').select('e.id').whereRef('e.tripId', '=', 't.id').where('e.document', '=', 'report'))))
    .orderBy('t.endDate')
    .execute()
  const items: AttentionSummary['tripReports']['items'] = []
  for (const t of trips) {
    const s = reportState(t, today, false, days)
    if (s.state === 'due') items.push({ tripId: t.id, title: t.title, endDate: t.endDate, due: s.due, state: 'due', days: s.daysLeft })
    else if (s.state === 'late') items.push({ tripId: t.id, title: t.title, endDate: t.endDate, due: s.due, state: 'late', days: s.daysLate })
  }
  return { total: items.length, items: items.slice(0, SHOWN) }
}
