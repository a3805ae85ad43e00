/** The agreements register's filters and sorts, on a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgreementInput, AgreementListInput } from '../../shared/domain/agreements.ts'
import { openTestCore, refId, type TestCore } from '../test-support.ts'
import { listAgreements } from './list.ts'
import { AgreementOrder } from './order.ts'

let core: TestCore
const ids: Record<string, string> = {}
let ninhBinh: string
let yamanashi: string
let jica: string

beforeAll(async () => {
  core = await openTestCore({ now: () => new Date('2026-12-01T09:00:00Z') })
  const thanhHoa = await refId(core, 'vn-2025-thanh-hoa')
  const haNam = await refId(core, 'vn-pre2025-ha-nam')
  ninhBinh = await refId(core, 'vn-2025-ninh-binh')
  yamanashi = await refId(core, 'jp-pref-19')
  const gunma = await refId(core, 'jp-pref-10')
  jica = (await core.db.selectFrom('organization').select('id').where('refKey', '=', 'jp-org-jica').executeTakeFirstOrThrow()).id
  const add = async (key: string, a: Partial<AgreementInput> & Pick<AgreementInput, 'titleVi' | 'parties'>) => {
    ids[key] = (await core.call('agreements.create', { kind: 'mou', status: 'signed', ...a })).id
  }
  const pair = (home: string, partner: { localityId: string } | { organizationId: string }) => [{ side: 'home' as const, localityId: home }, { side: 'partner' as const, ...partner }]
  // In force when signed, its validity ended on 30/06/2026: expired today, whatever was recorded.
  await add('tourism', {
    titleVi: 'Bản ghi nhớ hợp tác du lịch',
    titleJa: '山梨県との観光協力覚書',
    status: 'in_force',
    signedDate: '2025-03-10',
    validUntil: '2026-06-30',
    pmReportSentDate: '2025-03-20',
    parties: pair(thanhHoa, { localityId: yamanashi }),
  })
  // Signed by Hà Nam (now part of Ninh Bình), never reported to the Prime Minister.
  await add('training', { kind: 'cooperation_plan', titleVi: 'Đề án đào tạo nhân lực', signedDate: '2023-12-16', parties: pair(haNam, { localityId: gunma }) })
  await add('farming', { kind: 'loi', titleVi: 'Ý định thư về nông nghiệp công nghệ cao', status: 'negotiating', summary: 'Chế biến nông sản', parties: pair(thanhHoa, { organizationId: jica }) })
  await add('danang', { titleVi: 'Đà Nẵng kết nối', signedDate: '2024-05-01', validFrom: '2024-06-01', parties: pair(thanhHoa, { localityId: gunma }) })
  await add('duan', { titleVi: 'Dự án giao lưu', signedDate: '2026-11-20', parties: pair(thanhHoa, { localityId: gunma }) })
})
afterAll(() => core.dispose())

const titles = async (input: AgreementListInput, today = '2026-12-01') => (await listAgreements(core.db, input, today)).rows.map((r) => r.titleVi)

describe('the agreements register', () => {
  it('lists newest signed first, unsigned last, with the status of today and a late report', async () => {
    const { total, rows, years } = await core.call('agreements.list', {})
    expect(total).toBe(5)
    expect(rows.map((r) => r.titleVi)).toEqual(['Dự án giao lưu', 'Bản ghi nhớ hợp tác du lịch', 'Đà Nẵng kết nối', 'Đề án đào tạo nhân lực', 'Ý định thư về nông nghiệp công nghệ cao'])
    const tourism = rows.find((r) => r.id === ids.tourism)!
    expect([tourism.status, tourism.effectiveStatus, tourism.pmReportLate]).toEqual(['in_force', 'expired', null])
    // Due 15 days after signing (31/12/2023); 1066 days late on 01/12/2026.
    expect(rows.find((r) => r.id === ids.training)!.pmReportLate).toEqual({ state: 'overdue', due: '2023-12-31', daysLate: 1066 })
    // Signed 11 days ago: its report is due, not late.
    expect(rows.find((r) => r.id === ids.duan)!.pmReportLate).toBeNull()
    expect(years).toEqual([2026, 2025, 2024, 2023])
  })

  it('filters by the status the dates give on the day asked, not the one recorded', async () => {
    expect(await titles({ status: 'expired' })).toEqual(['Bản ghi nhớ hợp tác du lịch'])
    expect(await titles({ status: 'in_force' })).toEqual(['Đà Nẵng kết nối'])
    // On 01/01/2026 the tourism MOU was still in force; on 15/05/2024 Đà Nẵng was signed, not yet in force.
    expect(await titles({ status: 'in_force' }, '2026-01-01')).toEqual(['Bản ghi nhớ hợp tác du lịch', 'Đà Nẵng kết nối'])
    expect(await titles({ status: 'signed' }, '2024-05-15')).toEqual(['Đà Nẵng kết nối', 'Đề án đào tạo nhân lực'])
    expect(await titles({ status: 'negotiating' })).toEqual(['Ý định thư về nông nghiệp công nghệ cao'])
  })

  it('filters by words as search folds them, kind, partner (with its predecessors), sector and year', async () => {
    expect(await titles({ q: 'NONG NGHIEP' })).toEqual(['Ý định thư về nông nghiệp công nghệ cao'])
    expect(await titles({ q: 'che bien' })).toEqual(['Ý định thư về nông nghiệp công nghệ cao'])
    expect(await titles({ q: 'da nang' })).toEqual(['Đà Nẵng kết nối'])
    // A party's name; Japanese by substring, a short one too.
    expect(await titles({ q: 'yamanashi' })).toEqual(['Bản ghi nhớ hợp tác du lịch'])
    expect(await titles({ q: '観光協力' })).toEqual(['Bản ghi nhớ hợp tác du lịch'])
    expect(await titles({ q: '観光' })).toEqual(['Bản ghi nhớ hợp tác du lịch'])
    expect(await titles({ q: '"*(' })).toHaveLength(5)
    expect(await titles({ kind: 'loi' })).toEqual(['Ý định thư về nông nghiệp công nghệ cao'])
    expect(await titles({ partnerId: ninhBinh })).toEqual(['Đề án đào tạo nhân lực'])
    expect(await titles({ partnerId: jica })).toEqual(['Ý định thư về nông nghiệp công nghệ cao'])
    expect(await titles({ partnerId: yamanashi, status: 'expired' })).toEqual(['Bản ghi nhớ hợp tác du lịch'])
    expect(await titles({ year: 2023 })).toEqual(['Đề án đào tạo nhân lực'])
    expect(await titles({ year: 2025, kind: 'loi' })).toEqual([])
  })

  it('sorts by any column, titles and parties in Vietnamese order, empty values last', async () => {
    const vi = ['Bản ghi nhớ hợp tác du lịch', 'Dự án giao lưu', 'Đà Nẵng kết nối', 'Đề án đào tạo nhân lực', 'Ý định thư về nông nghiệp công nghệ cao']
    expect(await titles({ sort: { key: 'title', dir: 'asc' } })).toEqual(vi)
    expect(await titles({ sort: { key: 'title', dir: 'desc' } })).toEqual(vi.toReversed())
    expect(await titles({ sort: { key: 'title', dir: 'asc' }, kind: 'mou', offset: 1, limit: 2 })).toEqual(['Dự án giao lưu', 'Đà Nẵng kết nối'])
    // "Hà Nam (nay thuộc tỉnh Ninh Bình) – Gunma" before "Thanh Hóa – …".
    expect((await titles({ sort: { key: 'parties', dir: 'asc' } }))[0]).toBe('Đề án đào tạo nhân lực')
    expect(await titles({ sort: { key: 'signed', dir: 'asc' } })).toEqual(['Đề án đào tạo nhân lực', 'Đà Nẵng kết nối', 'Bản ghi nhớ hợp tác du lịch', 'Dự án giao lưu', 'Ý định thư về nông nghiệp công nghệ cao'])
    expect((await titles({ sort: { key: 'valid', dir: 'desc' } }))[0]).toBe('Bản ghi nhớ hợp tác du lịch')
    // Statuses as an agreement lives them: negotiating, signed, in force, expired.
    expect(await titles({ sort: { key: 'status', dir: 'asc' } })).toEqual(['Ý định thư về nông nghiệp công nghệ cao', 'Dự án giao lưu', 'Đề án đào tạo nhân lực', 'Đà Nẵng kết nối', 'Bản ghi nhớ hợp tác du lịch'])
    // Kinds by their labels: "Bản ghi nhớ" < "Chương trình" < "Ý định thư"; in English "Cooperation" < "Letter" < "Memorandum".
    const kinds = async (lang: 'vi' | 'en') => (await listAgreements(core.db, { sort: { key: 'kind', dir: 'asc' }, lang }, '2026-12-01')).rows.map((r) => r.kind)
    expect(await kinds('vi')).toEqual(['mou', 'mou', 'mou', 'cooperation_plan', 'loi'])
    expect(await kinds('en')).toEqual(['cooperation_plan', 'loi', 'mou', 'mou', 'mou'])
  })

  it('keeps the Vietnamese order until the register changes, then works it out again', async () => {
    const order = new AgreementOrder()
    const first = async () => (await listAgreements(core.db, { sort: { key: 'title', dir: 'asc' } }, '2026-12-01', order)).rows[0]?.titleVi
    expect(await first()).toBe('Bản ghi nhớ hợp tác du lịch')
    const kept = await order.ids(core.db, 'title')
    expect(await order.ids(core.db, 'title')).toBe(kept)
    const a = await core.call('agreements.get', { id: ids.duan! })
    await core.call('agreements.update', { id: a.id, kind: a.kind, titleVi: 'An Giang giao lưu', status: a.status, signedDate: a.signedDate, parties: a.parties.map((p) => ({ side: p.side, localityId: p.localityId, organizationId: p.organizationId })) })
    expect(await first()).toBe('An Giang giao lưu')
    expect(await order.ids(core.db, 'title')).not.toBe(kept)
  })
})
