import { REASONS, wordErrorBoth, type Issue, type Params, type ReasonCode } from '../shared/messages/index.ts'
import type { ApiError, ErrorCode } from '../shared/result.ts'

/**
 * An error the user should see: a reason of the message catalogue with its parameters
 * (src/shared/messages), from which its kind of failure (`code`) follows. What crosses the
 * contract is `toApiError()`, without words; `message` is the Vietnamese and English
 * wording, for the CLI and the logs.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly reason: ReasonCode
  readonly params: Params
  readonly field?: string
  readonly details?: Issue[]
  constructor(reason: ReasonCode, params: Params = {}, extra: { field?: string; details?: Issue[] } = {}) {
    super(wordErrorBoth({ reason, params, ...(extra.details && { details: extra.details }) }))
    this.name = 'AppError'
    this.code = REASONS[reason].code
    this.reason = reason
    this.params = params
    if (extra.field) this.field = extra.field
    if (extra.details) this.details = extra.details
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      reason: this.reason,
      ...(this.field && { field: this.field }),
      ...(Object.keys(this.params).length > 0 && { params: this.params }),
      ...(this.details && { details: this.details }),
    }
  }

  /** The error again from what crossed a transport or a worker's message. */
  static from(e: Pick<ApiError, 'reason' | 'field' | 'params' | 'details'>): AppError {
    return new AppError(e.reason, e.params ?? {}, { ...(e.field && { field: e.field }), ...(e.details && { details: e.details }) })
  }
}

/** A record of this kind (an ENTITIES key: 'trip', 'agreement'…) is not there. */
export const notFound = (entity: string) => new AppError('not_found', { entity })

/** What crosses for an error nothing names: no internals. */
export const unexpected = (): ApiError => ({ code: 'internal', reason: 'internal' })

/** A record chosen in `field` is not there (deleted meanwhile). */
export const recordGone = (field: string) => new AppError('record_gone', {}, { details: [{ field, code: 'record_gone' }] })
