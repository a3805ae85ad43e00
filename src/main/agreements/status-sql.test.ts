/** The SQL effective status is the shared rule's, on any agreement and any date. */
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agreementStatuses } from '../../shared/domain/labels.ts'
import { agreementState, type AgreementDates } from '../../shared/time/agreements.ts'
import { addDays } from '../../shared/time/days.ts'
import { openTestCore, type TestCore } from '../test-support.ts'
import { effectiveStatusSql } from './status-sql.ts'

let core: TestCore
beforeAll(async () => {
  core = await openTestCore()
})
afterAll(() => core.dispose())

// Few days, so that dates fall on each other often: the boundaries are where a rule can slip.
const date = fc.integer({ min: 0, max: 12 }).map((n) => addDays('2026-01-01', n))
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })
const agreement: fc.Arbitrary<AgreementDates> = fc.record({
  status: fc.constantFrom(...agreementStatuses),
  signedDate: maybe(date),
  validFrom: maybe(date),
  validUntil: maybe(date),
})

describe('the effective status in SQL', () => {
  it('is agreementState(a, date).status for every agreement and date', async () => {
    const cases = fc.sample(fc.tuple(agreement, date), 4000)
    // Every case in one statement: a VALUES list run through the expression.
    for (let i = 0; i < cases.length; i += 500) {
      const slice = cases.slice(i, i + 500)
      const values = sql.join(slice.map(([a, d], k) => sql`(${k}, ${a.status}, ${a.signedDate}, ${a.validFrom}, ${a.validUntil}, ${d})`))
      const { rows } = await sql<{ k: number; s: string }>`
        WITH t(k, status, signed_date, valid_from, valid_until, d) AS (VALUES ${values})
        SELECT k, ${effectiveStatusSql(sql.raw('t.d'), 't.')} AS s FROM t ORDER BY k`.execute(core.db)
      expect(rows.map((r) => r.s)).toEqual(slice.map(([a, d]) => agreementState(a, d).status))
    }
  })
})
