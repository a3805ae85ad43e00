/** What crosses a transport: a value, or an error with an English code and a Vietnamese message. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'in_use'
  | 'conflict'
  | 'db_from_future'
  | 'db_damaged'
  | 'disk_full'
  | 'busy'
  | 'io_error'
  | 'read_only'
  | 'server_unreachable'
  | 'internal'

export interface IssueDetail {
  /** Dotted path of the field, e.g. "parties" or "signedDate". */
  path: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  details?: IssueDetail[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
