/**
 * Assembles the post-trip report's model (ReportModel): the delegation and its programme,
 * the results of each meeting (its outcomes), the agreements signed, the commitments
 * arising with their owners and due dates, the proposals the officer wrote in the builder,
 * "Nơi nhận" and the head of delegation's signature block. Vietnamese: the report goes to
 * the provincial leadership. Pure data; the preview and the Word file are made from it.
 */
import { COUNTRIES, ITEM_KINDS, MEMBER_ROLES, labelOf } from '../../../shared/domain/labels.ts'
import type { Block } from '../../../shared/domain/briefs.ts'
import type { ReportModel } from '../../../shared/domain/report.ts'
import { slugify } from '../../../shared/text/fold.ts'
import type { Db } from '../../context.ts'
import { BRIEF_TEXT, placeDate, roman } from '../../briefs/text.ts'
import { dateText, joinList, placeInSentence } from '../../briefs/words.ts'
import { briefHeader, VI_DEFAULT_AGENCY, vietnameseParentAgency } from '../../settings/settings.ts'
import { loadReportData, type ReportData } from './data.ts'

/** Programme items whose results the report gives, one heading each. */
export const RESULT_KINDS = new Set(['meeting', 'forum', 'site_visit'])

export const REPORT_RECIPIENTS = [
  'Thường trực Tỉnh ủy (để báo cáo);',
  'Thường trực HĐND tỉnh (để báo cáo);',
  'Chủ tịch, các Phó Chủ tịch UBND tỉnh (để báo cáo);',
  'Bộ Ngoại giao (để báo cáo);',
  'Các thành viên Đoàn;',
  'Lưu: VT.',
]

const time = (start: string, end: string | null) => `${start.slice(11)}${end ? `–${end.slice(11)}` : ''}`
const para = (id: string, text: string, label: string | null = null): Block => ({ type: 'paragraphs', id, edited: false, label, text })

function overview(d: ReportData, homeName: string, where: string): Block[] {
  const t = d.trip
  const head = t.members.find((m) => m.role === 'head')
  const led = head ? ` do ${[head.title ? `đồng chí ${head.name}, ${head.title}` : `đồng chí ${head.name}`].join('')} làm Trưởng đoàn` : ''
  const blocks: Block[] = [
    para(
      'overview.text',
      `Đoàn công tác của ${homeName}${led} đã thực hiện chuyến công tác tại ${where} từ ngày ${dateText(t.startDate, 'vi')} đến ngày ${dateText(t.endDate, 'vi')}, gồm ${t.members.length} thành viên.`,
    ),
  ]
  if (t.objectives) blocks.push(para('overview.objectives', t.objectives, 'Mục đích chuyến công tác'))
  if (t.members.length) {
    blocks.push({
      type: 'table',
      header: ['STT', 'Họ và tên', 'Chức vụ, đơn vị', 'Vai trò trong Đoàn'],
      rows: t.members.map((m, i) => [String(i + 1), m.name, m.title ?? '', labelOf(MEMBER_ROLES, m.role, 'vi')]),
      widths: [1, 4, 6, 3],
    })
  }
  return blocks
}

function programme(d: ReportData): Block[] {
  if (!d.trip.items.length) return [para('programme.none', 'Chương trình công tác chưa được ghi trong hệ thống.')]
  return [
    {
      type: 'table',
      header: ['Ngày', 'Thời gian', 'Hoạt động', 'Địa điểm'],
      rows: d.trip.items.map((i) => [dateText(i.start.slice(0, 10), 'vi'), time(i.start, i.end), i.title, i.place ?? '']),
      widths: [2, 2, 7, 3],
    },
  ]
}

function results(d: ReportData): { blocks: Block[]; missing: string[]; meetings: number } {
  const blocks: Block[] = []
  const missing: string[] = []
  const items = d.trip.items.filter((i) => RESULT_KINDS.has(i.kind))
  for (const [n, i] of items.entries()) {
    blocks.push({ type: 'heading', text: `${n + 1}. ${i.title} (${dateText(i.start.slice(0, 10), 'vi')})` })
    const partners = i.counterparts.filter((c) => c.exists).map((c) => c.name)
    blocks.push({
      type: 'fields',
      rows: [
        ['Hình thức', labelOf(ITEM_KINDS, i.kind, 'vi')],
        ...(partners.length ? [['Đối tác', partners.join('; ')] as [string, string]] : []),
        ...(i.place ? [['Địa điểm', i.place] as [string, string]] : []),
      ],
    })
    if (i.outcomes?.trim()) blocks.push(para(`results.${i.id}`, i.outcomes, 'Kết quả'))
    else {
      missing.push(i.title)
      blocks.push(para(`results.${i.id}`, 'Chưa ghi nhận kết quả.', 'Kết quả'))
    }
    const signed = d.agreements.filter((a) => a.itemId === i.id)
    if (signed.length) blocks.push({ type: 'bullets', id: `results.${i.id}.signed`, edited: false, label: 'Văn kiện ký kết', items: signed.map((a) => a.titleVi) })
  }
  if (!items.length) blocks.push(para('results.none', 'Chuyến công tác không có cuộc làm việc nào được ghi trong chương trình.'))
  return { blocks, missing, meetings: items.length }
}

