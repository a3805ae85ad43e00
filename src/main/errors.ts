import type { ErrorCode, IssueDetail } from '../shared/result.ts'

/** An error the user should see: an English code and a message in Vietnamese (and English). */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: IssueDetail[]
  constructor(code: ErrorCode, message: string, details?: IssueDetail[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (details) this.details = details
  }
}

export const notFound = (what: string) =>
  new AppError('not_found', `Không tìm thấy ${what} (có thể đã bị xóa) / ${what} not found`)
