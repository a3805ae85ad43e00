/** Fixed wording of the brief in Vietnamese and English. */
import type { Lang } from '../../shared/domain/labels.ts'

export const BRIEF_TEXT = {
  vi: {
    nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    title: (home: string, country: string) => `TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC CỦA ${home} TẠI ${country}`.toLocaleUpperCase('vi'),
    dates: (from: string, to: string) => (from === to ? `(Ngày ${from})` : `(Từ ngày ${from} đến ngày ${to})`),
    purpose: 'Mục đích chuyến công tác',
    keyMeetings: 'Các cuộc làm việc chính',
    asks: 'Các đề nghị chính với phía bạn',
    keyFigures: 'Số liệu chính',
    openIssues: 'Vấn đề cần lưu ý',
    objectives: 'Mục tiêu',
    members: 'Thành phần đoàn',
    no: 'TT',
    name: 'Họ và tên',
    position: 'Chức vụ',
    role: 'Nhiệm vụ trong đoàn',
    day: 'Ngày',
    time: 'Thời gian',
    activity: 'Nội dung',
    place: 'Địa điểm',
    counterparts: 'Đối tác',
    basicInfo: 'Thông tin cơ bản',
    nativeName: 'Tên gọi',
    region: 'Vùng',
    capital: 'Thủ phủ',
    area: 'Diện tích',
    population: 'Dân số',
    gdp: 'GRDP',
    leader: 'Lãnh đạo',
    industries: 'Ngành thế mạnh',
    relations: 'Quan hệ với Việt Nam và với tỉnh',
    organizations: 'Cơ quan, doanh nghiệp',
    notes: 'Ghi chú',
    counterpartBios: 'Thành phần phía bạn',
    attendees: 'Thành phần phía ta',
    meetingPurpose: 'Mục đích',
    history: 'Quá trình quan hệ',
    previousGifts: 'Quà tặng trước đây',
    talkingPoints: 'Nội dung trao đổi',
    meetingAsks: 'Đề nghị',
    offers: 'Phía ta có thể đáp ứng',
    sensitivities: 'Vấn đề nhạy cảm, cần lưu ý',
    logistics: 'Hậu cần',
    agreement: 'Văn kiện',
    parties: 'Các bên',
    signed: 'Ngày ký',
    status: 'Tình trạng',
    implementation: 'Thực hiện',
    overdueList: 'Cam kết quá hạn',
    openCount: (n: number, overdue: number) => (n ? `${n} việc đang mở${overdue ? `, ${overdue} quá hạn` : ''}` : 'Không có việc tồn đọng'),
    protocolGeneral: 'Lưu ý chung',
    protocolPeople: 'Lưu ý với từng đối tác',
    annexFacts: 'Phụ lục 1. Số liệu chính',
    annexContacts: 'Phụ lục 2. Danh sách liên hệ',
    annexSources: 'Phụ lục 3. Nguồn tài liệu',
    indicator: 'Chỉ tiêu',
    value: 'Giá trị',
    asOf: 'Tại ngày',
    source: 'Nguồn',
    organization: 'Cơ quan',
    none: 'Chưa có thông tin.',
    overdueSuffix: 'quá hạn từ',
    noDate: 'chưa có ngày',
    asOfShort: 'số liệu tại',
    circulation: 'LƯU HÀNH NỘI BỘ',
    contact: 'Liên hệ',
    phone: 'Điện thoại',
    email: 'Thư điện tử',
    figures: 'Số liệu',
    staleMark: 'số liệu cũ',
    historySeeAbove: (n: number, title: string) => `Xem mục ${n} (${title}).`,
    formerNote: (name: string, title: string, until: string) => `${name} không còn giữ chức ${title} (đến ${until}).`,
    notYetNote: (name: string, title: string, from: string) => `${name} nhận chức ${title} từ ${from}.`,
    agreementLine: (title: string, parties: string | null, signed: string, state: string) => `${title}${parties ? ` – ${parties}` : ''}${signed ? `, ký ngày ${signed}` : ''}: ${state.charAt(0).toLocaleLowerCase('vi') + state.slice(1)}.`,
    commitmentLine: (action: string, state: string) => `${action} (${state})`,
    overdueBy: (due: string, days: number) => `quá hạn ${days} ngày, hạn ${due}`,
    dueOn: (due: string) => `hạn ${due}`,
    // What the leader must know, worded for the leader.
    note: {
      expired: (title: string, parties: string | null, until: string) => `${title}${parties ? ` – ${parties}` : ''}: đã hết hiệu lực từ ngày ${until}.`,
      expiresDuring: (title: string, until: string) => `${title}: hết hiệu lực ngày ${until}, trong thời gian đoàn công tác.`,
      expiresBefore: (title: string, until: string) => `${title}: hết hiệu lực ngày ${until}, trước khi đoàn khởi hành.`,
      expiresSoon: (title: string, until: string) => `${title}: hết hiệu lực ngày ${until}, ngay sau chuyến công tác.`,
      overdueOne: (action: string, title: string, due: string, days: number) => `Việc “${action}” theo ${title} đã quá hạn ${days} ngày (hạn ${due}).`,
      overdueMany: (title: string, items: string[]) => `${title}: ${items.length} việc đã quá hạn – ${items.join('; ')}.`,
      unreported: (title: string, signed: string, what: string, due: string, days: number) => `${title}, ký ngày ${signed}, ${what}; hạn là ngày ${due} (đã quá ${days} ngày).`,
      pmNotSent: 'chưa được báo cáo Thủ tướng Chính phủ',
      mofaNotSent: 'chưa gửi bản sao cho Bộ Ngoại giao',
      both: 'chưa được báo cáo Thủ tướng Chính phủ và chưa gửi bản sao cho Bộ Ngoại giao',
      former: (name: string, title: string, until: string) => `${name} không còn giữ chức ${title} từ sau ngày ${until}.`,
      stale: (label: string, place: string, asOf: string) => `Số liệu “${label}”${place ? ` của ${place}` : ''} là số liệu tại ngày ${asOf}, đã cũ hơn hai năm.`,
      staleSameDay: (asOf: string, labels: string[]) => `Các số liệu sau là số liệu tại ngày ${asOf}, đã cũ hơn hai năm: ${labels.join('; ')}.`,
      staleMany: (items: string[]) => `Các số liệu sau đã cũ hơn hai năm: ${items.join('; ')}.`,
    },
  },
  en: {
    nationalName: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence – Freedom – Happiness',
    title: (home: string, country: string) => `BRIEFING PACK FOR THE DELEGATION OF ${home} TO ${country}`.toLocaleUpperCase('en'),
    dates: (from: string, to: string) => (from === to ? `(${from})` : `(${from} to ${to})`),
    purpose: 'Purpose of the visit',
    keyMeetings: 'Key meetings',
    asks: 'Main requests to the partner',
    keyFigures: 'Key figures',
    openIssues: 'Points to note',
    objectives: 'Objectives',
    members: 'Delegation members',
    no: 'No.',
    name: 'Name',
    position: 'Position',
    role: 'Role',
    day: 'Date',
    time: 'Time',
    activity: 'Activity',
    place: 'Place',
    counterparts: 'Counterparts',
    basicInfo: 'Basic information',
    nativeName: 'Name',
    region: 'Region',
    capital: 'Capital',
    area: 'Area',
    population: 'Population',
    gdp: 'GDP',
    leader: 'Leader',
    industries: 'Key industries',
    relations: 'Relations with Viet Nam and with our province',
    organizations: 'Organizations and companies',
    notes: 'Notes',
    counterpartBios: 'Who they are',
    attendees: 'Our attendees',
    meetingPurpose: 'Purpose',
    history: 'History of relations',
    previousGifts: 'Earlier gifts',
    talkingPoints: 'Talking points',
    meetingAsks: 'Requests',
    offers: 'What we can offer',
    sensitivities: 'Sensitivities',
    logistics: 'Logistics',
    agreement: 'Agreement',
    parties: 'Parties',
    signed: 'Signed',
    status: 'Status',
    implementation: 'Implementation',
    overdueList: 'Overdue commitments',
    openCount: (n: number, overdue: number) => (n ? `${n} open action(s)${overdue ? `, ${overdue} overdue` : ''}` : 'No open actions'),
    protocolGeneral: 'General',
    protocolPeople: 'Per counterpart',
    annexFacts: 'Annex 1. Key figures',
    annexContacts: 'Annex 2. Contact list',
    annexSources: 'Annex 3. Sources',
    indicator: 'Indicator',
    value: 'Value',
    asOf: 'As of',
    source: 'Source',
    organization: 'Organization',
    none: 'No information yet.',
    overdueSuffix: 'overdue since',
    noDate: 'no date',
    asOfShort: 'as of',
    circulation: 'FOR INTERNAL CIRCULATION',
    contact: 'Contact',
    phone: 'Telephone',
    email: 'E-mail',
    figures: 'Figures',
    staleMark: 'old figure',
    historySeeAbove: (n: number, title: string) => `See outline ${n} (${title}).`,
    formerNote: (name: string, title: string, until: string) => `${name} no longer holds the post of ${title} (until ${until}).`,
    notYetNote: (name: string, title: string, from: string) => `${name} takes up the post of ${title} on ${from}.`,
    agreementLine: (title: string, parties: string | null, signed: string, state: string) => `${title}${parties ? ` – ${parties}` : ''}${signed ? `, signed ${signed}` : ''}: ${state.charAt(0).toLowerCase() + state.slice(1)}.`,
    commitmentLine: (action: string, state: string) => `${action} (${state})`,
    overdueBy: (due: string, days: number) => `${days} days overdue, due ${due}`,
    dueOn: (due: string) => `due ${due}`,
    note: {
      expired: (title: string, parties: string | null, until: string) => `${title}${parties ? ` – ${parties}` : ''}: expired on ${until}.`,
      expiresDuring: (title: string, until: string) => `${title}: expires on ${until}, during the visit.`,
      expiresBefore: (title: string, until: string) => `${title}: expires on ${until}, before the delegation leaves.`,
      expiresSoon: (title: string, until: string) => `${title}: expires on ${until}, soon after the visit.`,
      overdueOne: (action: string, title: string, due: string, days: number) => `"${action}" under ${title} is ${days} days overdue (due ${due}).`,
      overdueMany: (title: string, items: string[]) => `${title}: ${items.length} actions overdue – ${items.join('; ')}.`,
      unreported: (title: string, signed: string, what: string, due: string, days: number) => `${title}, signed ${signed}, ${what}; it was due on ${due} (${days} days ago).`,
      pmNotSent: 'has not been reported to the Prime Minister',
      mofaNotSent: 'has not been copied to the Ministry of Foreign Affairs',
      both: 'has not been reported to the Prime Minister nor copied to the Ministry of Foreign Affairs',
      former: (name: string, title: string, until: string) => `${name} no longer holds the post of ${title} (since ${until}).`,
      stale: (label: string, place: string, asOf: string) => `The figure "${label}"${place ? ` for ${place}` : ''} dates from ${asOf}, more than two years ago.`,
      staleSameDay: (asOf: string, labels: string[]) => `These figures date from ${asOf}, more than two years ago: ${labels.join('; ')}.`,
      staleMany: (items: string[]) => `These figures are more than two years old: ${items.join('; ')}.`,
    },
  },
} as const

