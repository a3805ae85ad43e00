/**
 * Assembles the approval request (ApprovalModel: pure data, previewed in the app and
 * rendered to Word by docx.ts) from the trip, the office's settings and what the officer
 * chose in the builder. The register is read, never changed.
 */
import { APPROVAL_KINDS, memberKey, type ApprovalBlock, type ApprovalModel, type ApprovalSettings, type Stay } from '../../../shared/domain/approval.ts'
import { COUNTRIES, MEMBER_ROLES, labelOf } from '../../../shared/domain/labels.ts'
import type { Trip } from '../../../shared/domain/trips.ts'
import { slugify } from '../../../shared/text/fold.ts'
import { BRIEF_TEXT, dayLabel, placeDate } from '../../briefs/text.ts'
import { dateText, joinList, placeInSentence } from '../../briefs/words.ts'
import { defaultSettingsFor } from '../../briefs/model.ts'
import type { Db } from '../../context.ts'
import { getTrip } from '../../trips/queries.ts'
import { estimateCosts, missingText, vnd } from './estimate.ts'
import { listLegalBases, listRates, readOffice } from './office.ts'

const DAY_MS = 86_400_000
const tripDays = (t: Pick<Trip, 'startDate' | 'endDate'>) => Math.round((Date.parse(t.endDate) - Date.parse(t.startDate)) / DAY_MS) + 1
const two = (n: number) => String(n).padStart(2, '0')

export const DEFAULT_RECIPIENTS = ['Như trên', 'Giám đốc Sở (để báo cáo)', 'Lưu: VT, HTQT']

async function destinationsOf(db: Db, tripId: string) {
  return db
    .selectFrom('tripDestination as d')
    .innerJoin('locality as l', 'l.id', 'd.localityId')
    .select(['l.nameVi', 'l.nameEn', 'l.designationVi', 'l.country', 'l.level', 'l.validTo'])
    .where('d.tripId', '=', tripId)
    .orderBy('d.position')
    .execute()
}

/** Every destination country once, in the trip's order; the whole trip in the first until the officer divides it. */
export function defaultStays(countries: readonly string[], days: number): Stay[] {
  return [...new Set(countries)].map((country, i) => (i === 0 ? { country, days, nights: Math.max(0, days - 1) } : { country, days: 0, nights: 0 }))
}

/** The builder's settings as stored for the trip, or the defaults (all the office's legal bases, its recipients). */
export async function loadApprovalSettings(db: Db, tripId: string): Promise<ApprovalSettings> {
  const trip = await getTrip(db, tripId)
  const row = await db.selectFrom('approvalRequest').select(['settings', 'fundingSource']).where('tripId', '=', tripId).executeTakeFirst()
  const bases = await listLegalBases(db)
  const countries = (await destinationsOf(db, tripId)).map((d) => d.country)
  const defaults: ApprovalSettings = {
    kind: 'to-trinh',
    number: '',
    issueDate: null,
    fundingSource: '',
    legalBasisIds: bases.map((b) => b.id),
    memberRanks: {},
    stays: defaultStays(countries, tripDays(trip)),
    results: null,
    recipients: DEFAULT_RECIPIENTS,
  }
  if (!row) return defaults
  let stored: Partial<ApprovalSettings> = {}
  try {
    stored = JSON.parse(row.settings) as Partial<ApprovalSettings>
  } catch {
    stored = {}
  }
  return { ...defaults, ...stored, fundingSource: row.fundingSource ?? '' }
}

/** "SỞ NGOẠI VỤ" -> "Sở Ngoại vụ": an agency's name in a sentence, its organ and the first word of its field capitalised. */
export function agencyInSentence(name: string): string {
  const words = name.trim().toLocaleLowerCase('vi').split(/\s+/)
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)
  const organ = words[0] === 'văn' && words[1] === 'phòng' ? 2 : words[0] === 'ban' && words[1] === 'quản' ? 3 : 1
  return words.map((w, i) => (i === 0 || i === organ ? cap(w) : w)).join(' ')
}