function agreements(d: ReportData): Block[] {
  if (!d.agreements.length) return [para('agreements.none', 'Trong chuyến công tác, Đoàn không ký kết văn kiện hợp tác nào.')]
  return [
    {
      type: 'table',
      header: ['STT', 'Tên văn kiện', 'Các bên', 'Ngày ký', 'Nơi ký'],
      rows: d.agreements.map((a, i) => [String(i + 1), a.titleVi, a.parties.join(' – '), dateText(a.signedDate, 'vi'), a.signedPlace ?? '']),
      widths: [1, 6, 4, 2, 3],
    },
  ]
}

function commitments(d: ReportData): Block[] {
  if (!d.commitments.length) return [para('commitments.none', 'Không có cam kết, công việc cần triển khai phát sinh từ chuyến công tác.')]
  return [
    {
      type: 'table',
      header: ['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn', 'Phát sinh từ'],
      rows: d.commitments.map((c, i) => [String(i + 1), c.action, c.owner ?? '', c.dueDate ? dateText(c.dueDate, 'vi') : 'Chưa xác định', c.source]),
      widths: [1, 6, 3, 2, 4],
    },
  ]
}

export async function assembleReport(db: Db, tripId: string, now: Date, today: string, override?: { proposals?: string | null }): Promise<ReportModel> {
  const d = await loadReportData(db, tripId)
  const t = d.trip
  const office = await briefHeader(db)
  const homeName = d.home ? placeInSentence({ ...d.home, nameEn: null, country: 'VN', level: 'province', validTo: null }, 'vi') : 'tỉnh'
  const countries = [...new Set(d.places.map((p) => p.country))].map((c) => labelOf(COUNTRIES, c, 'vi'))
  const where = d.places.length ? `${joinList(d.places.map((p) => placeInSentence(p, 'vi')), 'vi')}${countries.length ? `, ${countries.join(', ')}` : ''}` : '…'
  const proposals = override && 'proposals' in override ? (override.proposals ?? null) : d.proposals
  const result = results(d)
  const sectionList: Array<{ id: string; title: string; blocks: Block[] }> = [
    { id: 'overview', title: 'Khái quát chung', blocks: overview(d, homeName, where) },
    { id: 'programme', title: 'Chương trình đã thực hiện', blocks: programme(d) },
    { id: 'results', title: 'Kết quả các cuộc làm việc', blocks: result.blocks },
    { id: 'agreements', title: 'Văn kiện đã ký kết', blocks: agreements(d) },
    { id: 'commitments', title: 'Cam kết, công việc cần triển khai', blocks: commitments(d) },
    { id: 'proposals', title: 'Đề xuất, kiến nghị', blocks: [para('proposals', proposals?.trim() || 'Đoàn công tác kính đề nghị lãnh đạo tỉnh xem xét, chỉ đạo triển khai các nội dung nêu trên.')] },
  ]
  const head = t.members.find((m) => m.role === 'head')
  const T = BRIEF_TEXT.vi
  const home = d.home?.nameVi ?? ''
  return {
    tripId,
    generatedAt: now.toISOString(),
    fileBaseName: ['Bao-cao-ket-qua-chuyen-cong-tac', ...[home, d.places.map((p) => p.nameVi).join('-')].map((n) => slugify(n).split('-').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('-')), t.startDate.slice(0, 4)].filter(Boolean).join('-'),
    header: {
      parentAgency: office.parentAgency ?? vietnameseParentAgency(d.home ?? undefined),
      agency: office.agency ?? VI_DEFAULT_AGENCY,
      nationalName: T.nationalName,
      motto: T.motto,
      number: 'Số:        /BC-ĐCT',
      placeDate: placeDate(home, today, 'vi'),
    },
    title: 'BÁO CÁO',
    subtitle: `Kết quả chuyến công tác của Đoàn công tác ${homeName} tại ${where} (từ ngày ${dateText(t.startDate, 'vi')} đến ngày ${dateText(t.endDate, 'vi')})`,
    sections: sectionList.map((s, i) => ({ id: s.id, title: `${roman(i + 1)}. ${s.title.toLocaleUpperCase('vi')}`, blocks: s.blocks })),
    recipients: REPORT_RECIPIENTS,
    signature: { authority: 'TRƯỞNG ĐOÀN', title: head?.title ? head.title.toLocaleUpperCase('vi') : null, name: head?.name ?? '' },
    missing: { outcomes: result.missing, proposals: !proposals?.trim() },
    counts: { meetings: result.meetings, agreements: d.agreements.length, commitments: d.commitments.length },
  }
}