export type BriefText = (typeof BRIEF_TEXT)[Lang]

/**
 * Protocol notes for visits to Japan (shown when a destination is in Japan). The example
 * of a form of address is taken from the trip's own counterparts (`example`, such as
 * "Thống đốc tỉnh Yamanashi Nagasaki Kotaro").
 */
export const PROTOCOL_JAPAN = {
  vi: (example: string) => [
    'Danh thiếp (meishi): trao và nhận bằng hai tay, mặt chữ hướng về phía người nhận; đặt danh thiếp nhận được lên bàn trong suốt buổi làm việc, không viết lên hay cất ngay.',
    'Đúng giờ: có mặt trước giờ hẹn 5–10 phút; chương trình phía Nhật thường được ấn định chính xác đến từng phút.',
    'Chỗ ngồi: khách ngồi phía xa cửa ra vào (kamiza); chờ chủ nhà mời mới ngồi.',
    'Quà tặng: gói cẩn thận, trao vào cuối buổi, bằng hai tay; tránh bộ bốn món; nên chọn đặc sản địa phương của tỉnh.',
    `Xưng hô: 知事 (chiji) = Thống đốc, ví dụ “${example}”; thêm “-san” khi gọi tên trong giao tiếp; tên người Nhật viết họ trước.`,
    'Cúi chào khi gặp và chia tay; bắt tay nếu phía bạn chủ động.',
  ],
  en: (example: string) => [
    'Business cards (meishi): give and receive with both hands, text facing the recipient; keep received cards on the table during the meeting.',
    'Punctuality: arrive 5–10 minutes early; Japanese programmes are timed to the minute.',
    'Seating: guests sit farthest from the door (kamiza); wait to be invited to sit.',
    'Gifts: wrapped, given at the end with both hands; avoid sets of four; local specialities of our province are best.',
    `Forms of address: 知事 (chiji) = Governor, e.g. "${example}"; add "-san" in conversation; Japanese names family name first.`,
    'Bow when meeting and parting; shake hands if the host offers.',
  ],
} as const