const sentence = (s: string) => (/[.;:!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)
const splitLines = (s: string | null | undefined) => (s ?? '').split(/\n+/).map((l) => l.replace(/^[-–•+]\s*/, '').trim()).filter(Boolean)

export async function assembleApproval(db: Db, tripId: string, settings: ApprovalSettings, today: string): Promise<ApprovalModel> {
  const trip = await getTrip(db, tripId)
  const office = await readOffice(db)
  const header = await defaultSettingsFor(db, trip.homeLocalityId)
  const home = trip.homeLocalityId ? await db.selectFrom('locality').select(['nameVi', 'designationVi']).where('id', '=', trip.homeLocalityId).executeTakeFirst() : undefined
  const dests = await destinationsOf(db, tripId)
  const rates = await listRates(db)
  const bases = await listLegalBases(db)
  const kind = APPROVAL_KINDS[settings.kind]
  const homeName = home ? placeInSentence({ ...home, nameEn: null, country: 'VN', level: 'province', validTo: null }, 'vi') : 'tỉnh'
  const countries = [...new Set(dests.map((d) => d.country))].map((c) => labelOf(COUNTRIES, c, 'vi'))
  const where = joinList(countries, 'vi') || 'nước ngoài'
  const places = joinList(dests.map((d) => `${placeInSentence(d, 'vi')} (${labelOf(COUNTRIES, d.country, 'vi')})`), 'vi')
  const days = tripDays(trip)
  const recipient = `Ủy ban nhân dân ${homeName}`
  const agencyShort = agencyInSentence(header.agency)
  const warnings: string[] = []

  // I. Purpose and expected results
  const purpose = splitLines(trip.objectives)
  const asks = trip.items.filter((i) => i.kind === 'meeting' || i.kind === 'forum').flatMap((i) => splitLines(i.asks))
  const results = settings.results ? splitLines(settings.results) : asks.length ? asks : []
  if (!purpose.length) warnings.push('Đoàn chưa ghi mục đích (mục tiêu của đoàn): phần I còn trống.')
  const partOne: ApprovalBlock[] = [
    { type: 'label', text: '1. Mục đích' },
    ...(purpose.length ? purpose.map((t): ApprovalBlock => ({ type: 'para', text: sentence(t) })) : [{ type: 'para' as const, text: '(Chưa ghi mục đích của đoàn.)' }]),
    { type: 'label', text: '2. Kết quả dự kiến' },
    ...(results.length ? results.map((t): ApprovalBlock => ({ type: 'bullet', text: sentence(t).replace(/\.$/, ';') })) : [{ type: 'para' as const, text: '(Chưa ghi kết quả dự kiến.)' }]),
  ]
  const lastResult = partOne.at(-1)
  if (lastResult?.type === 'bullet') lastResult.text = lastResult.text.replace(/;$/, '.')

  // II. Members
  const head = trip.members.find((m) => m.role === 'head')
  if (!trip.members.length) warnings.push('Đoàn chưa có thành viên.')
  const partTwo: ApprovalBlock[] = [
    { type: 'para', text: `Đoàn gồm ${two(trip.members.length)} thành viên${head ? `, do ${[head.name, head.title].filter(Boolean).join(', ')} làm Trưởng đoàn` : ''}:` },
    {
      type: 'table',
      header: ['STT', 'Họ và tên', 'Chức vụ, đơn vị', 'Nhiệm vụ trong đoàn'],
      rows: trip.members.map((m, i) => [String(i + 1), m.name, m.title ?? '', labelOf(MEMBER_ROLES, m.role, 'vi')]),
      widths: [0.6, 2.2, 3, 1.6],
    },
  ]

  // III. Time, places and the programme's outline
  const byDay = new Map<string, string[]>()
  for (const i of trip.items) byDay.set(i.start.slice(0, 10), [...(byDay.get(i.start.slice(0, 10)) ?? []), i.title])
  const partThree: ApprovalBlock[] = [
    { type: 'para', text: `Thời gian: ${two(days)} ngày, từ ngày ${dateText(trip.startDate, 'vi')} đến ngày ${dateText(trip.endDate, 'vi')} (bao gồm thời gian đi và về).` },
    { type: 'para', text: `Địa điểm: ${places || where}.` },
    { type: 'label', text: 'Chương trình dự kiến:' },
    ...(byDay.size
      ? [...byDay.entries()].map(([day, titles]): ApprovalBlock => ({ type: 'bullet', text: `${dayLabel(day, 'vi')}: ${titles.join('; ')}.` }))
      : [{ type: 'para' as const, text: '(Chương trình chi tiết sẽ được báo cáo sau.)' }]),
  ]

  // IV. Funding and the estimate
  const members = trip.members.map((m) => ({ name: m.name, rank: settings.memberRanks[memberKey(m)] || null }))
  const estimate = estimateCosts(members, settings.stays, rates, office.exchangeRates)
  const missing = estimate.missing.map((code) => {
    const names = code === 'rank' ? estimate.lines.filter((l) => l.missing.includes('rank')).map((l) => l.member) : []
    return missingText(code, names)
  })
  if (!settings.fundingSource.trim()) warnings.push('Chưa ghi nguồn kinh phí của đoàn.')
  warnings.push(...missing.map((m) => `${m}.`))
  const money = (n: number | null) => (n === null ? '—' : vnd(n))
  const stayText = settings.stays
    .filter((s) => s.days > 0 || s.nights > 0)
    .map((s) => `${two(s.days)} ngày, ${two(s.nights)} đêm tại ${labelOf(COUNTRIES, s.country, 'vi')}`)
  const partFour: ApprovalBlock[] = [
    { type: 'para', text: `Nguồn kinh phí: ${settings.fundingSource.trim() ? sentence(settings.fundingSource) : '(chưa xác định).'}` },
    { type: 'para', text: `Dự toán kinh phí (vé máy bay khứ hồi, phụ cấp lưu trú, tiền thuê phòng nghỉ theo định mức${stayText.length ? `; tính cho ${joinList(stayText, 'vi')}` : ''}):` },
    {
      type: 'table',
      header: ['STT', 'Họ và tên', 'Vé máy bay', 'Phụ cấp lưu trú', 'Tiền thuê phòng', 'Cộng'],
      rows: [
        ...estimate.lines.map((l, i) => [String(i + 1), l.rank ? `${l.member}\n(${l.rank})` : l.member, money(l.airfare), money(l.perDiem), money(l.lodging), vnd(l.total)]),
        ['', 'Tổng cộng', '', '', '', vnd(estimate.total)],
      ],
      widths: [0.6, 2.6, 1.4, 1.4, 1.4, 1.5],
    },
    { type: 'para', text: `Tổng dự toán: ${vnd(estimate.total)} đồng${missing.length ? ' (chưa gồm các khoản chưa có định mức nêu dưới đây)' : ''}.` },
    ...(estimate.exchange.length
      ? [{ type: 'para' as const, text: `Tỷ giá tạm tính: ${estimate.exchange.map((e) => `1 ${e.currency} = ${vnd(e.vnd)} đồng`).join('; ')}.` }]
      : []),
    ...(missing.length ? [{ type: 'label' as const, text: 'Các khoản chưa có định mức (chưa tính vào dự toán):' }, ...missing.map((m): ApprovalBlock => ({ type: 'bullet', text: `${m}.` }))] : []),
  ]

  // The legal bases this document cites, in the office's order.
  const chosen = new Set(settings.legalBasisIds)
  const legalBases = bases.filter((b) => chosen.has(b.id)).map((b) => b.text.trim())
  if (!legalBases.length) warnings.push('Chưa chọn căn cứ pháp lý nào (danh sách trong Cài đặt).')
  if (!office.signerName) warnings.push('Chưa ghi tên người ký (Cài đặt > Tờ trình đoàn ra).')

  const sections = [
    { title: 'I. MỤC ĐÍCH, YÊU CẦU', blocks: partOne },
    { title: 'II. THÀNH PHẦN ĐOÀN', blocks: partTwo },
    { title: 'III. THỜI GIAN, ĐỊA ĐIỂM VÀ CHƯƠNG TRÌNH LÀM VIỆC', blocks: partThree },
    { title: 'IV. KINH PHÍ', blocks: partFour },
  ]
  if (settings.kind === 'ke-hoach') {
    sections.push({
      title: 'V. TỔ CHỨC THỰC HIỆN',
      blocks: [
        { type: 'para', text: `${agencyShort} chủ trì, phối hợp với các cơ quan, đơn vị có thành viên tham gia đoàn chuẩn bị nội dung, tài liệu, thủ tục xuất cảnh và hậu cần cho đoàn.` },
        { type: 'para', text: 'Các cơ quan, đơn vị có thành viên tham gia đoàn cử người đúng thành phần và bố trí kinh phí theo quy định.' },
        { type: 'para', text: `Kết thúc chuyến công tác, Trưởng đoàn báo cáo kết quả với Ủy ban nhân dân ${homeName}.` },
      ],
    })
  }
  const closing =
    settings.kind === 'to-trinh'
      ? `${agencyShort} kính trình Ủy ban nhân dân ${homeName} xem xét, phê duyệt./.`
      : `Trên đây là Kế hoạch tổ chức đoàn công tác của ${homeName} đi ${where}, ${agencyShort} kính trình Ủy ban nhân dân ${homeName} xem xét, phê duyệt./.`
  const issue = settings.issueDate ?? today
  return {
    tripId,
    kind: settings.kind,
    fileBaseName: [settings.kind === 'to-trinh' ? 'To-trinh' : 'Ke-hoach', slugify(trip.title).slice(0, 80)].filter(Boolean).join('-'),
    header: {
      parentAgency: header.parentAgency,
      agency: header.agency,
      agencyName: agencyShort,
      number: `Số: ${settings.number.trim() || '…'}/${kind.code}-${office.symbol}`,
      nationalName: BRIEF_TEXT.vi.nationalName,
      motto: BRIEF_TEXT.vi.motto,
      placeDate: placeDate(header.place, issue, 'vi'),
    },
    title: settings.kind === 'to-trinh' ? 'TỜ TRÌNH' : 'KẾ HOẠCH',
    subject:
      settings.kind === 'to-trinh'
        ? `Về việc cử đoàn công tác của ${homeName} đi ${where}`
        : `Tổ chức đoàn công tác của ${homeName} đi ${joinList(dests.map((d) => placeInSentence(d, 'vi')), 'vi') || where}${dests.length ? `, ${where}` : ''}`,
    recipient,
    legalBases,
    sections,
    closing,
    estimate,
    recipients: settings.recipients.map((r) => r.trim()).filter(Boolean),
    signature: { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName },
    warnings,
  }
}
