/**
 * Enumerations with their Vietnamese and English labels. Values are stored; labels are
 * shown. Japan is the first partner country, not the only one: nothing here assumes it.
 */
export interface Label {
  vi: string
  en: string
}

const keysOf = <T extends Record<string, Label>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]

export const COUNTRIES = {
  VN: { vi: 'Việt Nam', en: 'Viet Nam' },
  JP: { vi: 'Nhật Bản', en: 'Japan' },
  KR: { vi: 'Hàn Quốc', en: 'Republic of Korea' },
  CN: { vi: 'Trung Quốc', en: 'China' },
  LA: { vi: 'Lào', en: 'Laos' },
  KH: { vi: 'Campuchia', en: 'Cambodia' },
  TH: { vi: 'Thái Lan', en: 'Thailand' },
  SG: { vi: 'Xinh-ga-po', en: 'Singapore' },
  US: { vi: 'Hoa Kỳ', en: 'United States' },
  FR: { vi: 'Pháp', en: 'France' },
  DE: { vi: 'Đức', en: 'Germany' },
  AU: { vi: 'Ô-xtơ-rây-li-a', en: 'Australia' },
} satisfies Record<string, Label>

export const LOCALITY_LEVELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province / prefecture' },
  municipality: { vi: 'Thành phố, thị xã, xã', en: 'Municipality' },
  region: { vi: 'Vùng', en: 'Region' },
} satisfies Record<string, Label>
export const localityLevels = keysOf(LOCALITY_LEVELS)

export const ORGANIZATION_KINDS = {
  agency: { vi: 'Cơ quan, tổ chức nhà nước', en: 'Government agency' },
  business_association: { vi: 'Hiệp hội doanh nghiệp', en: 'Business association' },
  company: { vi: 'Doanh nghiệp', en: 'Company' },
  university: { vi: 'Trường đại học, viện', en: 'University / institute' },
  embassy: { vi: 'Cơ quan đại diện ngoại giao', en: 'Embassy / consulate' },
  international: { vi: 'Tổ chức, khuôn khổ quốc tế', en: 'International body' },
  other: { vi: 'Khác', en: 'Other' },
} satisfies Record<string, Label>
export const organizationKinds = keysOf(ORGANIZATION_KINDS)

export const AGREEMENT_KINDS = {
  mou: { vi: 'Bản ghi nhớ (MOU)', en: 'Memorandum of understanding' },
  cooperation_agreement: { vi: 'Thỏa thuận hợp tác', en: 'Cooperation agreement' },
  loi: { vi: 'Ý định thư (LOI)', en: 'Letter of intent' },
  joint_statement: { vi: 'Tuyên bố chung', en: 'Joint statement' },
  minutes: { vi: 'Biên bản', en: 'Minutes' },
  cooperation_plan: { vi: 'Chương trình, kế hoạch hợp tác', en: 'Cooperation programme / plan' },
  sister: { vi: 'Kết nghĩa', en: 'Sister relationship' },
  friendship: { vi: 'Quan hệ hữu nghị', en: 'Friendship relationship' },
  investment_certificate: { vi: 'Giấy chứng nhận đầu tư', en: 'Investment certificate' },
  oda_note: { vi: 'Công hàm ODA', en: 'ODA exchange of notes' },
  other: { vi: 'Khác', en: 'Other' },
} satisfies Record<string, Label>
export const agreementKinds = keysOf(AGREEMENT_KINDS)

