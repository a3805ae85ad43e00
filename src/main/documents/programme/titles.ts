/**
 * Our side's titles in the other side's language: a small table of the titles a province's
 * leaders and departments hold, in English and Japanese. A title is read in its parts
 * ("Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Thanh Hóa": two titles of one province); the
 * province's name stays in Latin script with its diacritics in both languages, as a
 * Vietnamese name does. A part the table does not know is kept as typed and reported, so
 * the officer can word it before the document goes out.
 */
import type { ProgrammeLanguage } from '../../../shared/domain/programme.ts'
import { fold } from '../../../shared/text/fold.ts'

interface Words {
  /** The title of the province: "Vice Chairman of the People's Committee" (+ " of Thanh Hóa Province"). */
  en: string
  /** The title after the province: "人民委員会副委員長" ("Thanh Hóa省" before it). */
  ja: string
  /** A post of the province ("Giám đốc Sở Ngoại vụ"), written with it; not an interpreter. */
  provincial: boolean
}

/** Folded Vietnamese title (without the province) -> its words. */
const TITLES = new Map<string, Words>(
  (
    [
      ['Chủ tịch UBND tỉnh', "Chairman of the People's Committee", '人民委員会委員長'],
      ['Phó Chủ tịch UBND tỉnh', "Vice Chairman of the People's Committee", '人民委員会副委員長'],
      ['Chủ tịch HĐND tỉnh', "Chairman of the People's Council", '人民評議会議長'],
      ['Phó Chủ tịch HĐND tỉnh', "Vice Chairman of the People's Council", '人民評議会副議長'],
      ['Bí thư Tỉnh ủy', 'Secretary of the Party Committee', '党委員会書記'],
      ['Phó Bí thư Tỉnh ủy', 'Deputy Secretary of the Party Committee', '党委員会副書記'],
      ['Tỉnh ủy viên', 'Member of the Party Committee', '党委員会委員'],
      ['Ủy viên UBND tỉnh', "Member of the People's Committee", '人民委員会委員'],
      ['Chánh Văn phòng UBND tỉnh', "Chief of the Office of the People's Committee", '人民委員会事務局長'],
      ['Giám đốc Sở Ngoại vụ', 'Director of the Department of Foreign Affairs', '外務局長'],
      ['Phó Giám đốc Sở Ngoại vụ', 'Deputy Director of the Department of Foreign Affairs', '外務局副局長'],
      ['Trưởng phòng Sở Ngoại vụ', 'Head of Division, Department of Foreign Affairs', '外務局課長'],
      ['Chuyên viên Sở Ngoại vụ', 'Officer, Department of Foreign Affairs', '外務局職員'],
      ['Giám đốc Sở Công Thương', 'Director of the Department of Industry and Trade', '商工局長'],
      ['Giám đốc Sở Tài chính', 'Director of the Department of Finance', '財政局長'],
      ['Giám đốc Sở Nông nghiệp và Môi trường', 'Director of the Department of Agriculture and Environment', '農業環境局長'],
      ['Giám đốc Sở Văn hóa, Thể thao và Du lịch', 'Director of the Department of Culture, Sports and Tourism', '文化・スポーツ・観光局長'],
      ['Giám đốc Sở Giáo dục và Đào tạo', 'Director of the Department of Education and Training', '教育訓練局長'],
      ['Giám đốc Sở Khoa học và Công nghệ', 'Director of the Department of Science and Technology', '科学技術局長'],
      ['Giám đốc Sở Y tế', 'Director of the Department of Health', '保健局長'],
      ['Giám đốc Sở Xây dựng', 'Director of the Department of Construction', '建設局長'],
      ['Giám đốc Sở Nội vụ', 'Director of the Department of Home Affairs', '内務局長'],
      ['Trưởng ban Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp', 'Head of the Management Board of Nghi Son Economic Zone and Industrial Parks', 'ギソン経済区・工業団地管理委員会委員長'],
      ['Phiên dịch viên', 'Interpreter', '通訳', false],
      ['Phiên dịch', 'Interpreter', '通訳', false],
      // Departments named as a member's or host's post ("Sở Ngoại vụ tỉnh Thanh Hóa").
      ['Sở Ngoại vụ', 'Department of Foreign Affairs', '外務局'],
      ['Sở Công Thương', 'Department of Industry and Trade', '商工局'],
      ['Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', '農業環境局'],
      ['Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism', '文化・スポーツ・観光局'],
      ['Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp', 'Management Board of Nghi Son Economic Zone and Industrial Parks', 'ギソン経済区・工業団地管理委員会'],
      ['Văn phòng UBND tỉnh', "Office of the People's Committee", '人民委員会事務局'],
    ] as Array<[string, string, string, boolean?]>
  ).map(([vi, en, ja, provincial = true]) => [key(vi), { en, ja, provincial }]),
)

/** Folded, with the long and short forms of the provincial bodies made one. */
function key(title: string): string {
  return fold(title)
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd')
    .replace(/\bban quan ly kkt\b/g, 'ban quan ly khu kinh te')
    .replace(/\bcac kcn\b/g, 'cac khu cong nghiep')
    .replace(/\s+/g, ' ')
    .trim()
}

/** " tỉnh Thanh Hóa" / " Thanh Hóa" at the end of a title: the province it is of. */
const PROVINCE_AT_END = /\s+(?:tỉnh|thành phố)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*)\s*$/u

export interface TitleWording {
  text: string
  /** The parts the table did not know, as typed. */
  unknown: string[]
}

/**
 * "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Thanh Hóa" ->
 * "Member of the Party Committee and Vice Chairman of the People's Committee of Thanh Hóa Province" /
 * "Thanh Hóa省党委員会委員、人民委員会副委員長". `home`: the province a title without one is of.
 */
export function translateTitle(title: string | null, lang: ProgrammeLanguage, home: string | null, { short = false } = {}): TitleWording {
  if (!title?.trim()) return { text: '', unknown: [] }
  const typed = title.normalize('NFC').trim()
  const at = PROVINCE_AT_END.exec(typed)
  // `short`: within our own province's programme ("Attending from our side"), the province goes without saying.
  const province = short ? null : (at?.[1] ?? home)
  const body = at ? typed.slice(0, at.index) : typed
  const lookup = (p: string) => TITLES.get(key(p)) ?? TITLES.get(`${key(p)} tinh`) ?? null
  // A title whose own name has a comma ("Sở Văn hóa, Thể thao và Du lịch") is one part.
  const parts = lookup(body) ? [body] : body.split(/\s*[,;]\s*(?=\p{Lu})/u).filter(Boolean)
  const words = parts.map(lookup)
  const unknown = parts.filter((_, i) => !words[i])
  if (unknown.length) return { text: typed, unknown }
  const known = words as Words[]
  if (!known.some((w) => w.provincial)) return { text: known.map((w) => w[lang]).join(lang === 'ja' ? '、' : ', '), unknown }
  if (lang === 'ja') return { text: `${province ? `${province}省` : '省'}${known.map((w) => w.ja).join('、')}`, unknown }
  const joined = known.length > 1 ? `${known.slice(0, -1).map((w) => w.en).join(', ')} and ${known.at(-1)!.en}` : known[0]!.en
  return { text: province ? `${joined} of ${province} Province` : joined, unknown }
}
