import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgreementInput } from '../../shared/domain/agreements.ts'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { wordErrorBoth } from '../../shared/messages/index.ts'

let core: TestCore
let thanhHoa: string
let yamanashi: string
beforeEach(async () => {
  core = await openTestCore({ now: () => new Date('2026-11-23T09:00:00Z') })
  thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  yamanashi = await refId(core, 'jp-pref-19')
})
afterEach(() => core.dispose())

const mou = (over: Partial<AgreementInput> = {}): AgreementInput => ({
  kind: 'mou',
  titleVi: 'Bản ghi nhớ hợp tác giữa tỉnh Thanh Hóa và tỉnh Yamanashi',
  status: 'signed',
  signedDate: '2026-05-10',
  sectors: ['high_tech_agriculture', 'tourism'],
  parties: [
    { side: 'home', localityId: thanhHoa },
    { side: 'partner', localityId: yamanashi },
  ],
  ...over,
})

const count = async (table: 'agreement' | 'commitment' | 'auditLog') =>
  Number((await core.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('agreements', () => {
  it('records an agreement with two parties and a commitment, and shows it on both partners', async () => {
    const { id } = await core.call('agreements.create', mou())
    await core.call('commitments.create', { agreementId: id, action: 'Trao đổi đoàn doanh nghiệp', owner: 'Sở Ngoại vụ', dueDate: '2026-09-30', status: 'open' })
    const a = await core.call('agreements.get', { id })
    expect(a.parties.map((p) => p.displayName)).toEqual(['Thanh Hóa', 'Yamanashi'])
    expect(a.sectors).toEqual(['high_tech_agriculture', 'tourism'])
    expect(a.commitments[0]?.overdue).toBe(true)
    expect(a.pmReportDue).toBe('2026-05-25')
    expect(a.pmReportLate).toBe(true)
    for (const locality of [thanhHoa, yamanashi]) {
      const rows = (await core.call('localities.get', { id: locality })).agreements
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ id, openCommitments: 1, overdueCommitments: 1, partiesText: 'Thanh Hóa – Yamanashi' })
    }
  })

  it('refuses an agreement with no parties, names the field, and saves nothing', async () => {
    const before = { agreements: await count('agreement'), audit: await count('auditLog') }
    const r = await core.dispatch('agreements.create', mou({ parties: [] }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.details).toEqual([{ field: 'parties', code: 'needs_party' }])
    expect(wordErrorBoth(r.error)).toMatch(/Các bên ký kết: Văn kiện phải có ít nhất một bên ký kết \/ Parties: An agreement needs at least one party/)
    expect({ agreements: await count('agreement'), audit: await count('auditLog') }).toEqual(before)
  })

  it('refuses a party that does not exist, in one transaction with nothing half-written', async () => {
    const before = await count('agreement')
    const r = await core.dispatch('agreements.create', mou({ parties: [{ side: 'home', localityId: '01936d00-0000-7000-8000-999999999999' }] }))
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
    expect(await count('agreement')).toBe(before)
  })

  it('shows a predecessor province with its lineage and files the agreement under its successor', async () => {
    const haNam = await refId(core, 'vn-pre2025-ha-nam')
    const ninhBinh = await refId(core, 'vn-2025-ninh-binh')
    const gunma = await refId(core, 'jp-pref-10')
    const { id } = await core.call(
      'agreements.create',
      mou({ titleVi: 'Bản ghi nhớ Hà Nam – Gunma', signedDate: '2023-12-16', parties: [{ side: 'home', localityId: haNam }, { side: 'partner', localityId: gunma }] }),
    )
    expect((await core.call('agreements.get', { id })).parties[0]?.displayName).toBe('Hà Nam (nay thuộc tỉnh Ninh Bình)')
    const successor = await core.call('localities.get', { id: ninhBinh })
    expect(successor.agreements).toEqual([expect.objectContaining({ id, viaPredecessor: 'Hà Nam' })])
    expect(successor.predecessors.map((p) => p.nameVi)).toEqual(['Hà Nam', 'Nam Định'])
  })

  it('edits an agreement and deletes it with its commitments', async () => {
    const { id } = await core.call('agreements.create', mou())
    await core.call('commitments.create', { agreementId: id, action: 'Khảo sát', status: 'open' })
    await core.call('agreements.update', { id, ...mou({ status: 'in_force', titleVi: 'Bản ghi nhớ (sửa)' }) })
    expect((await core.call('agreements.get', { id })).titleVi).toBe('Bản ghi nhớ (sửa)')
    await core.call('agreements.delete', { id })
    expect(await count('agreement')).toBe(0)
    expect(await count('commitment')).toBe(0)
    expect(await core.call('search.query', { q: 'ban ghi nho sua' })).toEqual([])
  })

  it('pages the register newest first with the total', async () => {
    for (let i = 1; i <= 5; i++) await core.call('agreements.create', mou({ titleVi: `Văn kiện ${i}`, signedDate: `2020-0${i}-01` }))
    const page = await core.call('agreements.list', { offset: 1, limit: 2 })
    expect(page.total).toBe(5)
    expect(page.rows.map((r) => r.titleVi)).toEqual(['Văn kiện 4', 'Văn kiện 3'])
  })
})
