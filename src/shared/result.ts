/**
 * What crosses a transport: a value, or an error without words. This is the one
 * description of the error wire format; the zod shape of it (src/shared/messages/schema.ts)
 * and the wording (src/shared/messages) follow it.
 *
 *   { ok: false, error: {
 *       code: 'invalid_input',            // ErrorCode: the kind of failure, what a caller acts on
 *       reason: 'invalid_input',          // why: a key of src/shared/messages/reasons.ts
 *       field?: 'path',                   // the field the reason is about, when it is about one
 *       params?: { entity: 'trip' },      // what the reason's words need: strings, numbers, lists
 *       details?: [                       // each field's problem, every one of them
 *         { field: 'titleVi', code: 'required' },
 *         { field: 'validUntil', code: 'validity_reversed' },
 *         { field: 'summary', code: 'too_long', params: { max: 100000 } },
 *       ] } }
 *
 * `field` is the dotted path of the input ("parties.0.localityId", '' for the whole input);
 * an issue's `code` is a key of src/shared/messages/issues.ts. Parameters name things by
 * key (an entity, a field, an ISO date), never in words. The window words an error in
 * its language (`errorLines`, components/ErrorAlert.tsx), the CLI and the logs in
 * Vietnamese then English (`wordErrorBoth`); an unknown reason or code is worded as
 * "internal" / "invalid", so an older window still says something true.
 */
import type { Issue } from './messages/issues.ts'
import type { ReasonCode } from './messages/reasons.ts'
import type { Params } from './messages/words.ts'

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
  | 'internal'

export type { Issue, Params }

export interface ApiError {
  code: ErrorCode
  reason: ReasonCode
  /** The field the reason is about, when it is about one. */
  field?: string
  params?: Params
  /** Each field's problem, when the input was refused. */
  details?: Issue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
