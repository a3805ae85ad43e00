/**
 * How the programme for the other side writes dates, times and its labels in English and
 * Japanese: "Saturday, 13 March 2027" / "2027年3月13日（土）".
 */
import type { HostRole, MemberRole } from '../../../shared/domain/labels.ts'
import type { ProgrammeLanguage } from '../../../shared/domain/programme.ts'

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土']

const parts = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() }
}

/** "Saturday, 13 March 2027" / "2027年3月13日（土）". */
export function dayText(iso: string, lang: ProgrammeLanguage): string {
  const { y, m, d, weekday } = parts(iso)
  return lang === 'ja' ? `${y}年${m}月${d}日（${JA_DAYS[weekday]}）` : `${EN_DAYS[weekday]}, ${d} ${EN_MONTHS[m - 1]} ${y}`
}

/** "1 February 2027" / "2027年2月1日": a date without its weekday. */
export function dateText(iso: string, lang: ProgrammeLanguage): string {
  const { y, m, d } = parts(iso)
  return lang === 'ja' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`
}

/** The trip's days: "Friday, 12 March 2027 – Sunday, 14 March 2027" / "2027年3月12日（金）～3月14日（日）". */
export function daysText(from: string, to: string, lang: ProgrammeLanguage): string {
  if (from === to) return dayText(from, lang)
  if (lang === 'en') return `${dayText(from, lang)} – ${dayText(to, lang)}`
  const a = parts(from)
  const b = parts(to)
  const end = a.y === b.y ? `${b.m}月${b.d}日（${JA_DAYS[b.weekday]}）` : dayText(to, lang)
  return `${dayText(from, lang)}～${end}`
}

/** "09:00–10:30", or the start alone when the item has no end that day. */
export function timeText(start: string, end: string | null): string {
  const from = start.slice(11, 16)
  return end && end.slice(0, 10) === start.slice(0, 10) && end > start ? `${from}–${end.slice(11, 16)}` : from
}

export const MEMBER_ROLE_WORDS: Record<MemberRole, Record<ProgrammeLanguage, string>> = {
  head: { en: 'Head of delegation', ja: '団長' },
  deputy: { en: 'Deputy head of delegation', ja: '副団長' },
  member: { en: 'Member', ja: '団員' },
  secretary: { en: 'Secretary', ja: '秘書' },
  interpreter: { en: 'Interpreter', ja: '通訳' },
}

export const HOST_ROLE_WORDS: Record<HostRole, Record<ProgrammeLanguage, string>> = {
  chair: { en: 'Chairs the reception', ja: '接見主催' },
  co_host: { en: 'Co-host', ja: '共同接見' },
  attendee: { en: 'Attends', ja: '出席' },
  liaison: { en: 'Liaison officer', ja: '連絡担当' },
  interpreter: { en: 'Interpreter', ja: '通訳' },
}

export const PROGRAMME_TEXT = {
  en: {
    agency: (province: string) => [`PEOPLE'S COMMITTEE OF ${province.toLocaleUpperCase('vi')} PROVINCE`, 'DEPARTMENT OF FOREIGN AFFAIRS'],
    titleIn: (from: string, home: string) => `Programme of the visit of the delegation of ${from} to ${home} Province`.toLocaleUpperCase('vi'),
    titleOut: (home: string, to: string) => `Proposed programme of the visit of the delegation of ${home} Province to ${to}`.toLocaleUpperCase('vi'),
    programme: 'Programme',
    requested: 'Programme requested of the host',
    participants: 'Participants from our side',
    members: 'Members of the delegation',
    programmeHeader: ['Time', 'Programme', 'Venue', 'Attending from our side'],
    requestHeader: ['Time', 'Programme', 'Venue', 'Our request'],
    peopleHeader: ['No.', 'Name', 'Title', 'Role'],
    placeDate: (place: string, date: string) => `${place}, ${date}`,
    introIn: (from: string, home: string) => `${home} Province is honoured to welcome the delegation of ${from}. The programme of the visit is as follows.`,
    introOut: (home: string, to: string) =>
      `The delegation of ${home} Province respectfully submits to ${to} the list of its members and the programme it would like to carry out during its visit, for the host's consideration and arrangement.`,
  },
  ja: {
    agency: (province: string) => [`${province}省人民委員会`, '外務局'],
    titleIn: (from: string, home: string) => `${from}代表団 ${home}省訪問日程`,
    titleOut: (home: string, to: string) => `${home}省代表団 ${to}訪問日程（案）`,
    programme: '日程',
    requested: '訪問日程（ご依頼事項）',
    participants: '当方出席者',
    members: '代表団名簿',
    programmeHeader: ['時間', '内容', '場所', '当方出席者'],
    requestHeader: ['時間', '内容', '場所', 'ご依頼事項'],
    peopleHeader: ['No.', '氏名', '役職', '役割'],
    placeDate: (place: string, date: string) => `${date} ${place}`,
    introIn: (from: string, home: string) => `${home}省は${from}代表団の訪問を心より歓迎いたします。訪問日程は以下のとおりです。`,
    introOut: (home: string, to: string) => `${home}省代表団の名簿及び訪問中に希望する日程を下記のとおりお送りいたします。ご検討とご手配をよろしくお願い申し上げます。`,
  },
} as const
