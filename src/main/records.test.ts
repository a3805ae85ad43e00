import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitImport, previewImport } from './exchange/import/import.ts'
import { readTable } from './exchange/import/read.ts'
import { openTestCore, refId, type TestCore } from './test-support.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore()
})
afterEach(() => core.dispose())

const auditOf = (entityId: string) => core.db.selectFrom('auditLog').select(['entity', 'action']).where('entityId', '=', entityId).orderBy('at').execute()
const tombstones = () => core.db.selectFrom('tombstone').select(['tbl', 'id']).orderBy('tbl').execute()

async function anAgreement() {
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  const yamanashi = await refId(core, 'jp-pref-19')
  const { id } = await core.call('agreements.create', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ về du lịch',
    status: 'signed',
    signedDate: '2024-05-12',
    parties: [
      { side: 'home', localityId: thanhHoa },
      { side: 'partner', localityId: yamanashi },
    ],
  })
  const c1 = await core.call('commitments.create', { agreementId: id, action: 'Trao đổi đoàn du lịch', status: 'open' })
  const c2 = await core.call('commitments.create', { agreementId: id, action: 'Hội chợ du lịch', status: 'open' })
  return { id, commitments: [c1.id, c2.id], yamanashi }
}

describe('record functions', () => {
  it('delete what belongs to a record with it, each with its audit row and a tombstone', async () => {
    const a = await anAgreement()
    await core.call('agreements.delete', { id: a.id })
    for (const c of a.commitments) expect(await auditOf(c)).toEqual([
      { entity: 'commitment', action: 'create' },
      { entity: 'commitment', action: 'delete' },
    ])
    expect(await tombstones()).toEqual(
      expect.arrayContaining([
        { tbl: 'agreement', id: a.id },
        { tbl: 'commitment', id: a.commitments[0] },
        { tbl: 'commitment', id: a.commitments[1] },
      ]),
    )
    expect(await core.call('search.query', { q: 'ban ghi nho ve du lich' })).toEqual([])
  })

  it('detach a talking point from a deleted partner, recording the change', async () => {
    const { id: localityId } = await core.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Fujiyoshida' })
    const { id: snippetId } = await core.call('snippets.create', { title: 'Núi Phú Sĩ', text: 'Du lịch quanh núi Phú Sĩ', sectors: [], localityId })
    const { id: factId } = await core.call('facts.create', { label: 'Dân số', value: '47.000', scope: 'locality', localityId })
    await core.call('localities.delete', { id: localityId })
    const [snippet] = await core.call('snippets.list')
    expect(snippet).toMatchObject({ id: snippetId, localityId: null })
    expect((await auditOf(snippetId)).map((r) => r.action)).toEqual(['create', 'update'])
    expect(await tombstones()).toEqual(expect.arrayContaining([{ tbl: 'fact', id: factId }, { tbl: 'locality', id: localityId }]))
  })

  it('keep search in step whatever path wrote: an abbreviation changed by a sheet finds the engagements', async () => {
    const { id: orgId } = await core.call('organizations.create', { kind: 'agency', nameVi: 'Tổ chức Xúc tiến Thương mại Nhật Bản', abbreviation: 'JTRO', country: 'JP' })
    await core.call('engagements.create', { kind: 'meeting', title: 'Làm việc về xúc tiến đầu tư', startDate: '2025-03-02', participants: [{ organizationId: orgId }] })
    const csv = new TextEncoder().encode('Tên tổ chức;Tên viết tắt\nTổ chức Xúc tiến Thương mại Nhật Bản;JETRO')
    const preview = await previewImport(core.db, await readTable(csv, 'orgs.csv'), 'partners')
    expect(preview.rows[0]!.match?.id).toBe(orgId)
    await commitImport(core.ctx, preview, { [preview.rows[0]!.row]: 'update' })
    const hits = await core.call('search.query', { q: 'jetro xuc tien dau tu' })
    expect(hits.map((h) => h.kind)).toContain('engagement')
  })

  it('make a record deleted and made again (the sample data loaded twice) no longer a deletion', async () => {
    await core.call('demo.load')
    const [trip] = await core.call('trips.list')
    await core.call('trips.delete', { id: trip!.id })
    expect((await tombstones()).some((t) => t.id === trip!.id)).toBe(true)
    await core.call('demo.load')
    expect((await tombstones()).some((t) => t.id === trip!.id)).toBe(false)
  })
})
