/**
 * What a failure of the office's server means for the officer. PostgreSQL names what went
 * wrong by SQLSTATE; the few an officer can meet are said here as what happened: the
 * account may only read, the server's schema is another version's, the server cannot be
 * reached, or its disk is full.
 */
import { AppError } from '../../../errors.ts'

const fieldOf = (e: unknown, name: string): string => (e && typeof e === 'object' && typeof (e as Record<string, unknown>)[name] === 'string' ? ((e as Record<string, string>)[name] as string) : '')

/** Node's network errors and PostgreSQL's "connection" and "operator intervention" classes. */
const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|08...|57P0[1-3])$/

export function classifyServerError(e: unknown, where: string, readOnly: { server: number; app: number } | null): AppError | null {
  if (e instanceof AppError) return e
  const code = fieldOf(e, 'code')
  if (code === '25006') {
    // The transaction was read-only: this build opened a server of another schema version.
    const versions = readOnly ? ` (máy chủ ở phiên bản lược đồ ${readOnly.server}, ứng dụng ở ${readOnly.app})` : ''
    return new AppError(
      'read_only',
      `Sổ đăng ký trên máy chủ ${where} chỉ đọc được${versions}: hãy nhờ quản trị viên nâng cấp máy chủ hoặc cập nhật ứng dụng. Chưa có gì thay đổi. / The server's register is another version's: ask the administrator to upgrade; nothing was changed.`,
    )
  }
  if (code === '42501') {
    return new AppError('read_only', `Tài khoản của bạn trên máy chủ ${where} chỉ được xem, không được sửa. Chưa có gì thay đổi. / Your account on the server may only read; nothing was changed.`)
  }
  if (code === '53100') return new AppError('disk_full', `Ổ đĩa của máy chủ ${where} đã đầy; thay đổi chưa được ghi. Hãy báo quản trị viên. / The server's disk is full; nothing was changed.`)
  if (UNREACHABLE.test(code)) {
    return new AppError('server_unreachable', `Không kết nối được máy chủ ${where}; thay đổi chưa được ghi. Hãy kiểm tra mạng của cơ quan rồi thử lại. / The office server cannot be reached; nothing was changed.`)
  }
  if (code === '28P01' || code === '28000') {
    return new AppError('server_unreachable', `Máy chủ ${where} từ chối đăng nhập: kiểm tra tên đăng nhập và mật khẩu. / The server refused the login.`)
  }
  return null
}
