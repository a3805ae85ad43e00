/**
 * An agreement's effective status on a date, as an SQL expression, so that the register
 * filters and sorts 100,000 agreements by it without reading them out.
 *
 * It is `agreementState(a, date).status` (src/shared/time/agreements.ts) written in SQL,
 * branch for branch; status-sql.test.ts checks the two agree on generated agreements and
 * dates, so the rule has one meaning wherever it is read. Change them together.
 */
import { sql, type RawBuilder } from 'kysely'
import type { AgreementStatus } from '../../shared/domain/labels.ts'

/** `date` is an ISO date or an SQL expression of one; `prefix` the table's alias with its dot ("a."), or ''. */
export function effectiveStatusSql(date: string | RawBuilder<unknown>, prefix = ''): RawBuilder<AgreementStatus> {
  const c = (name: string) => sql.raw(`${prefix}${name}`)
  const [status, signed, from, until] = [c('status'), c('signed_date'), c('valid_from'), c('valid_until')]
  return sql<AgreementStatus>`(CASE
    WHEN ${status} = 'terminated' THEN 'terminated'
    WHEN NOT (CASE WHEN ${signed} IS NOT NULL THEN ${signed} <= ${date} ELSE ${status} IN ('signed', 'in_force', 'expired') END)
      THEN (CASE WHEN ${status} IN ('proposed', 'negotiating') THEN ${status} ELSE 'negotiating' END)
    WHEN ${until} IS NOT NULL AND ${until} < ${date} THEN 'expired'
    WHEN ${from} IS NOT NULL AND ${from} > ${date} THEN 'signed'
    WHEN ${status} = 'expired' THEN (CASE WHEN ${from} IS NOT NULL OR ${until} IS NOT NULL THEN 'in_force' ELSE 'expired' END)
    WHEN ${status} = 'in_force' OR ${from} IS NOT NULL OR ${until} IS NOT NULL THEN 'in_force'
    ELSE 'signed'
  END)`
}
