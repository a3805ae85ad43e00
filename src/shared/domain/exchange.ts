/** What a spreadsheet can bring in: one list for the contract, the import code and the wizard. */
export const importKinds = ['partners', 'people', 'agreements', 'commitments'] as const
export type ImportKind = (typeof importKinds)[number]

/**
 * What a sheet's text may need converting from, to Unicode: the old Vietnamese encodings
 * TCVN3 (ABC) and VNI, or UTF-8 read as Windows-1252 ("TÃªn" for "Tên").
 */
export const textEncodings = ['tcvn3', 'vni', 'utf8-as-cp1252'] as const
export type TextEncoding = (typeof textEncodings)[number]

/**
 * The fields a sheet of each kind can fill, as the wizard and the import report name them
 * (the import code holds the headers that map to each).
 */
export const IMPORT_FIELD_LABELS: Record<ImportKind, Record<string, { vi: string; en: string }>> = {
  partners: {
    nameVi: { vi: 'Tên tổ chức', en: 'Name' },
    nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
    nameNative: { vi: 'Tên bản ngữ', en: 'Native name' },
    abbreviation: { vi: 'Tên viết tắt', en: 'Abbreviation' },
    kind: { vi: 'Loại', en: 'Kind' },
    country: { vi: 'Quốc gia', en: 'Country' },
    locality: { vi: 'Địa phương', en: 'Locality' },
    website: { vi: 'Trang thông tin', en: 'Website' },
    notes: { vi: 'Ghi chú', en: 'Notes' },
  },
  people: {
    fullName: { vi: 'Họ và tên', en: 'Full name' },
    familyName: { vi: 'Họ', en: 'Family name' },
    givenName: { vi: 'Tên', en: 'Given name' },
    nativeName: { vi: 'Tên bản ngữ', en: 'Native name' },
    title: { vi: 'Chức vụ', en: 'Title' },
    organization: { vi: 'Cơ quan', en: 'Organization' },
    locality: { vi: 'Địa phương', en: 'Locality' },
    country: { vi: 'Quốc gia', en: 'Country' },
    phone: { vi: 'Điện thoại', en: 'Phone' },
    email: { vi: 'Thư điện tử', en: 'E-mail' },
    bio: { vi: 'Tiểu sử', en: 'Biography' },
  },
  agreements: {
    titleVi: { vi: 'Tên văn kiện', en: 'Title' },
    kind: { vi: 'Loại văn kiện', en: 'Kind of agreement' },
    signedDate: { vi: 'Ngày ký', en: 'Date signed' },
    signedPlace: { vi: 'Nơi ký', en: 'Place signed' },
    status: { vi: 'Tình trạng', en: 'Status' },
    homeParty: { vi: 'Bên Việt Nam', en: 'Vietnamese party' },
    partnerParty: { vi: 'Bên đối tác', en: 'Partner party' },
    sectors: { vi: 'Lĩnh vực', en: 'Sectors' },
    validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
    validUntil: { vi: 'Hiệu lực đến', en: 'Valid until' },
    summary: { vi: 'Nội dung chính', en: 'Summary' },
  },
  commitments: {
    action: { vi: 'Nội dung cam kết', en: 'Commitment' },
    agreement: { vi: 'Văn kiện', en: 'Agreement' },
    agreementSignedDate: { vi: 'Ngày ký văn kiện', en: 'Date the agreement was signed' },
    owner: { vi: 'Đơn vị thực hiện', en: 'Responsible unit' },
    dueDate: { vi: 'Hạn hoàn thành', en: 'Due date' },
    status: { vi: 'Tình trạng', en: 'Status' },
    notes: { vi: 'Ghi chú', en: 'Notes' },
  },
}

export function importFieldLabel(kind: string, key: string, lang: 'vi' | 'en'): string {
  return IMPORT_FIELD_LABELS[kind as ImportKind]?.[key]?.[lang] ?? key
}
