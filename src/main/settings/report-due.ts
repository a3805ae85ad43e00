/**
 * The province's rule for the post-trip report (issue 14): due this many days after the
 * delegation's return, 15 unless Settings says otherwise. Kept in app_meta
 * (`report_due_days`) like the other settings, each change with its audit row.
 */
import { REPORT_DAYS_AFTER_RETURN } from '../../shared/time/trips.ts'
import { audit, type Ctx, type Db } from '../context.ts'
import { write } from '../records.ts'

export const REPORT_DUE_KEY = 'report_due_days'

export async function reportDueDays(db: Db): Promise<number> {
  const row = await db.selectFrom('appMeta').select('value').where('key', '=', REPORT_DUE_KEY).executeTakeFirst()
  const n = row ? Number(row.value) : NaN
  return Number.isInteger(n) && n > 0 ? n : REPORT_DAYS_AFTER_RETURN
}

export async function setReportDueDays(ctx: Ctx, days: number): Promise<{ dueDays: number }> {
  await write(ctx, async (trx) => {
    const before = await reportDueDays(trx)
    if (before === days) return
    await trx
      .insertInto('appMeta')
      .values({ key: REPORT_DUE_KEY, value: String(days) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(days) }))
      .execute()
    await audit(trx, ctx, 'settings', '', 'update', { reportDueDays: before }, { reportDueDays: days })
  })
  return { dueDays: await reportDueDays(ctx.db) }
}
