import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, refId, type TestCore } from '../test-support.ts'

const HA_NAM_MOU = '01936d00-0000-7000-8000-000300000001'
const LE_HOAI_TRUNG = '01936d00-0000-7000-8000-000200000003'
const MOFA = '01936d00-0000-7000-8000-000100000001'
const TRIP = '01936d00-0000-7000-8000-000700000001'
const TABLES = ['organization', 'person', 'agreement', 'commitment', 'engagement', 'fact', 'trip', 'itineraryItem', 'snippet', 'brief', 'travelRate', 'legalBasis', 'approvalRequest'] as const

let core: TestCore
let clock = new Date('2026-11-23T08:00:00Z')
beforeEach(async () => {
  core = await openTestCore({ now: () => clock })
})
afterEach(() => core.dispose())
const tick = () => (clock = new Date(clock.getTime() + 60_000))

async function census() {
  const out: Record<string, string[]> = {}
  for (const t of TABLES) out[t] = (await core.db.selectFrom(t).select('id').orderBy('id').execute()).map((r) => r.id)
  return out
}
const thanhHoaNotes = async () =>
  core.db.selectFrom('locality').select(['notes', 'industries']).where('id', '=', await refId(core, 'vn-2025-thanh-hoa')).executeTakeFirstOrThrow()

describe('removing the sample data', () => {
  it('takes back exactly what the load added, through the record functions', async () => {
    const empty = await census()
    const notesBefore = await thanhHoaNotes()
    tick()
    const loaded = await core.call('demo.load')
    expect(loaded.created).toBeGreaterThan(40)
    // The officer opens the sample trip's brief and saves it: it goes with the trip.
    await core.call('briefs.save', { tripId: TRIP, settings: (await core.call('briefs.get', { tripId: TRIP })).settings })
    expect((await thanhHoaNotes()).notes).toContain('Nghi Sơn')
    const full = await census()
    tick()

    const r = await core.call('demo.remove')
    expect(r).toEqual({ removed: loaded.created, kept: 0 })
    expect(await census()).toEqual(empty)
    expect(await thanhHoaNotes()).toEqual(notesBefore)
    expect((await core.call('app.info')).demoLoaded).toBe(false)

    // Each deletion has its tombstone and its audit row, under the removal's event.
    const event = await core.db.selectFrom('auditLog').select(['id']).where('entity', '=', 'demo').where('action', '=', 'remove').executeTakeFirstOrThrow()
    const before = new Set(Object.values(empty).flat())
    const deleted = Object.values(full).flat().filter((id) => !before.has(id))
    const tombstones = (await core.db.selectFrom('tombstone').select('id').where('id', 'in', deleted).execute()).map((t) => t.id)
    expect(tombstones.sort()).toEqual([...deleted].sort())
    const rows = await core.db.selectFrom('auditLog').select(['entityId', 'action']).where('source', '=', `demo:${event.id}`).execute()
    expect(rows.filter((x) => x.action === 'delete').map((x) => x.entityId).sort()).toEqual([...deleted].sort())

    // The sample data can be loaded again: the same records come back.
    tick()
    expect((await core.call('demo.load')).created).toBe(loaded.created)
    const again = await census()
    expect({ ...again, brief: [] }).toEqual({ ...full, brief: [] })
  })

  it("keeps the officer's own records, and the sample records they use", async () => {
    const reference = (await census()).organization ?? []
    await core.call('demo.load')
    tick()
    const yamanashi = await refId(core, 'jp-pref-19')
    const own = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Cổ phần Sao Việt', country: 'VN' })
    // A commitment added to a sample agreement, and a sample person in the officer's own delegation.
    const commitment = await core.call('commitments.create', { agreementId: HA_NAM_MOU, action: 'Báo cáo kết quả thực hiện', status: 'open' })
    const trip = await core.call('trips.create', {
      title: 'Đoàn của tỉnh đi Yamanashi',
      homeLocalityId: null,
      startDate: '2027-04-01',
      endDate: '2027-04-05',
      destinationIds: [yamanashi],
      members: [{ personId: LE_HOAI_TRUNG, role: 'member' }],
    })
    // What the officer typed into a sample record stays: the edited talking point is kept.
    const edited = (await core.call('snippets.list'))[0]!
    await core.call('snippets.update', { ...edited, text: 'Luận điểm sửa lại' })
    tick()

    const r = await core.call('demo.remove')
    // The agreement, the person, the ministry the person works for, and the edited snippet stay.
    expect(r.kept).toBe(4)
    const left = await census()
    expect(left.agreement).toEqual([HA_NAM_MOU])
    expect(left.person).toEqual([LE_HOAI_TRUNG])
    expect((left.organization ?? []).filter((id) => !reference.includes(id)).sort()).toEqual([MOFA, own.id].sort())
    expect(left.commitment).toEqual([commitment.id])
    expect(left.trip).toEqual([trip.id])
    expect(left.snippet).toEqual([edited.id])
    expect((await core.call('snippets.list')).map((x) => x.text)).toEqual(['Luận điểm sửa lại'])
    expect(left.engagement).toEqual([])
    expect((await core.call('trips.get', { id: trip.id })).members).toHaveLength(1)
  })

  it('the change log shows a load and a removal as one line each, with the number of records', async () => {
    const loaded = await core.call('demo.load')
    tick()
    await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Cổ phần Sao Việt', country: 'VN' })
    tick()
    const removed = await core.call('demo.remove')
    const log = await core.call('audit.list')
    expect(log.filter((e) => e.source?.startsWith('demo:'))).toEqual([])
    const [removal, create, load] = log
    // The records it deleted, and the four reference profiles it gave their notes back.
    expect(removal).toMatchObject({ entity: 'demo', action: 'remove', count: removed.removed + 4 })
    expect(create).toMatchObject({ entity: 'organization', action: 'create', name: 'Công ty Cổ phần Sao Việt' })
    // The records it created, and the four reference profiles it completed.
    expect(load).toMatchObject({ entity: 'demo', action: 'load', count: loaded.created + 4 })
    expect(log).toHaveLength(3)
    // Unfolded, the load's line lists its records by name.
    const rows = await core.call('audit.list', { event: load!.id })
    expect(rows).toHaveLength(loaded.created + 4)
    expect(new Set(rows.map((e) => e.source))).toEqual(new Set([`demo:${load!.id}`]))
    expect(rows.find((e) => e.entityId === HA_NAM_MOU)).toMatchObject({ action: 'create', name: expect.stringContaining('Hà Nam'), record: null })
    expect(await core.call('audit.list', { event: removal!.id })).toHaveLength(removed.removed + 4)
  })
})
