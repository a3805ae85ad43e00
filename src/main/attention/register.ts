/**
 * The home page's groups drawn from the whole register: reports under the Law late or due,
 * agreements expiring, agreements whose status their dates contradict, commitments overdue
 * or due soon. A register of 100,000 agreements may hold tens of thousands of each, and
 * the page shows 20 of every group with its total; so SQL counts them and picks the first
 * 20 in the page's order, and the states of the items shown are decided by src/shared/time,
 * as everywhere else.
 *
 * The predicates below mirror agreementState, lawReport and commitmentState exactly, case
 * for case (register.test.ts holds them to it over every combination of status and dates
 * around the day). Were one ever to drift, an item SQL picked and the function disowns is
 * dropped: the page never shows a state the functions do not give.
 */
import { sql, type RawBuilder } from 'kysely'
import type { AttentionSummary } from '../../shared/domain/attention.ts'
import { agreementState, lawReport } from '../../shared/time/agreements.ts'
import { commitmentState, DUE_SOON_DAYS } from '../../shared/time/commitments.ts'
import { addDays } from '../../shared/time/days.ts'
import type { Db } from '../context.ts'

/** How many items each group shows (its total is given beside). */
export const SHOWN = 20
export const EXPIRING_DAYS = 90

type Cond = RawBuilder<boolean>

/** agreementState's "signed on `t`": not terminated, and signed by its date, or (undated) by its status. */
const signedOn = (t: string): Cond =>
  sql`(status <> 'terminated' and (case when signed_date is not null then signed_date <= ${t} else status in ('signed', 'in_force', 'expired') end))`

/** lawReport's `pending` or `overdue` for the report sent on `column`: signed by `t`, and not sent by `t`. */
const reportOpen = (column: 'pm_report_sent_date' | 'mofa_copy_sent_date', t: string): Cond =>
  sql`(signed_date is not null and signed_date <= ${t} and (${sql.ref(column)} is null or ${sql.ref(column)} > ${t}))`

/** agreementState's `daysToExpiry` within `days`: signed, its validity ending between `t` and `days` on. */
const expiring = (t: string, days: number): Cond => sql`(${signedOn(t)} and valid_until >= ${t} and valid_until <= ${addDays(t, days)})`

/** agreementState's `disagreement`, branch for branch. */
const contradicted = (t: string): Cond => {
  const unsigned = sql`(status in ('proposed', 'negotiating') and signed_date is not null)`
  return sql`(case
    when status = 'terminated' then false
    when not ${signedOn(t)} then (signed_date is not null and status in ('signed', 'in_force', 'expired'))
    when valid_until < ${t} then (status in ('signed', 'in_force') or ${unsigned})
    when valid_from > ${t} then (status = 'in_force' or ${unsigned})
    when status = 'expired' then (valid_from is not null or valid_until is not null)
    else ${unsigned}
  end)`
}

/** commitmentState's `overdue` or `due_soon`: not done or dropped, due within DUE_SOON_DAYS of `t` or earlier. */
const commitmentOpen = (t: string): Cond => sql`(c.status in ('open', 'in_progress') and c.due_date is not null and c.due_date <= ${addDays(t, DUE_SOON_DAYS)})`

const COLUMNS = ['id', 'titleVi', 'status', 'signedDate', 'validFrom', 'validUntil', 'pmReportSentDate', 'mofaCopySentDate'] as const