export const PROTOCOL_GENERAL = {
  vi: ['Tìm hiểu trước cách xưng hô, chức danh của đối tác; chuẩn bị danh thiếp song ngữ.', 'Đúng giờ; xác nhận lại chương trình với phía bạn trước mỗi buổi làm việc.'],
  en: ["Check the counterparts' titles and forms of address; bring bilingual business cards.", 'Be punctual; confirm the programme with the host before each meeting.'],
} as const

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Thanh Hóa, ngày 05 tháng 01 năm 2026" / "Thanh Hoa, 5 January 2026". */
export function placeDate(place: string, iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-')
  if (lang === 'en') return `${place ? `${place}, ` : ''}${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`
  // Decree 30: the day takes a leading zero below 10, the month only for 1 and 2 ("tháng 01", "tháng 3").
  const month = Number(m) <= 2 ? m : String(Number(m))
  return `${place ? `${place}, ` : ''}ngày ${d} tháng ${month} năm ${y}`
}

export function dayLabel(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-')
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay()
  if (lang === 'en') return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekday]} ${Number(d)} ${EN_MONTHS[Number(m) - 1]!.slice(0, 3)} ${y}`
  return `${VI_WEEKDAYS[weekday]}, ${d}/${m}/${y}`
}

export function roman(n: number): string {
  const table: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let out = ''
  for (const [value, glyph] of table) {
    while (n >= value) {
      out += glyph
      n -= value
    }
  }
  return out
}
