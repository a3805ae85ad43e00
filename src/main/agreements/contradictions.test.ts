/** Input that contradicts itself: refused where it cannot be true, saved with a warning where it may be. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore({ now: () => new Date('2026-12-01T09:00:00Z') })
})
afterEach(() => core.dispose())

describe('input that contradicts itself', () => {
  it('refuses a term that ends before it starts, and a figure dated in the future', async () => {
    const term = await core.dispatch('people.create', { familyName: 'Sato', nameOrder: 'family_first', country: 'JP', termStart: '2025-04-01', termEnd: '2024-03-31' })
    expect(term).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ field: 'termEnd', code: 'term_reversed' }] } })
    const shizuoka = await refId(core, 'jp-pref-22')
    const figure = await core.dispatch('facts.create', { label: 'Dân số', value: '3,5 triệu', asOf: '2027-01-01', scope: 'locality', localityId: shizuoka })
    expect(figure).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ field: 'asOf', code: 'figure_in_future' }] } })
    expect(await core.db.selectFrom('fact').select('id').execute()).toEqual([])
  })

  it('saves, with a warning, an agreement recorded in force past its validity and a commitment due before signing', async () => {
    const parties = [
      { side: 'home' as const, localityId: await refId(core, 'vn-2025-thanh-hoa') },
      { side: 'partner' as const, localityId: await refId(core, 'jp-pref-22') },
    ]
    const saved = await core.call('agreements.create', { kind: 'mou', titleVi: 'Bản ghi nhớ cũ', status: 'in_force', signedDate: '2019-07-01', validUntil: '2024-06-30', parties })
    expect(saved.warnings).toEqual([{ code: 'recorded_valid_but_expired', field: 'status', params: { until: '2024-06-30' } }])
    const fixed = await core.call('agreements.update', { id: saved.id, kind: 'mou', titleVi: 'Bản ghi nhớ cũ', status: 'expired', signedDate: '2019-07-01', validUntil: '2024-06-30', parties })
    expect(fixed.warnings).toEqual([])
    const early = await core.call('commitments.create', { agreementId: saved.id, action: 'Khảo sát', dueDate: '2019-01-15', status: 'done' })
    expect(early.warnings).toEqual([{ code: 'due_before_signing', field: 'dueDate', params: { due: '2019-01-15', signed: '2019-07-01' } }])
    expect((await core.call('agreements.get', { id: saved.id })).commitments).toHaveLength(1)
  })
})