export async function agreementGroups(db: Db, today: string) {
  const counts = await db
    .selectFrom('agreement')
    .select([
      sql<number>`count(*) filter (where ${reportOpen('pm_report_sent_date', today)})`.as('pm'),
      sql<number>`count(*) filter (where ${reportOpen('mofa_copy_sent_date', today)})`.as('mofa'),
      sql<number>`count(*) filter (where ${expiring(today, EXPIRING_DAYS)})`.as('expiring'),
      sql<number>`count(*) filter (where ${contradicted(today)})`.as('contradicted'),
    ])
    .executeTakeFirstOrThrow()

  // Reports: the longest overdue first, then the soonest due; both orders are the signing date's.
  const reportRows = await db
    .selectFrom('agreement')
    .select(COLUMNS)
    .where(sql<boolean>`(${reportOpen('pm_report_sent_date', today)} or ${reportOpen('mofa_copy_sent_date', today)})`)
    // The signing date's index, in its own order among equal dates (a tie-break column would sort every candidate).
    .orderBy('signedDate')
    .limit(SHOWN)
    .execute()
  const reports: AttentionSummary['reports']['items'] = []
  for (const a of reportRows) {
    const law = lawReport(a, today)
    for (const which of ['pm', 'mofa'] as const) {
      const r = law[which]
      if (r.state === 'overdue') reports.push({ agreementId: a.id, title: a.titleVi, signedDate: a.signedDate!, which, state: 'overdue', due: r.due, days: r.daysLate })
      if (r.state === 'pending') reports.push({ agreementId: a.id, title: a.titleVi, signedDate: a.signedDate!, which, state: 'pending', due: r.due, days: r.daysLeft })
    }
  }

  const expiringRows = await db.selectFrom('agreement').select(COLUMNS).where(expiring(today, EXPIRING_DAYS)).orderBy('validUntil').orderBy('id').limit(SHOWN).execute()
  const expiringItems = expiringRows.flatMap((a) => {
    const { daysToExpiry } = agreementState(a, today)
    return daysToExpiry !== null && daysToExpiry <= EXPIRING_DAYS ? [{ agreementId: a.id, title: a.titleVi, validUntil: a.validUntil!, daysLeft: daysToExpiry }] : []
  })

  const contradictedRows = await db.selectFrom('agreement').select(COLUMNS).where(contradicted(today)).orderBy('signedDate', (ob) => ob.desc().nullsLast()).limit(SHOWN).execute()
  const contradictedItems = contradictedRows.flatMap((a) => {
    const { disagreement } = agreementState(a, today)
    if (!disagreement) return []
    const { kind, ...params } = disagreement
    return [{ agreementId: a.id, title: a.titleVi, code: kind, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ''])) }]
  })

  return {
    reports: { total: Number(counts.pm) + Number(counts.mofa), items: reports.slice(0, SHOWN) },
    expiring: { total: Number(counts.expiring), items: expiringItems },
    contradicted: { total: Number(counts.contradicted), items: contradictedItems },
  }
}

export async function commitmentGroup(db: Db, today: string) {
  const { total } = await db
    .selectFrom('commitment as c')
    .select(sql<number>`count(*)`.as('total'))
    .where(commitmentOpen(today))
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('commitment as c')
    .leftJoin('agreement as a', 'a.id', 'c.agreementId')
    .leftJoin('itineraryItem as i', 'i.id', 'c.itineraryItemId')
    .select(['c.id', 'c.agreementId', 'c.action', 'c.owner', 'c.dueDate', 'c.status', 'a.titleVi', 'i.tripId', 'i.title as meeting'])
    .where(commitmentOpen(today))
    .orderBy('c.dueDate')
    .orderBy('c.id')
    .limit(SHOWN)
    .execute()
  const items: AttentionSummary['commitments']['items'] = []
  for (const c of rows) {
    const s = commitmentState(c, today)
    const of = { agreementId: c.agreementId, agreementTitle: c.titleVi ?? c.meeting ?? '', tripId: c.tripId }
    if (s.state === 'overdue') items.push({ id: c.id, ...of, action: c.action, owner: c.owner, due: s.due, state: 'overdue', days: s.daysLate })
    else if (s.state === 'due_soon') items.push({ id: c.id, ...of, action: c.action, owner: c.owner, due: s.due, state: 'due_soon', days: s.daysLeft })
  }
  return { total: Number(total), items }
}

/** The SQL predicates, for register.test.ts to hold against the functions they mirror. */
export const predicates = { signedOn, reportOpen, expiring, contradicted, commitmentOpen }
