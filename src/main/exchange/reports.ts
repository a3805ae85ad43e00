/**
 * Reports an office sends upward, as .xlsx with Vietnamese headers: the agreements
 * register with its commitments, and the Law on International Agreements 2020 report
 * (agreements signed in a period, with their MOFA and Prime Minister reporting dates,
 * late ones marked).
 */
import ExcelJS from 'exceljs'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, COMMITMENT_STATUSES, labelOf } from '../../shared/domain/labels.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { getAgreement } from '../agreements/queries.ts'
import { listAgreements } from '../agreements/list.ts'
import type { Db } from '../context.ts'
import type { PartyView } from '../../shared/domain/agreements.ts'
import type { CommitmentRegisterRow } from '../../shared/domain/commitments.ts'

const LATE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } }

/** An ISO date as a real Excel date shown dd/mm/yyyy (sortable and filterable in Excel). */
const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null)

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Array<{ header: string; key: string; width: number; date?: boolean }>) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.mergeCells(1, 1, 1, columns.length)
  ws.getCell(1, 1).value = title
  ws.getCell(1, 1).font = { name: 'Times New Roman', bold: true, size: 14 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  const header = ws.getRow(3)
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width
    if (c.date) ws.getColumn(i + 1).numFmt = 'dd/mm/yyyy'
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { name: 'Times New Roman', bold: true, size: 12 }
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
  })
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } }
  const add = (values: unknown[], late = false) => {
    const row = ws.addRow(values)
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: 'Times New Roman', size: 12 }
      cell.alignment = { vertical: 'top', wrapText: true }
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
      if (late) cell.fill = LATE_FILL
    })
    return row
  }
  return { ws, add }
}

const partiesOn = (parties: PartyView[], side: PartyView['side']) =>
  parties
    .filter((p) => p.side === side)
    .map((p) => p.displayName)
    .join('; ')

async function allAgreementIds(db: Db, today: string): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await listAgreements(db, { offset, limit: 1000 }, today)
    ids.push(...page.rows.map((r) => r.id))
    if (ids.length >= page.total || page.rows.length === 0) return ids
  }
}

/** The register's "Cam kết" sheet: it reads straight back in as commitments (import.ts). */
function commitmentSheet(wb: ExcelJS.Workbook, today: string) {
  return sheet(wb, 'Cam kết', `CÁC CAM KẾT, VIỆC CẦN THEO DÕI (đến ngày ${formatDate(today)})`, [
    { header: 'TT', key: 'no', width: 6 },
    { header: 'Văn kiện', key: 'agreement', width: 40 },
    // With the title, tells apart agreements of the same name (yearly plans) when the sheet comes back.
    { header: 'Ngày ký văn kiện', key: 'signed', width: 13, date: true },
    { header: 'Nội dung', key: 'action', width: 50 },
    { header: 'Đơn vị thực hiện', key: 'owner', width: 24 },
    { header: 'Hạn', key: 'due', width: 13, date: true },
    { header: 'Tình trạng', key: 'status', width: 16 },
    { header: 'Quá hạn', key: 'overdue', width: 10 },
  ])
}

