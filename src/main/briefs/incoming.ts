/**
 * The brief for receiving a delegation (a trip in, issue 14): the same machinery as for a
 * delegation sent (the visitors' profiles, the history of relations, the talking points),
 * worded for receiving: "Tài liệu phục vụ tiếp đoàn …", the visiting delegation and our
 * side receiving it, protocol for hosting.
 */
import { COUNTRIES, HOST_ROLES, labelOf, type Lang } from '../../shared/domain/labels.ts'
import type { Block } from '../../shared/domain/briefs.ts'
import type { BriefData } from './data.ts'
import { placeInSentence } from './words.ts'

export const INCOMING_TEXT = {
  vi: {
    title: (visitors: string, home: string) => `TÀI LIỆU PHỤC VỤ TIẾP ĐOÀN ${visitors} THĂM VÀ LÀM VIỆC TẠI ${home}`.toLocaleUpperCase('vi'),
    fileBase: 'Tai-lieu-tiep-doan',
    purpose: 'Mục đích chuyến thăm của đoàn',
    visitors: 'Thành phần đoàn khách',
    hosts: 'Thành phần phía ta tiếp đoàn',
    hostRole: 'Vai trò',
    protocol: [
      'Đón, tiễn đoàn đúng nghi thức và đúng giờ; bố trí phiên dịch, danh thiếp song ngữ, cờ hai nước tại các buổi làm việc.',
      'Xác nhận lại chương trình, thành phần và nhu cầu riêng của khách (ăn uống, đi lại) trước khi đoàn đến.',
    ],
  },
  en: {
    title: (visitors: string, home: string) => `Briefing pack for receiving the delegation of ${visitors} in ${home}`.toLocaleUpperCase('en'),
    fileBase: 'Briefing-pack-receiving',
    purpose: 'Purpose of the visit',
    visitors: 'Visiting delegation',
    hosts: 'Our side receiving the delegation',
    hostRole: 'Role',
    protocol: [
      'Welcome and see the delegation off with due ceremony and on time; arrange interpreters, bilingual business cards and both flags at each meeting.',
      "Confirm the programme, the guests' party and their own needs (diet, transport) before they arrive.",
    ],
  },
} as const

/** "tỉnh Yamanashi (Nhật Bản)" / "Yamanashi Prefecture (Japan)": where the visitors come from. */
export function visitorsName(d: BriefData, lang: Lang): string {
  const names = d.destinations.map((x) => `${placeInSentence(x, lang)}${x.country !== 'VN' ? ` (${labelOf(COUNTRIES, x.country, lang)})` : ''}`)
  return names.join(', ') || '…'
}

/** The delegation section of a visit in: the visitors (the trip's members), then our hosts. */
export function incomingDelegation(d: BriefData, lang: Lang, members: Block): Block[] {
  const W = INCOMING_TEXT[lang]
  const hosts: Block = {
    type: 'table',
    header: (members as Extract<Block, { type: 'table' }>).header.slice(0, 3).concat(W.hostRole),
    widths: [6, 30, 40, 24],
    rows: d.trip.hosts.map((h, i) => [String(i + 1), h.name || '—', h.title ?? '', labelOf(HOST_ROLES, h.role, lang)]),
  }
  return [{ type: 'heading', text: W.visitors }, members, { type: 'heading', text: W.hosts }, hosts]
}
