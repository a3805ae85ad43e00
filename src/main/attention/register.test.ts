/**
 * The home page's totals are counted in SQL; the states are the functions'. Over every
 * combination of recorded status and dates around the day (before, on, after, absent), the
 * totals SQL gives must be the ones the functions give row by row, and the items shown
 * must come in the page's order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agreementStatuses, commitmentStatuses } from '../../shared/domain/labels.ts'
import { agreementState, lawReport } from '../../shared/time/agreements.ts'
import { commitmentState } from '../../shared/time/commitments.ts'
import { addDays } from '../../shared/time/days.ts'
import { openTestCore, type TestCore } from '../test-support.ts'
import { agreementGroups, commitmentGroup, EXPIRING_DAYS, SHOWN } from './register.ts'

const TODAY = '2026-12-01'
const at = (days: number | null) => (days === null ? null : addDays(TODAY, days))
let core: TestCore
const rows: Array<{ id: string; titleVi: string; status: (typeof agreementStatuses)[number]; signedDate: string | null; validFrom: string | null; validUntil: string | null; pmReportSentDate: string | null; mofaCopySentDate: string | null }> = []
const commitments: Array<{ id: string; agreementId: string; status: (typeof commitmentStatuses)[number]; dueDate: string | null }> = []

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date(`${TODAY}T09:00:00Z`) })
  let n = 0
  const meta = () => ({ createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'test', origin: core.ctx.origin })
  // Every status, each date before, on and after the day and around each boundary (15 days to report, 90 to expire).
  for (const status of agreementStatuses)
    for (const signed of [null, -400, -16, -15, 0, 1])
      for (const from of [null, -30, 0, 1])
        for (const until of [null, -1, 0, EXPIRING_DAYS, EXPIRING_DAYS + 1])
          for (const [pm, mofa] of [[null, null], [-1, null], [0, 2], [3, -300]] as const) {
            const id = `a${String(++n).padStart(5, '0')}`
            const row = { id, titleVi: id, status, signedDate: at(signed), validFrom: at(from), validUntil: at(until), pmReportSentDate: at(pm), mofaCopySentDate: at(mofa) }
            rows.push(row)
          }
  for (let i = 0; i < rows.length; i += 200) await core.db.insertInto('agreement').values(rows.slice(i, i + 200).map((r) => ({ ...meta(), ...r, kind: 'mou' as const, shortenedProcedure: 0 }))).execute()
  for (const status of commitmentStatuses)
    for (const due of [null, -20, -1, 0, 30, 31]) {
      const c = { id: `c${String(++n).padStart(5, '0')}`, agreementId: rows[n % rows.length]!.id, status, dueDate: at(due) }
      commitments.push(c)
    }
  await core.db.insertInto('commitment').values(commitments.map((c) => ({ ...meta(), ...c, action: c.id }))).execute()
}, 60_000)
afterAll(() => core.dispose())

describe('the register groups of the home page', () => {
  it('count what the functions decide, row by row, over every status and date', async () => {
    const g = await agreementGroups(core.db, TODAY)
    const law = rows.map((r) => lawReport(r, TODAY))
    const open = (s: { state: string }) => s.state === 'overdue' || s.state === 'pending'
    expect(g.reports.total).toBe(law.filter((l) => open(l.pm)).length + law.filter((l) => open(l.mofa)).length)
    const states = rows.map((r) => agreementState(r, TODAY))
    expect(g.expiring.total).toBe(states.filter((s) => s.daysToExpiry !== null && s.daysToExpiry <= EXPIRING_DAYS).length)
    expect(g.contradicted.total).toBe(states.filter((s) => s.disagreement).length)
    // Each kind of disagreement is in the grid, so each branch of the SQL is held to its function.
    expect(new Set(states.flatMap((s) => (s.disagreement ? [s.disagreement.kind] : []))).size).toBe(5)
    expect(g.reports.total).toBeGreaterThan(SHOWN)
    expect(g.expiring.total).toBeGreaterThan(SHOWN)
    expect(g.contradicted.total).toBeGreaterThan(SHOWN)

    const c = await commitmentGroup(core.db, TODAY)
    const cs = commitments.map((x) => commitmentState(x, TODAY))
    expect(c.total).toBe(cs.filter((s) => s.state === 'overdue' || s.state === 'due_soon').length)
  })

  it('show the first 20 of each in the page’s order: most pressing report, nearest expiry, latest signed, earliest due', async () => {
    const g = await agreementGroups(core.db, TODAY)
    expect(g.reports.items).toHaveLength(SHOWN)
    const pressing = g.reports.items.map((r) => (r.state === 'overdue' ? -r.days : 1000 + r.days))
    expect(pressing).toEqual([...pressing].sort((a, b) => a - b))
    expect(g.reports.items[0]).toMatchObject({ state: 'overdue', days: 385, signedDate: at(-400) })

    expect(g.expiring.items).toHaveLength(SHOWN)
    expect(g.expiring.items.every((e, i) => i === 0 || g.expiring.items[i - 1]!.daysLeft <= e.daysLeft)).toBe(true)
    expect(g.expiring.items[0]!.daysLeft).toBe(0)

    expect(g.contradicted.items).toHaveLength(SHOWN)
    const byId = new Map(rows.map((r) => [r.id, r]))
    const signed = g.contradicted.items.map((i) => byId.get(i.agreementId)!.signedDate ?? '')
    expect(signed).toEqual([...signed].sort().reverse())
    for (const i of g.contradicted.items) expect(i.code).toBe(agreementState(byId.get(i.agreementId)!, TODAY).disagreement?.kind)

    const c = await commitmentGroup(core.db, TODAY)
    expect(c.items.map((i) => i.due)).toEqual([...c.items.map((i) => i.due)].sort())
    expect(c.items[0]).toMatchObject({ state: 'overdue', days: 20 })
  })
})
