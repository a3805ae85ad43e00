/**
 * The sample data's part of the approval request: a SAMPLE rate table for Japan (marked as
 * such in each row's notes: these are not the Ministry of Finance's rates, only figures to
 * show how the estimate works), a sample exchange rate, a short list of legal bases, and
 * the sample trip's request (its funding source and the members' ranks). Written with the
 * sample load's context, only where the office has nothing of its own yet; removed with the
 * sample data where nobody has changed it since.
 */
import type { ApprovalSettings } from '../../../shared/domain/approval.ts'
import type { Ctx, Db } from '../../context.ts'
import { deleteRecord, insertRecord } from '../../records.ts'

export const SAMPLE_RATE_NOTE = 'ĐỊNH MỨC MẪU (dữ liệu mẫu, không phải định mức chính thức): thay bằng định mức của cơ quan'

const id = (n: number) => `01936d00-0000-7000-8000-0015000000${String(n).padStart(2, '0')}`
const SAMPLE_TRIP = '01936d00-0000-7000-8000-000700000001'

export const SAMPLE_RATES = [
  { id: id(1), country: 'JP', rank: 'Lãnh đạo tỉnh', currency: 'USD', airfare: 1500, perDiem: 80, lodging: 180 },
  { id: id(2), country: 'JP', rank: 'Lãnh đạo sở, ngành', currency: 'USD', airfare: 1000, perDiem: 70, lodging: 150 },
  { id: id(3), country: 'JP', rank: 'Chuyên viên', currency: 'USD', airfare: 1000, perDiem: 60, lodging: 130 },
]

export const SAMPLE_LEGAL_BASES = [
  { id: id(11), text: 'Luật Tổ chức chính quyền địa phương' },
  {
    id: id(12),
    text: 'Thông tư số 102/2012/TT-BTC ngày 21/6/2012 của Bộ Tài chính quy định chế độ công tác phí cho cán bộ, công chức nhà nước đi công tác ngắn hạn ở nước ngoài do ngân sách nhà nước bảo đảm kinh phí',
  },
  { id: id(13), text: 'Chương trình hoạt động đối ngoại năm 2026 của tỉnh Thanh Hóa' },
  {
    id: id(14),
    text: 'Kết quả buổi làm việc giữa lãnh đạo tỉnh Thanh Hóa và lãnh đạo tỉnh Yamanashi tại Diễn đàn hợp tác địa phương Việt Nam – Nhật Bản lần thứ nhất (Quảng Ninh, ngày 25/11/2025)',
  },
]
const SAMPLE_REQUEST = id(21)
const EXCHANGE_KEY = 'approval_exchange_rates'

/** The sample trip's choices: the members' ranks (by the person's id, else the name typed) and the funding source. */
function sampleRequest(members: Array<{ personId: string | null; name: string | null; role: string }>): Omit<ApprovalSettings, 'fundingSource'> {
  const memberRanks: Record<string, string> = {}
  for (const m of members) {
    const key = m.personId ?? `name:${m.name ?? ''}`
    memberRanks[key] = m.role === 'head' ? 'Lãnh đạo tỉnh' : m.role === 'member' ? 'Lãnh đạo sở, ngành' : 'Chuyên viên'
  }
  return { kind: 'to-trinh', number: '', issueDate: null, legalBasisIds: SAMPLE_LEGAL_BASES.map((b) => b.id), memberRanks, stays: [{ country: 'JP', days: 5, nights: 4 }], results: null, recipients: ['Như trên', 'Giám đốc Sở (để báo cáo)', 'Lưu: VT, HTQT'] }
}

export async function loadSampleApproval(trx: Db, ctx: Ctx): Promise<number> {
  let created = 0
  if (!(await trx.selectFrom('travelRate').select('id').where('country', '=', 'JP').executeTakeFirst())) {
    for (const r of SAMPLE_RATES) created += Number(!!(await insertRecord(trx, ctx, 'travelRate', { ...r, notes: SAMPLE_RATE_NOTE })))
  }
  if (!(await trx.selectFrom('appMeta').select('key').where('key', '=', EXCHANGE_KEY).executeTakeFirst())) {
    await trx.insertInto('appMeta').values({ key: EXCHANGE_KEY, value: JSON.stringify({ USD: 26000 }) }).execute()
  }
  if (!(await trx.selectFrom('legalBasis').select('id').executeTakeFirst())) {
    for (const [position, b] of SAMPLE_LEGAL_BASES.entries()) created += Number(!!(await insertRecord(trx, ctx, 'legalBasis', { ...b, position })))
  }
  const trip = await trx.selectFrom('trip').select('id').where('id', '=', SAMPLE_TRIP).executeTakeFirst()
  if (trip && !(await trx.selectFrom('approvalRequest').select('id').where('tripId', '=', SAMPLE_TRIP).executeTakeFirst())) {
    const members = await trx.selectFrom('tripMember').select(['personId', 'name', 'role']).where('tripId', '=', SAMPLE_TRIP).orderBy('position').execute()
    await insertRecord(trx, ctx, 'approvalRequest', {
      id: SAMPLE_REQUEST,
      tripId: SAMPLE_TRIP,
      fundingSource: 'Ngân sách tỉnh Thanh Hóa năm 2026 bố trí cho hoạt động đối ngoại và kinh phí của các cơ quan có thành viên tham gia đoàn',
      settings: JSON.stringify(sampleRequest(members)),
    })
    created++
  }
  return created
}

/** Takes the sample rates, legal bases and the sample trip's request back, where nobody has changed them since the load. */
export async function removeSampleApproval(trx: Db, ctx: Ctx): Promise<number> {
  let removed = 0
  for (const table of ['approvalRequest', 'travelRate', 'legalBasis'] as const) {
    const ids = table === 'approvalRequest' ? [SAMPLE_REQUEST] : (table === 'travelRate' ? SAMPLE_RATES : SAMPLE_LEGAL_BASES).map((r) => r.id)
    for (const r of await trx.selectFrom(table).select(['id', 'createdAt', 'updatedAt']).where('id', 'in', ids).execute()) {
      if (r.createdAt !== r.updatedAt) continue
      await deleteRecord(trx, ctx, table, r.id)
      removed++
    }
  }
  return removed
}