/** The commitments register as filtered in the window, as the register's "Cam kết" sheet. */
export async function commitmentsWorkbook(rows: CommitmentRegisterRow[], today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hành Trang'
  const list = commitmentSheet(wb, today)
  for (const [i, c] of rows.entries()) {
    const overdue = c.state === 'overdue'
    list.add([i + 1, c.agreementTitle, excelDate(c.agreementSigned), c.action, c.owner ?? '', excelDate(c.dueDate), labelOf(COMMITMENT_STATUSES, c.status), overdue ? 'Có' : ''], overdue)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function agreementsWorkbook(db: Db, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hành Trang'
  const register = sheet(wb, 'Văn kiện', `SỔ THEO DÕI VĂN KIỆN HỢP TÁC (đến ngày ${formatDate(today)})`, [
    { header: 'TT', key: 'no', width: 6 },
    { header: 'Tên văn kiện', key: 'title', width: 48 },
    { header: 'Loại văn kiện', key: 'kind', width: 20 },
    // One column per side, so that the sheet reads back in as agreements.
    { header: 'Bên Việt Nam', key: 'home', width: 26 },
    { header: 'Bên đối tác', key: 'partner', width: 26 },
    { header: 'Ngày ký', key: 'signed', width: 13, date: true },
    { header: 'Nơi ký', key: 'place', width: 20 },
    { header: 'Tình trạng', key: 'status', width: 16 },
    { header: 'Hiệu lực từ', key: 'from', width: 13, date: true },
    { header: 'Hiệu lực đến', key: 'until', width: 13, date: true },
    { header: 'Lĩnh vực', key: 'sectors', width: 30 },
    { header: 'Việc đang mở', key: 'open', width: 12 },
    { header: 'Việc quá hạn', key: 'overdue', width: 12 },
  ])
  const commitments = commitmentSheet(wb, today)
  const sectors = new Map((await db.selectFrom('sector').select(['code', 'labelVi']).execute()).map((s) => [s.code, s.labelVi]))
  let n = 0
  let m = 0
  for (const id of await allAgreementIds(db, today)) {
    const a = await getAgreement(db, id, today)
    const open = a.commitments.filter((c) => c.status === 'open' || c.status === 'in_progress')
    register.add([
      ++n,
      a.titleVi,
      labelOf(AGREEMENT_KINDS, a.kind),
      partiesOn(a.parties, 'home'),
      partiesOn(a.parties, 'partner'),
      excelDate(a.signedDate),
      a.signedPlace ?? '',
      labelOf(AGREEMENT_STATUSES, a.status),
      excelDate(a.validFrom),
      excelDate(a.validUntil),
      // Semicolons: a sector's own name may hold a comma ("Giáo dục, đào tạo").
      a.sectors.map((s) => sectors.get(s) ?? s).join('; '),
      open.length,
      open.filter((c) => c.overdue).length,
    ], open.some((c) => c.overdue))
    for (const c of a.commitments) {
      commitments.add([++m, a.titleVi, excelDate(a.signedDate), c.action, c.owner ?? '', excelDate(c.dueDate), labelOf(COMMITMENT_STATUSES, c.status), c.overdue ? 'Có' : ''], c.overdue)
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function lawReportWorkbook(db: Db, from: string, to: string, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hành Trang'
  const report = sheet(wb, 'Báo cáo', `BÁO CÁO TÌNH HÌNH KÝ KẾT THỎA THUẬN QUỐC TẾ (từ ${formatDate(from)} đến ${formatDate(to)})`, [
    { header: 'TT', key: 'no', width: 6 },
    { header: 'Tên văn kiện', key: 'title', width: 44 },
    { header: 'Các bên ký kết', key: 'parties', width: 32 },
    { header: 'Ngày ký', key: 'signed', width: 13, date: true },
    { header: 'Ý kiến Bộ Ngoại giao (số, ngày)', key: 'mofa', width: 24 },
    { header: 'Thủ tục rút gọn', key: 'short', width: 11 },
    { header: 'Hạn báo cáo Thủ tướng', key: 'due', width: 14, date: true },
    { header: 'Ngày gửi báo cáo Thủ tướng', key: 'sent', width: 14, date: true },
    { header: 'Ngày gửi bản sao Bộ Ngoại giao', key: 'copy', width: 14, date: true },
    { header: 'Ghi chú', key: 'note', width: 30 },
  ])
  const signed = await db
    .selectFrom('agreement')
    .select('id')
    .where('signedDate', '>=', from)
    .where('signedDate', '<=', to)
    .orderBy('signedDate')
    .execute()
  let n = 0
  for (const { id } of signed) {
    const a = await getAgreement(db, id, today)
    const notes = [
      ...(a.pmReportLate ? [a.pmReportSentDate ? 'Báo cáo Thủ tướng chậm hạn' : 'Quá hạn báo cáo Thủ tướng'] : []),
      ...(a.mofaCopySentDate ? [] : ['Chưa gửi bản sao cho Bộ Ngoại giao']),
    ]
    report.add(
      [
        ++n,
        a.titleVi,
        a.parties.map((p) => p.displayName).join(' – '),
        excelDate(a.signedDate),
        [a.mofaOpinionNo, formatDate(a.mofaOpinionDate)].filter(Boolean).join(', '),
        a.shortenedProcedure ? 'Có' : '',
        excelDate(a.pmReportDue),
        excelDate(a.pmReportSentDate),
        excelDate(a.mofaCopySentDate),
        notes.join('; '),
      ],
      a.pmReportLate,
    )
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
