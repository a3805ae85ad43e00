/**
 * Why a call failed, in both languages. The core throws `new AppError(reason, params)`;
 * what crosses the contract is the reason's kind of failure (`code`), the reason and its
 * parameters, never the words: the window words them in its language, the command line
 * in Vietnamese with the English after it.
 */
import type { ErrorCode } from '../result.ts'
import { ISSUES, isIssueCode, type Wording } from './issues.ts'
import { capital, type Params, type Words } from './words.ts'

interface Reason extends Wording {
  code: ErrorCode
}

const q = (v: Params[string] | undefined, w: Words) => (w.lang === 'vi' ? `“${w.text(v)}”` : `"${w.text(v)}"`)
const mb = (v: Params[string] | undefined, w: Words) => `${w.number(Number(v))} MB`

export const REASONS = {
  // ---- calls
  invalid_input: { code: 'invalid_input', vi: () => 'Dữ liệu chưa hợp lệ', en: () => 'Some of what was entered is not valid' },
  unknown_method: { code: 'unknown_method', vi: (p, w) => `Chức năng không tồn tại: ${w.text(p.method)}`, en: (p, w) => `No such function: ${w.text(p.method)}` },
  call_refused: { code: 'unknown_method', vi: () => 'Lời gọi không được phép', en: () => 'The call was refused' },
  host_unreachable: {
    code: 'io_error',
    vi: () => 'Không kết nối được với Hành Trang: cửa sổ dòng lệnh chạy `npm start` đã đóng?',
    en: () => 'Cannot reach Hành Trang: was the terminal running `npm start` closed?',
  },
  host_refused: { code: 'io_error', vi: (p, w) => `Hành Trang từ chối yêu cầu: ${w.text(p.detail)}`, en: (p, w) => `Hành Trang refused the request: ${w.text(p.detail)}` },
  request_too_large: { code: 'invalid_input', vi: () => 'Yêu cầu quá lớn', en: () => 'The request is too large' },
  unreadable_request: { code: 'invalid_input', vi: () => 'Yêu cầu không đọc được', en: () => 'The request could not be read' },
  internal: { code: 'internal', vi: () => 'Có lỗi ngoài dự kiến; dữ liệu không bị thay đổi.', en: () => 'Unexpected error; nothing was changed.' },
  cannot_start: {
    code: 'internal',
    vi: (p, w) => `Không khởi động được Hành Trang: ${w.text(p.detail)}`,
    en: (p, w) => `Hành Trang could not start: ${w.text(p.detail)}`,
  },
  // ---- records
  not_found: {
    code: 'not_found',
    vi: (p, w) => `Không tìm thấy ${w.entity(p.entity)} (có thể đã bị xóa)`,
    en: (p, w) => `${capital(w.entity(p.entity))} not found (it may have been deleted)`,
  },
  record_changed: {
    code: 'conflict',
    vi: (p, w) => `${capital(w.entity(p.entity))} này đã được ${w.text(p.who)} sửa lúc ${w.text(p.at)}, sau khi bạn mở; thay đổi của bạn chưa được ghi. Hãy xem lại rồi lưu lại.`,
    en: (p, w) => `${w.text(p.who)} changed this ${w.entity(p.entity)} at ${w.text(p.at)}, after you opened it; yours was not saved. Look again, then save again.`,
  },
  record_gone: { code: 'invalid_input', vi: () => 'Bản ghi được chọn không còn tồn tại', en: () => 'A record that was chosen no longer exists' },
  unknown_sector: {
    code: 'invalid_input',
    vi: (p, w) => `Lĩnh vực không có trong danh mục: ${w.text(p.codes)}`,
    en: (p, w) => `Not in the list of sectors: ${w.text(p.codes)}`,
  },
  figure_in_future: { code: 'invalid_input', vi: () => 'Số liệu không thể ghi ngày trong tương lai', en: () => 'A figure cannot be dated in the future' },
  in_use: {
    code: 'in_use',
    vi: (p, w) => `Không thể xóa ${w.entity(p.entity)} vì còn ${uses(p, w)} liên quan. Hãy gỡ các liên kết đó trước.`,
    en: (p, w) => `This ${w.entity(p.entity)} cannot be deleted: ${uses(p, w)} still refer to it. Remove those links first.`,
  },
  // ---- the database
  db_from_future: {
    code: 'db_from_future',
    vi: (p) => `Tệp dữ liệu này do phiên bản Hành Trang mới hơn tạo ra (lược đồ ${String(p.version)}, phiên bản này hiểu đến ${String(p.known)}). Hãy cập nhật ứng dụng; tệp được giữ nguyên.`,
    en: (p) => `This data file was written by a newer version of Hành Trang (schema ${String(p.version)}; this version reads up to ${String(p.known)}). Update the application; the file was left untouched.`,
  },
  migration_failed: {
    code: 'internal',
    vi: (p, w) => `Nâng cấp cơ sở dữ liệu thất bại, tệp được giữ ở phiên bản trước: ${w.text(p.detail)}`,
    en: (p, w) => `Upgrading the database failed; the file was left at its previous version: ${w.text(p.detail)}`,
  },
  disk_full: {
    code: 'disk_full',
    vi: (p, w) => `Ổ đĩa chứa ${w.text(p.path)} đã đầy; thay đổi chưa được ghi và dữ liệu vẫn như trước. Hãy giải phóng dung lượng rồi thử lại.`,
    en: (p, w) => `The disk holding ${w.text(p.path)} is full; nothing was changed. Free some space and try again.`,
  },
  busy: {
    code: 'busy',
    vi: (p, w) => `Tệp dữ liệu ${w.text(p.path)} đang được một chương trình khác ghi (một cửa sổ Hành Trang khác hoặc một lệnh dòng lệnh) quá lâu; chưa có gì thay đổi, hãy thử lại sau ít phút.`,
    en: (p, w) => `The data file ${w.text(p.path)} has been busy with another writer (another Hành Trang window or a command) for too long; nothing was changed, try again in a few minutes.`,
  },
  db_damaged: {
    code: 'db_damaged',
    vi: (p, w) => `Tệp dữ liệu ${w.text(p.path)} bị hỏng (${w.text(p.detail)}). Hãy khôi phục từ một bản sao lưu.`,
    en: (p, w) => `The data file ${w.text(p.path)} is damaged (${w.text(p.detail)}). Restore it from a backup.`,
  },
  db_io_error: {
    code: 'io_error',
    vi: (p, w) => `Lỗi đọc ghi ổ đĩa khi làm việc với ${w.text(p.path)} (${w.text(p.detail)}); thay đổi chưa được ghi. Hãy kiểm tra ổ đĩa rồi thử lại.`,
    en: (p, w) => `A disk error while working on ${w.text(p.path)} (${w.text(p.detail)}); nothing was changed. Check the disk and try again.`,
  },
  db_read_only: {
    code: 'io_error',
    vi: (p, w) => `Không có quyền ghi vào ${w.text(p.path)} (tệp hoặc thư mục chỉ cho đọc).`,
    en: (p, w) => `${w.text(p.path)} cannot be written to (the file or its folder is read-only).`,
  },
  db_cannot_open: {
    code: 'io_error',
    vi: (p, w) => `Không mở được ${w.text(p.path)}: kiểm tra thư mục dữ liệu còn tồn tại và có quyền ghi.`,
    en: (p, w) => `${w.text(p.path)} cannot be opened: check that the data folder exists and can be written to.`,
  },
  not_damaged: {
    code: 'invalid_input',
    vi: () => 'Tệp dữ liệu không bị hỏng; hãy khôi phục bản sao lưu trong Cài đặt.',
    en: () => 'The data file is not damaged: restore a backup from Settings.',
  },
  not_damaged_start_empty: { code: 'invalid_input', vi: () => 'Tệp dữ liệu không bị hỏng.', en: () => 'The data file is not damaged.' },
  // ---- files written and read
  file_disk_full: {
    code: 'disk_full',
    vi: (p, w) => `Ổ đĩa đã đầy, không ghi được ${w.text(p.path)}. Hãy giải phóng dung lượng rồi thử lại; tệp cũ (nếu có) vẫn nguyên vẹn.`,
    en: (p, w) => `The disk is full: ${w.text(p.path)} was not written. Free some space and try again; the old file, if any, is as it was.`,
  },
  file_in_use: {
    code: 'in_use',
    vi: (p, w) => `Không ghi được ${w.text(p.name)}: tệp đang mở trong chương trình khác (Word, Excel) hoặc không có quyền ghi; hãy đóng tệp rồi thử lại.`,
    en: (p, w) => `${w.text(p.name)} could not be written: it is open in another program (Word, Excel) or may not be written to; close it and try again.`,
  },
  drive_read_only: {
    code: 'in_use',
    vi: (p, w) => `Không ghi được ${w.text(p.name)}: ổ đĩa chỉ cho đọc.`,
    en: (p, w) => `${w.text(p.name)} could not be written: the drive is read-only.`,
  },
  folder_missing: {
    code: 'not_found',
    vi: (p, w) => `Không ghi được ${w.text(p.name)}: thư mục ${w.text(p.folder)} không tồn tại.`,
    en: (p, w) => `${w.text(p.name)} could not be written: the folder ${w.text(p.folder)} does not exist.`,
  },
  write_failed: {
    code: 'io_error',
    vi: (p, w) => `Không ghi được ${w.text(p.name)}: lỗi đọc ghi ổ đĩa (${w.text(p.detail)}). Không có tệp dở dang nào được để lại.`,
    en: (p, w) => `${w.text(p.name)} could not be written: a disk error (${w.text(p.detail)}). No half-written file was left.`,
  },
  cannot_read_file: { code: 'invalid_input', vi: (p, w) => `Không đọc được tệp ${w.text(p.name)}.`, en: (p, w) => `The file ${w.text(p.name)} cannot be read.` },
  file_missing: { code: 'not_found', vi: () => 'Không tìm thấy tệp', en: () => 'File not found' },
  session_expired: {
    code: 'not_found',
    vi: () => 'Phiên làm việc với tệp đã hết; hãy chọn lại tệp.',
    en: () => 'The file is no longer open here; choose it again.',
  },
  // ---- attachments
  attachment_refused: {
    code: 'invalid_input',
    vi: () => 'Tệp đính kèm không hợp lệ (không phải tệp do Hành Trang lưu); không mở.',
    en: () => 'Not an attachment this application stored; it was not opened.',
  },
  not_viewable: {
    code: 'invalid_input',
    vi: () => 'Chỉ mở được tệp PDF hoặc ảnh (PNG, JPEG, TIFF); tệp này không phải, nên không được mở.',
    en: () => 'Only PDF files and pictures (PNG, JPEG, TIFF) are opened; this file is neither, so it was not opened.',
  },
  attachment_too_large: { code: 'invalid_input', vi: () => 'Tệp lớn hơn 100 MB.', en: () => 'The file is larger than 100 MB.' },
  attachment_kind: {
    code: 'invalid_input',
    vi: () => 'Chỉ đính kèm tệp PDF hoặc ảnh (PNG, JPEG, TIFF).',
    en: () => 'Only PDF files and pictures (PNG, JPEG, TIFF) can be attached.',
  },
  attachment_missing: {
    code: 'not_found',
    vi: (p, w) => `Tệp ${w.text(p.name)} không còn trong thư mục dữ liệu.`,
    en: (p, w) => `The file ${w.text(p.name)} is no longer in the data folder.`,
  },
  // ---- spreadsheets
  import_rows_with_errors: {
    code: 'invalid_input',
    vi: (p, w) => `Còn ${w.number(p.count)} dòng có lỗi được chọn để ghi (dòng ${w.text(p.rows)}); không dòng nào được ghi.`,
    en: (p, w) => `${w.number(p.count)} rows with errors are chosen to be written (rows ${w.text(p.rows)}); nothing was written.`,
  },
  import_nothing_to_update: {
    code: 'invalid_input',
    vi: (p, w) => `Dòng ${w.text(p.rows)} không có bản ghi trùng để cập nhật.`,
    en: (p, w) => `Row ${w.text(p.rows)} matches no record to update.`,
  },
  import_match_deleted: {
    code: 'not_found',
    vi: (p, w) => `Bản ghi trùng với dòng ${w.text(p.rows)} vừa bị xóa; hãy xem lại bản xem trước. Không dòng nào được ghi.`,
    en: (p, w) => `The record matching row ${w.text(p.rows)} has just been deleted: look at the preview again. Nothing was written.`,
  },
  import_row_only_updates: {
    code: 'invalid_input',
    vi: (p) => `Dòng ${String(p.row)} chỉ đủ để cập nhật bản ghi trùng, không đủ để tạo bản ghi mới; không dòng nào được ghi.`,
    en: (p) => `Row ${String(p.row)} can only update its match, not make a new record; nothing was written.`,
  },
  import_row_invalid: {
    code: 'invalid_input',
    vi: (p) => `Dòng ${String(p.row)} chưa hợp lệ; không dòng nào được ghi.`,
    en: (p) => `Row ${String(p.row)} is not valid; nothing was written.`,
  },
  password_protected: {
    code: 'invalid_input',
    vi: () => 'Tệp được đặt mật khẩu; hãy mở tệp trong Excel, bỏ mật khẩu rồi lưu lại.',
    en: () => 'The file is password-protected: open it in Excel, remove the password and save it again.',
  },
  no_such_sheet: { code: 'invalid_input', vi: (p, w) => `Không có trang tính ${q(p.name, w)}.`, en: (p, w) => `There is no sheet ${q(p.name, w)}.` },
  not_a_spreadsheet: {
    code: 'invalid_input',
    vi: () => 'Tệp Excel bị hỏng hoặc không phải bảng tính (.xlsx, .xls, .csv); không đọc được.',
    en: () => 'The file is damaged or not a spreadsheet (.xlsx, .xls, .csv); it cannot be read.',
  },
  csv_not_utf8: {
    code: 'invalid_input',
    vi: () => 'Tệp .csv không ở dạng UTF-8. Hãy lưu lại tệp với “CSV UTF-8”.',
    en: () => 'The .csv file is not UTF-8. Save it again as "CSV UTF-8".',
  },
  // ---- backups
  backup_not_found: { code: 'not_found', vi: (p, w) => `Không tìm thấy bản sao lưu ${w.text(p.name)}.`, en: (p, w) => `The backup ${w.text(p.name)} was not found.` },
  backup_check_failed: {
    code: 'db_damaged',
    vi: (p, w) => `Bản sao lưu không đạt kiểm tra (quick_check: ${w.text(p.detail)}).`,
    en: (p, w) => `The backup failed its check (quick_check: ${w.text(p.detail)}).`,
  },
  backup_failed: { code: 'internal', vi: (p, w) => `Không sao lưu được: ${w.text(p.detail)}`, en: (p, w) => `The backup failed: ${w.text(p.detail)}` },
  restore_failed: {
    code: 'internal',
    vi: (p, w) => `Khôi phục thất bại, dữ liệu đã được giữ nguyên: ${w.text(p.detail)}`,
    en: (p, w) => `The restore failed; the data was kept as it was: ${w.text(p.detail)}`,
  },
  not_a_database: {
    code: 'invalid_input',
    vi: (p, w) => `Không mở được ${w.text(p.name)}: không phải tệp dữ liệu Hành Trang.`,
    en: (p, w) => `${w.text(p.name)} cannot be opened: it is not a Hành Trang data file.`,
  },
  not_ours_or_damaged: {
    code: 'invalid_input',
    vi: (p, w) => `${w.text(p.name)} không phải tệp dữ liệu Hành Trang hoặc đã bị hỏng.`,
    en: (p, w) => `${w.text(p.name)} is not a Hành Trang data file, or it is damaged.`,
  },
  backup_from_future: {
    code: 'db_from_future',
    vi: (p, w) => `${w.text(p.name)} do phiên bản Hành Trang mới hơn tạo ra (lược đồ ${String(p.version)}, phiên bản này hiểu đến ${String(p.known)}); không khôi phục.`,
    en: (p, w) => `${w.text(p.name)} was written by a newer version of Hành Trang (schema ${String(p.version)}; this version reads up to ${String(p.known)}); it was not restored.`,
  },
  // ---- data packs
  not_a_pack: {
    code: 'invalid_input',
    vi: () => 'Tệp không phải gói dữ liệu Hành Trang (.htpack) hoặc đã bị hỏng.',
    en: () => 'The file is not a Hành Trang data pack (.htpack), or it is damaged.',
  },
  pack_damaged: { code: 'invalid_input', vi: (p, w) => `Gói dữ liệu hỏng: ${w.text(p.what)} không đọc được.`, en: (p, w) => `The data pack is damaged: ${w.text(p.what)} cannot be read.` },
  pack_too_large: {
    code: 'invalid_input',
    vi: (p, w) => `Gói dữ liệu bị từ chối: ${w.text(p.what)} vượt giới hạn ${mb(p.limit, w)} khi giải nén; không có gì được ghi.`,
    en: (p, w) => `The data pack was refused: ${w.text(p.what)} inflates beyond ${mb(p.limit, w)}; nothing was written.`,
  },
  pack_ratio: {
    code: 'invalid_input',
    vi: (p, w) => `Gói dữ liệu bị từ chối: ${w.text(p.what)} nén bất thường (tỉ lệ giải nén vượt mức dữ liệu thật có thể có); không có gì được ghi.`,
    en: (p, w) => `The data pack was refused: ${w.text(p.what)} is compressed abnormally (beyond what real data can be); nothing was written.`,
  },
  pack_no_manifest: { code: 'invalid_input', vi: () => 'Gói dữ liệu thiếu manifest.json.', en: () => 'The data pack has no manifest.json.' },
  pack_manifest_unreadable: { code: 'invalid_input', vi: () => 'manifest.json không đọc được.', en: () => 'manifest.json cannot be read.' },
  pack_manifest_invalid: { code: 'invalid_input', vi: () => 'Gói dữ liệu không hợp lệ: manifest.json sai cấu trúc.', en: () => 'The data pack is not valid: its manifest.json is malformed.' },
  pack_from_future: {
    code: 'db_from_future',
    vi: (p) => `Gói dữ liệu do phiên bản Hành Trang mới hơn tạo ra (định dạng ${String(p.version)}, phiên bản này đọc đến ${String(p.known)}); hãy cập nhật ứng dụng.`,
    en: (p) => `The data pack was made by a newer version of Hành Trang (format ${String(p.version)}; this version reads up to ${String(p.known)}): update the application.`,
  },
  pack_objects: {
    code: 'invalid_input',
    vi: () => 'Gói dữ liệu chứa đối tượng không được phép (view, trigger); không đọc.',
    en: () => 'The data pack holds objects that are not allowed (views, triggers); it was not read.',
  },
  pack_disk_full: {
    code: 'disk_full',
    vi: (p, w) => `Ổ đĩa chứa ${w.text(p.folder)} không đủ chỗ để mở gói dữ liệu (cần ${mb(p.needed, w)}); không có gì được ghi.`,
    en: (p, w) => `The disk holding ${w.text(p.folder)} has no room to open the data pack (it needs ${mb(p.needed, w)}); nothing was written.`,
  },
  pack_invalid_record: {
    code: 'invalid_input',
    vi: (p, w) =>
      `Gói dữ liệu có bản ghi không hợp lệ — bảng ${w.entity(p.table)} (${w.text(p.table)}), bản ghi ${w.text(p.id) || '(không có mã)'}${p.field ? `, trường “${w.field(p.field)}”` : ''}: ${problem(p, w)}${Number(p.more) > 0 ? ` và ${w.number(p.more)} lỗi khác` : ''}. Không có gì được ghi.`,
    en: (p, w) =>
      `The data pack holds an invalid record: in the ${w.entity(p.table)} table (${w.text(p.table)}), record ${w.text(p.id) || '(no id)'}${p.field ? `, field "${w.field(p.field)}"` : ''}: ${problem(p, w)}${Number(p.more) > 0 ? `, and ${w.number(p.more)} more problems` : ''}. Nothing was written.`,
  },
  pack_missing_columns: {
    code: 'invalid_input',
    vi: (p, w) => `Gói dữ liệu thiếu cột ${w.text(p.columns)} của bảng ${w.text(p.table)}; không có gì được ghi.`,
    en: (p, w) => `The data pack lacks the columns ${w.text(p.columns)} of the table ${w.text(p.table)}; nothing was written.`,
  },
  pack_dangling_links: {
    code: 'invalid_input',
    vi: () => 'Gói dữ liệu không nhất quán: có liên kết tới bản ghi không có trong gói lẫn trên máy này; không có gì được ghi.',
    en: () => 'The data pack is inconsistent: it links to records that are neither in it nor on this computer; nothing was written.',
  },
  pack_changed: {
    code: 'conflict',
    vi: (p, w) => `Tệp ${w.text(p.name)} đã thay đổi hoặc bị xóa sau khi xem trước; hãy mở lại gói.`,
    en: (p, w) => `${w.text(p.name)} changed or was deleted after the preview: open the pack again.`,
  },
  // ---- sample data
  demo_unknown_reference: {
    code: 'invalid_input',
    vi: (p, w) => `Dữ liệu mẫu tham chiếu tới ${w.text(p.ref)} không có trong dữ liệu tham chiếu`,
    en: (p, w) => `The sample data refers to ${w.text(p.ref)}, which the reference data does not hold`,
  },
  demo_invalid: { code: 'invalid_input', vi: () => 'Gói dữ liệu mẫu không hợp lệ', en: () => 'The sample data is not valid' },
  // ---- settings
  home_province_invalid: {
    code: 'invalid_input',
    vi: () => 'Tỉnh nhà phải là một tỉnh, thành phố của Việt Nam đang có hiệu lực',
    en: () => 'The home province must be a province or city of Viet Nam in force',
  },
  // ---- the office server
  server_only_file: {
    code: 'invalid_input',
    vi: (p, w) => `Sổ đăng ký ở trên máy chủ của cơ quan ${w.text(p.where)}: sao lưu và khôi phục do quản trị viên thực hiện (pg_dump, xem README); có thể xuất gói dữ liệu để giữ một bản.`,
    en: (p, w) => `The register is on the office server ${w.text(p.where)}: its administrator backs it up (pg_dump, see the README); export a pack to keep a copy.`,
  },
  server_other_schema: {
    code: 'read_only',
    vi: (p, w) => `Sổ đăng ký trên máy chủ ${w.text(p.where)} chỉ đọc được (máy chủ ở phiên bản lược đồ ${w.number(p.server)}, ứng dụng ở ${w.number(p.app)}): hãy nhờ quản trị viên nâng cấp máy chủ hoặc cập nhật ứng dụng. Chưa có gì thay đổi.`,
    en: (p, w) => `The register on the server ${w.text(p.where)} can only be read (the server's schema is version ${w.number(p.server)}, the app's ${w.number(p.app)}): ask the administrator to upgrade. Nothing was changed.`,
  },
  server_viewer: {
    code: 'read_only',
    vi: (p, w) => `Tài khoản của bạn trên máy chủ ${w.text(p.where)} chỉ được xem, không được sửa. Chưa có gì thay đổi.`,
    en: (p, w) => `Your account on the server ${w.text(p.where)} may only read. Nothing was changed.`,
  },
  server_disk_full: {
    code: 'disk_full',
    vi: (p, w) => `Ổ đĩa của máy chủ ${w.text(p.where)} đã đầy; thay đổi chưa được ghi. Hãy báo quản trị viên.`,
    en: (p, w) => `The disk of the server ${w.text(p.where)} is full; nothing was changed. Tell the administrator.`,
  },
  server_busy: {
    code: 'busy',
    vi: (p, w) => `Máy chủ ${w.text(p.where)} đang hết chỗ cho kết nối mới (quá nhiều người dùng cùng lúc); chưa có gì thay đổi. Hãy thử lại sau giây lát; nếu còn gặp, báo quản trị viên tăng max_connections (xem README).`,
    en: (p, w) => `The server ${w.text(p.where)} has no room for another connection (too many users at once); nothing was changed. Try again in a moment; if it happens again, ask the administrator to raise max_connections (see the README).`,
  },
  server_unreachable: {
    code: 'server_unreachable',
    vi: (p, w) => `Không kết nối được máy chủ ${w.text(p.where)}; thay đổi chưa được ghi. Hãy kiểm tra mạng của cơ quan rồi thử lại.`,
    en: (p, w) => `The office server ${w.text(p.where)} cannot be reached; nothing was changed. Check the office network and try again.`,
  },
  server_login_refused: {
    code: 'server_unreachable',
    vi: (p, w) => `Máy chủ ${w.text(p.where)} từ chối đăng nhập: kiểm tra tên đăng nhập và mật khẩu.`,
    en: (p, w) => `The server ${w.text(p.where)} refused the login: check the user name and password.`,
  },
  server_from_future: {
    code: 'db_from_future',
    vi: (p, w) => `Sổ đăng ký trên máy chủ do phiên bản Hành Trang mới hơn nâng cấp (lược đồ ${w.number(p.server)}, phiên bản này hiểu đến ${w.number(p.known)}). Hãy cập nhật ứng dụng.`,
    en: (p, w) => `The server's register was upgraded by a newer version of Hành Trang (schema ${w.number(p.server)}; this one knows up to ${w.number(p.known)}). Update the app.`,
  },
  officer_login_invalid: {
    code: 'invalid_input',
    vi: (p, w) => `Tên đăng nhập ${q(p.login, w)} không hợp lệ: chỉ chữ thường không dấu, chữ số và dấu gạch dưới, 2–63 ký tự.`,
    en: (p, w) => `The login ${q(p.login, w)} is not valid: 2–63 lower-case letters, digits or underscores.`,
  },
  officer_exists: { code: 'conflict', vi: (p, w) => `Đã có tài khoản ${q(p.login, w)} trên máy chủ.`, en: (p, w) => `The login ${q(p.login, w)} exists already on the server.` },
  server_not_initialized: { code: 'invalid_input', vi: () => 'Máy chủ chưa được khởi tạo: hãy chạy "server init" trước.', en: () => 'The server is not set up: run "server init" first.' },
  // ---- Settings > the office's server (src/main/office)
  server_not_set_up: {
    code: 'invalid_input',
    vi: (p, w) => `Máy chủ ${w.text(p.where)} trả lời nhưng chưa có sổ đăng ký của Hành Trang: hãy nhờ quản trị viên khởi tạo ("server init").`,
    en: (p, w) => `The server ${w.text(p.where)} answers but holds no Hành Trang register yet: ask the administrator to set it up ("server init").`,
  },
  server_no_database: {
    code: 'invalid_input',
    vi: (p, w) => `Máy chủ ${w.text(p.where)} không có cơ sở dữ liệu ${q(p.database, w)}: kiểm tra lại tên cơ sở dữ liệu.`,
    en: (p, w) => `The server ${w.text(p.where)} has no database ${q(p.database, w)}: check its name.`,
  },
  server_tls_failed: {
    code: 'server_unreachable',
    vi: (p, w) => `Không lập được kết nối an toàn (TLS) với máy chủ ${w.text(p.where)}: chứng chỉ của máy chủ không khớp với tệp CA đã chọn hoặc với tên máy chủ (${w.text(p.detail)}).`,
    en: (p, w) => `No secure (TLS) connection to the server ${w.text(p.where)}: its certificate does not match the chosen CA file or the host name (${w.text(p.detail)}).`,
  },
  server_ca_missing: {
    code: 'not_found',
    vi: (p, w) => `Không tìm thấy tệp chứng chỉ CA ${w.text(p.path)}: hãy chọn lại.`,
    en: (p, w) => `The CA certificate file ${w.text(p.path)} is not there: choose it again.`,
  },
  office_secret_weak: {
    code: 'invalid_input',
    vi: (p, w) => `Máy này không có kho khóa của hệ điều hành (${w.text(p.backend)}): mật khẩu sẽ chỉ được làm rối, không được mã hóa thật. Hãy đánh dấu đồng ý nếu vẫn muốn lưu, hoặc để trống mật khẩu.`,
    en: (p, w) => `This computer has no system keyring (${w.text(p.backend)}): the password would only be obfuscated, not truly encrypted. Tick that you agree to save it anyway, or leave the password empty.`,
  },
  office_no_server: { code: 'invalid_input', vi: () => 'Chưa lưu máy chủ nào của cơ quan.', en: () => 'No office server has been saved.' },
  office_in_app: {
    code: 'invalid_input',
    vi: () => 'Chỉ ứng dụng mới đổi được sổ đăng ký; dòng lệnh dùng --server hoặc HANH_TRANG_DATABASE_URL.',
    en: () => 'Only the app switches registers; the command line takes --server or HANH_TRANG_DATABASE_URL.',
  },
  // ---- briefs
  letterhead_not_docx: {
    code: 'invalid_input',
    vi: () => 'Tệp mẫu không phải tệp Word .docx hoặc đã bị hỏng.',
    en: () => 'The template is not a Word .docx file, or it is damaged.',
  },
  letterhead_no_placeholders: {
    code: 'invalid_input',
    vi: (p, w) => `Mẫu không có chỗ điền nào. Hãy gõ vào mẫu các chỗ điền như ${w.text(p.placeholders)}.`,
    en: (p, w) => `The template has none of the placeholders. Type placeholders such as ${w.text(p.placeholders)} into it.`,
  },
  letterhead_missing: {
    code: 'not_found',
    vi: (p, w) => `Không tìm thấy mẫu bìa ${w.text(p.name)} trong thư mục dữ liệu; hãy chọn lại mẫu.`,
    en: (p, w) => `The letterhead ${w.text(p.name)} is no longer in the data folder: choose it again.`,
  },
  // ---- a trip's outcomes and report (issue 14)
  trip_not_returned: {
    code: 'invalid_input',
    vi: (p, w) => `Đoàn chưa về nước: chỉ ghi nhận vào sổ sau ngày kết thúc chuyến công tác (${w.date(p.end)}).`,
    en: (p, w) => `The delegation is not back yet: it can be recorded in the register after the trip's last day (${w.date(p.end)}).`,
  },
  item_not_meeting: {
    code: 'invalid_input',
    vi: () => 'Chỉ ghi nhận cam kết, văn kiện cho một cuộc làm việc hoặc hội nghị của chương trình.',
    en: () => 'Commitments and agreements are recorded for a meeting or a forum of the programme.',
  },
  // ---- the approval request (src/main/documents/approval)
  rate_duplicate: {
    code: 'invalid_input',
    vi: (p, w) => `Bảng định mức đã có hạng ${q(p.rank, w)} tại ${w.text(p.country)}; hãy sửa dòng đó.`,
    en: (p, w) => `The rate table already has the rank ${q(p.rank, w)} in ${w.text(p.country)}: edit that row instead.`,
  },
  rates_import_invalid: {
    code: 'invalid_input',
    vi: (p, w) => `Tệp ${q(p.name, w)} có ${w.number(p.count)} lỗi; bảng định mức chưa thay đổi. Sửa các dòng dưới đây rồi nhập lại.`,
    en: (p, w) => `The file ${q(p.name, w)} has ${w.number(p.count)} problems; the rate table is unchanged. Correct the rows below and import it again.`,
  },
  rates_import_columns: {
    code: 'invalid_input',
    vi: (p, w) => `Tệp ${q(p.name, w)} thiếu cột: ${w.text(p.columns)}. Dòng đầu cần có các cột Quốc gia, Hạng, Tiền tệ, Vé máy bay, Phụ cấp lưu trú, Tiền thuê phòng; bảng định mức chưa thay đổi.`,
    en: (p, w) => `The file ${q(p.name, w)} lacks the columns: ${w.text(p.columns)}. Its first row needs Country, Rank, Currency, Air fare, Per diem, Lodging; the rate table is unchanged.`,
  },
  rates_import_empty: {
    code: 'invalid_input',
    vi: (p, w) => `Tệp ${q(p.name, w)} không có dòng định mức nào; bảng định mức chưa thay đổi.`,
    en: (p, w) => `The file ${q(p.name, w)} holds no rates; the rate table is unchanged.`,
  },
  rates_import_too_large: {
    code: 'invalid_input',
    vi: (p, w) => `Tệp ${q(p.name, w)} quá lớn cho một bảng định mức (tối đa 5 MB).`,
    en: (p, w) => `The file ${q(p.name, w)} is too large for a rate table (at most 5 MB).`,
  },
  // ---- files and packs on an office's server (issue 13)
  stored_file_damaged: {
    code: 'db_damaged',
    vi: (p, w) => `Tệp lưu trữ ${w.text(p.name)}… bị hỏng: nội dung không khớp mã băm; không dùng tệp này.`,
    en: (p, w) => `The stored file ${w.text(p.name)}… is damaged: its bytes do not match its hash; it was not used.`,
  },
  pack_apply_contended: {
    code: 'conflict',
    vi: (p, w) => `Đồng nghiệp đang sửa chính những bản ghi trong gói; đã thử nhập ${w.number(p.tries)} lần mà chưa được, không có gì được ghi. Hãy nhập lại gói sau ít phút.`,
    en: (p, w) => `Colleagues are changing the very records the pack holds; the import was tried ${w.number(p.tries)} times without success and nothing was written. Import the pack again in a few minutes.`,
  },
} satisfies Record<string, Reason>

/** "3 nhân vật, 1 văn kiện" / "3 people, 1 agreement": `p.uses` holds "entity:count" pairs. */
function uses(p: Params, w: Words): string {
  const pairs = (Array.isArray(p.uses) ? p.uses : []).map((u) => u.split(':') as [string, string])
  return w.list(pairs.map(([entity, n]) => `${w.number(Number(n))} ${w.lang === 'en' && Number(n) !== 1 ? plural(w.entity(entity)) : w.entity(entity)}`))
}

/** The first problem of a refused pack, worded: its issue code is `p.problem`. */
const problem = (p: Params, w: Words) => {
  const code = String(p.problem ?? '')
  return (isIssueCode(code) ? ISSUES[code] : ISSUES.invalid)[w.lang]({}, w)
}

const plural = (noun: string) => (noun === 'person' ? 'people' : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`)

export type ReasonCode = keyof typeof REASONS
export const isReason = (s: string): s is ReasonCode => Object.hasOwn(REASONS, s)