export const AGREEMENT_STATUSES = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  negotiating: { vi: 'Đang đàm phán', en: 'Negotiating' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  in_force: { vi: 'Đang hiệu lực', en: 'In force' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  terminated: { vi: 'Đã chấm dứt', en: 'Terminated' },
} satisfies Record<string, Label>
export const agreementStatuses = keysOf(AGREEMENT_STATUSES)

export const PARTY_SIDES = {
  home: { vi: 'Phía Việt Nam', en: 'Vietnamese side' },
  partner: { vi: 'Phía đối tác', en: 'Partner side' },
} satisfies Record<string, Label>
export const partySides = keysOf(PARTY_SIDES)

export const COMMITMENT_STATUSES = {
  open: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Hủy bỏ', en: 'Cancelled' },
} satisfies Record<string, Label>
export const commitmentStatuses = keysOf(COMMITMENT_STATUSES)

export const ENGAGEMENT_KINDS = {
  visit_out: { vi: 'Đoàn ra', en: 'Outgoing visit' },
  visit_in: { vi: 'Đoàn vào', en: 'Incoming visit' },
  meeting: { vi: 'Làm việc, hội đàm', en: 'Meeting' },
  forum: { vi: 'Diễn đàn, hội nghị', en: 'Forum / conference' },
  call: { vi: 'Điện đàm, trực tuyến', en: 'Call / online' },
} satisfies Record<string, Label>
export const engagementKinds = keysOf(ENGAGEMENT_KINDS)

export const FACT_SCOPES = {
  country: { vi: 'Quốc gia', en: 'Country' },
  locality: { vi: 'Địa phương', en: 'Locality' },
  pair: { vi: 'Cặp quan hệ', en: 'Pair' },
} satisfies Record<string, Label>
export const factScopes = keysOf(FACT_SCOPES)

export const SEARCH_KINDS = {
  locality: { vi: 'Địa phương', en: 'Localities' },
  organization: { vi: 'Tổ chức', en: 'Organizations' },
  person: { vi: 'Nhân vật', en: 'People' },
  agreement: { vi: 'Văn kiện', en: 'Agreements' },
  engagement: { vi: 'Hoạt động', en: 'Engagements' },
  trip: { vi: 'Đoàn công tác', en: 'Delegations' },
  itineraryItem: { vi: 'Mục chương trình', en: 'Programme items' },
  snippet: { vi: 'Luận điểm', en: 'Talking points' },
} satisfies Record<string, Label>
export const searchKinds = keysOf(SEARCH_KINDS)

/** The kinds of what the brief builder and the CLI ask the officer to check (briefs/attention.ts), as a group's heading. */
export const BRIEF_WARNING_KINDS = {
  no_members: { vi: 'Đoàn chưa có thành viên', en: 'No members yet' },
  outside_dates: { vi: 'Ngoài thời gian chuyến công tác', en: "Outside the trip's dates" },
  weekend_meeting: { vi: 'Làm việc vào cuối tuần', en: 'Meetings at a weekend' },
  deleted_counterpart: { vi: 'Đối tác đã bị xóa', en: 'Deleted counterparts' },
  missing_bio: { vi: 'Chưa có tiểu sử', en: 'Missing biographies' },
  former_counterpart: { vi: 'Đối tác đã hết nhiệm kỳ', en: 'Counterparts whose term ended' },
  status_disagrees: { vi: 'Tình trạng văn kiện không khớp ngày hiệu lực', en: 'Status contradicts validity dates' },
  overdue_commitment: { vi: 'Cam kết quá hạn', en: 'Overdue commitments' },
  report_not_sent: { vi: 'Chưa báo cáo Thủ tướng', en: 'Not reported to the Prime Minister' },
  copy_not_sent: { vi: 'Chưa gửi bản sao Bộ Ngoại giao', en: 'Not copied to MOFA' },
  report_late: { vi: 'Báo cáo Thủ tướng gửi chậm', en: 'Reports sent late' },
  expiring: { vi: 'Văn kiện sắp hết hiệu lực', en: 'Agreements expiring soon' },
  stale_figure: { vi: 'Số liệu đã cũ', en: 'Old figures' },
  undated_figure: { vi: 'Số liệu chưa ghi ngày', en: 'Undated figures' },
} satisfies Record<string, Label>
export type BriefWarningKind = keyof typeof BRIEF_WARNING_KINDS

export type Lang = 'vi' | 'en'

/** Label of an enumeration value in a language, or the value itself when unknown. */
export function labelOf(table: Record<string, Label>, value: string | null | undefined, lang: Lang = 'vi'): string {
  if (!value) return ''
  return table[value]?.[lang] ?? value
}

export type LocalityLevel = (typeof localityLevels)[number]
export type OrganizationKind = (typeof organizationKinds)[number]
export type AgreementKind = (typeof agreementKinds)[number]
export type AgreementStatus = (typeof agreementStatuses)[number]
export type PartySide = (typeof partySides)[number]
export type CommitmentStatus = (typeof commitmentStatuses)[number]
export type EngagementKind = (typeof engagementKinds)[number]
export type FactScope = (typeof factScopes)[number]

export const MEMBER_ROLES = {
  head: { vi: 'Trưởng đoàn', en: 'Head of delegation' },
  deputy: { vi: 'Phó trưởng đoàn', en: 'Deputy head' },
  member: { vi: 'Thành viên', en: 'Member' },
  secretary: { vi: 'Thư ký đoàn', en: 'Secretary' },
  interpreter: { vi: 'Phiên dịch', en: 'Interpreter' },
} satisfies Record<string, Label>
export const memberRoles = keysOf(MEMBER_ROLES)
export type MemberRole = (typeof memberRoles)[number]

export const ITEM_KINDS = {
  meeting: { vi: 'Làm việc, hội đàm', en: 'Meeting' },
  site_visit: { vi: 'Khảo sát, thăm cơ sở', en: 'Site visit' },
  forum: { vi: 'Diễn đàn, hội nghị', en: 'Forum / conference' },
  travel: { vi: 'Di chuyển', en: 'Travel' },
  meal: { vi: 'Chiêu đãi, ăn làm việc', en: 'Meal' },
} satisfies Record<string, Label>
export const itemKinds = keysOf(ITEM_KINDS)
export type ItemKind = (typeof itemKinds)[number]

// ---- issue 14: delegations received (incoming) --------------------------------------------
/** A trip out is a delegation we send; a trip in, a delegation we receive. */
export const TRIP_DIRECTIONS = {
  out: { vi: 'Đoàn ra', en: 'Outgoing' },
  in: { vi: 'Đoàn vào', en: 'Incoming' },
} satisfies Record<string, Label>
export const tripDirections = keysOf(TRIP_DIRECTIONS)
export type TripDirection = (typeof tripDirections)[number]

/** Our side's part in receiving a delegation. */
export const HOST_ROLES = {
  chair: { vi: 'Chủ trì tiếp đoàn', en: 'Chairs the reception' },
  co_host: { vi: 'Cùng tiếp đoàn', en: 'Co-host' },
  attendee: { vi: 'Tham dự', en: 'Attends' },
  liaison: { vi: 'Đầu mối liên lạc', en: 'Liaison officer' },
  interpreter: { vi: 'Phiên dịch', en: 'Interpreter' },
} satisfies Record<string, Label>
export const hostRoles = keysOf(HOST_ROLES)
export type HostRole = (typeof hostRoles)[number]
