/**
 * The large register the benchmarks measure: partners, people, agreements with their
 * parties and commitments, engagements with participants, and delegations (one trip per
 * 50 agreements, each with its destination and 8 programme items; a talking point per two
 * trips). Deterministic, so two runs
 * measure the same data; written with prepared statements in one transaction.
 */
import type Database from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'

export interface RegisterSize {
  partners: number
  agreements: number
  engagements: number
}

// A deterministic generator, so two runs measure the same data.
let seed = 42
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!

const FAMILY_VI = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE_VI = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Hoài']
const GIVEN_VI = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Quang', 'Sơn', 'Thắng', 'Trung', 'Tuấn', 'Yến']
const FAMILY_JA = [['Sato', '佐藤'], ['Suzuki', '鈴木'], ['Takahashi', '高橋'], ['Tanaka', '田中'], ['Watanabe', '渡辺'], ['Ito', '伊藤'], ['Yamamoto', '山本'], ['Nakamura', '中村'], ['Kobayashi', '小林'], ['Yamada', '山田']] as const
const GIVEN_JA = [['Hiroshi', '浩'], ['Takashi', '隆'], ['Yuki', '由紀'], ['Kenji', '健二'], ['Akiko', '明子'], ['Ichiro', '一郎'], ['Naoko', '直子'], ['Kotaro', '幸太郎']] as const
const PLACE_VI = ['Phú', 'Hòa', 'Tân', 'An', 'Bình', 'Long', 'Thạnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Xuân', 'Hưng', 'Lộc', 'Đức', 'Quảng', 'Thanh', 'Hải', 'Sơn', 'Hà']
const KANJI = ['山', '川', '田', '中', '大', '小', '本', '野', '原', '島', '松', '井', '木', '村', '沢', '浜', '岡', '崎', '宮', '北']
const ROMAJI: Record<string, string> = { 山: 'yama', 川: 'kawa', 田: 'ta', 中: 'naka', 大: 'o', 小: 'ko', 本: 'moto', 野: 'no', 原: 'hara', 島: 'shima', 松: 'matsu', 井: 'i', 木: 'ki', 村: 'mura', 沢: 'sawa', 浜: 'hama', 岡: 'oka', 崎: 'saki', 宮: 'miya', 北: 'kita' }
const KINDS = ['mou', 'cooperation_agreement', 'loi', 'joint_statement', 'minutes', 'cooperation_plan', 'other']
const STATUSES = ['proposed', 'negotiating', 'signed', 'in_force', 'expired']
const ENG_KINDS = ['visit_out', 'visit_in', 'meeting', 'forum', 'call']

const date = (from: number, to: number) => new Date(from + rand() * (to - from)).toISOString().slice(0, 10)
const t2018 = Date.parse('2018-01-01')
const t2026 = Date.parse('2026-12-31')

