/**
 * What a failure of the database means for the officer. SQLite's own messages ("disk I/O
 * error", "database is locked", "cannot rollback - no transaction is active") say nothing
 * useful; each is named here as what happened: the disk is full, another program is
 * writing, the file is damaged, or the disk failed.
 */
import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../errors.ts'

const codeOf = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '')

export const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(e))
export const isDamage = (e: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(e))

/** Free bytes on the drive holding `path`, or null when the system cannot say. */
export function freeBytes(path: string): number | null {
  try {
    const s = statfsSync(dirname(path))
    return Number(s.bavail) * Number(s.bsize)
  } catch {
    return null
  }
}

export const diskFull = (path: string) =>
  new AppError('disk_full', `Ổ đĩa chứa ${path} đã đầy; thay đổi chưa được ghi và dữ liệu vẫn như trước. Hãy giải phóng dung lượng rồi thử lại. / The disk holding ${path} is full; nothing was changed.`)

export const busy = (path: string) =>
  new AppError(
    'busy',
    `Tệp dữ liệu ${path} đang được một chương trình khác ghi (một cửa sổ Hành Trang khác hoặc một lệnh dòng lệnh) quá lâu; chưa có gì thay đổi, hãy thử lại sau ít phút. / The database is busy with another writer; nothing was changed, try again shortly.`,
  )

export const damaged = (path: string, detail: string) =>
  new AppError('db_damaged', `Tệp dữ liệu ${path} bị hỏng (${detail}). Hãy khôi phục từ một bản sao lưu. / The database is damaged.`)

/**
 * The AppError for an error thrown by SQLite (or the file system) while working on the
 * database at `path`, or null when it is not one of these (a programming error stays
 * "internal"). A write error is "disk full" when the drive has (almost) no space left.
 */
export function classifyDbError(e: unknown, path: string): AppError | null {
  if (e instanceof AppError) return e
  const code = codeOf(e)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return diskFull(path)
  if (isBusy(e)) return busy(path)
  if (isDamage(e)) return damaged(path, (e as Error).message)
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    const free = freeBytes(path)
    if (free !== null && free < 1024 * 1024) return diskFull(path)
    return new AppError('io_error', `Lỗi đọc ghi ổ đĩa khi làm việc với ${path} (${code}); thay đổi chưa được ghi. Hãy kiểm tra ổ đĩa rồi thử lại. / Disk I/O error; nothing was changed.`)
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new AppError('io_error', `Không có quyền ghi vào ${path} (tệp hoặc thư mục chỉ cho đọc). / The database is read-only.`)
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('io_error', `Không mở được ${path}: kiểm tra thư mục dữ liệu còn tồn tại và có quyền ghi. / Cannot open the database file.`)
  }
  return null
}