/** Writes the register into `sqlite` (Hành Trang's schema, already migrated). */
export function generateRegister(sqlite: Database.Database, N: RegisterSize, origin: string): void {
  seed = 42
  const meta = () => {
    const now = new Date().toISOString()
    return [uuidv7(), now, now, 'bench', origin] as const
  }
  const localityIds: string[] = []
  const orgIds: string[] = []
  const personIds: string[] = []
  sqlite.transaction(() => {
    const loc = sqlite.prepare(
      `INSERT INTO locality (id, created_at, updated_at, updated_by, origin, country, level, designation_vi, name_vi, name_en, name_native, region) VALUES (?, ?, ?, ?, ?, ?, 'municipality', ?, ?, ?, ?, ?)`,
    )
    const org = sqlite.prepare(
      `INSERT INTO organization (id, created_at, updated_at, updated_by, origin, kind, name_vi, name_en, name_native, country, locality_id) VALUES (?, ?, ?, ?, ?, 'company', ?, ?, ?, ?, ?)`,
    )
    const per = sqlite.prepare(
      `INSERT INTO person (id, created_at, updated_at, updated_by, origin, family_name, given_name, family_name_native, given_name_native, name_order, country, title, locality_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'family_first', ?, ?, ?)`,
    )
    const nLoc = Math.round(N.partners * 0.25)
    const nOrg = Math.round(N.partners * 0.25)
    for (let i = 0; i < nLoc; i++) {
      const m = meta()
      if (i % 2) {
        const a = pick(KANJI)
        const b = pick(KANJI)
        const romaji = `${ROMAJI[a]}${ROMAJI[b]}`
        const name = romaji[0]!.toUpperCase() + romaji.slice(1)
        loc.run(...m, 'JP', 'thành phố', `${name} ${i}`, `${name} ${i}`, `${a}${b}市`, 'Kanto')
      } else {
        const name = `${pick(PLACE_VI)} ${pick(PLACE_VI)} ${i}`
        loc.run(...m, 'VN', 'xã', name, null, null, null)
      }
      localityIds.push(m[0])
    }
    for (let i = 0; i < nOrg; i++) {
      const m = meta()
      const jp = i % 2 === 0
      const k = `${pick(KANJI)}${pick(KANJI)}`
      org.run(...m, jp ? `Công ty ${ROMAJI[k[0]!]}${ROMAJI[k[1]!]} ${i}` : `Công ty ${pick(PLACE_VI)} ${pick(PLACE_VI)} ${i}`, null, jp ? `${k}株式会社` : null, jp ? 'JP' : 'VN', pick(localityIds))
      orgIds.push(m[0])
    }
    for (let i = 0; i < N.partners - nLoc - nOrg; i++) {
      const m = meta()
      if (i % 2) {
        const [f, fn] = pick(FAMILY_JA)
        const [g, gn] = pick(GIVEN_JA)
        per.run(...m, f, g, fn, gn, 'JP', 'Giám đốc', pick(localityIds))
      } else {
        per.run(...m, pick(FAMILY_VI), `${pick(MIDDLE_VI)} ${pick(GIVEN_VI)}`, null, null, 'VN', 'Phó Giám đốc Sở', pick(localityIds))
      }
      personIds.push(m[0])
    }

    const agr = sqlite.prepare(
      `INSERT INTO agreement (id, created_at, updated_at, updated_by, origin, kind, title_vi, status, signed_date, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const party = sqlite.prepare(
      `INSERT INTO agreement_party (id, created_at, updated_at, updated_by, origin, agreement_id, side, locality_id, organization_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const com = sqlite.prepare(
      `INSERT INTO commitment (id, created_at, updated_at, updated_by, origin, agreement_id, action, due_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
    )
    const localityName = sqlite.prepare(`SELECT name_vi FROM locality WHERE id = ?`).pluck()
    for (let i = 0; i < N.agreements; i++) {
      const m = meta()
      const home = pick(localityIds)
      const partner = rand() < 0.5 ? { locality: pick(localityIds) } : { organization: pick(orgIds) }
      const partnerName = partner.locality ? (localityName.get(partner.locality) as string) : 'doanh nghiệp'
      agr.run(...m, pick(KINDS), `Bản ghi nhớ hợp tác giữa ${localityName.get(home)} và ${partnerName}`, pick(STATUSES), date(t2018, t2026), 'Hợp tác về nông nghiệp, du lịch, đào tạo nhân lực')
      party.run(...meta(), m[0], 'home', home, null, 0)
      party.run(...meta(), m[0], 'partner', partner.locality ?? null, partner.organization ?? null, 1)
      if (i % 5 === 0) com.run(...meta(), m[0], 'Trao đổi đoàn', date(t2018, t2026))
    }

    const eng = sqlite.prepare(
      `INSERT INTO engagement (id, created_at, updated_at, updated_by, origin, kind, title, start_date, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const part = sqlite.prepare(
      `INSERT INTO engagement_participant (id, created_at, updated_at, updated_by, origin, engagement_id, locality_id, organization_id, person_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (let i = 0; i < N.engagements; i++) {
      const m = meta()
      const where = pick(localityIds)
      eng.run(...m, pick(ENG_KINDS), `Làm việc với ${localityName.get(where)}`, date(t2018, t2026), pick(PLACE_VI))
      part.run(...meta(), m[0], where, null, null, 0)
      part.run(...meta(), m[0], null, pick(orgIds), null, 1)
      part.run(...meta(), m[0], null, null, pick(personIds), 2)
    }

    const trip = sqlite.prepare(`INSERT INTO trip (id, created_at, updated_at, updated_by, origin, title, start_date, end_date, objectives) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const dest = sqlite.prepare(`INSERT INTO trip_destination (trip_id, locality_id, position) VALUES (?, ?, 0)`)
    const item = sqlite.prepare(
      `INSERT INTO itinerary_item (id, created_at, updated_at, updated_by, origin, trip_id, kind, title, start, place, counterparts, talking_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const snip = sqlite.prepare(`INSERT INTO snippet (id, created_at, updated_at, updated_by, origin, title, text, locality_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    const nTrips = Math.round(N.agreements / 50)
    for (let i = 0; i < nTrips; i++) {
      const m = meta()
      const where = pick(localityIds)
      const name = localityName.get(where) as string
      const start = date(t2018, t2026)
      trip.run(...m, `Đoàn công tác làm việc tại ${name} ${i}`, start, start, 'Xúc tiến đầu tư, thương mại; hợp tác nông nghiệp công nghệ cao và đào tạo nhân lực')
      dest.run(m[0], where)
      for (let k = 0; k < 8; k++) {
        const kanji = `${pick(KANJI)}${pick(KANJI)}`
        item.run(...meta(), m[0], 'meeting', `Làm việc với lãnh đạo ${name}`, `${start}T${String(8 + k).padStart(2, '0')}:00`, pick(PLACE_VI), JSON.stringify([{ personId: null, organizationId: null, localityId: where }]), `Đề nghị hợp tác với ${kanji}市 về du lịch và giáo dục`)
      }
      if (i % 2 === 0) snip.run(...meta(), `Tiềm năng hợp tác với ${name}`, 'Cảng biển nước sâu, khu công nghiệp, lao động trẻ; đề nghị kết nối doanh nghiệp hai bên.', where)
    }
  })()
}
