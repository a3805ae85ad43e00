/**
 * What a failure of the office's server means for the officer. PostgreSQL names what went
 * wrong by SQLSTATE; the few an officer can meet are said here as what happened: the
 * account may only read, the server's schema is another version's, the server cannot be
 * reached, its disk is full, or it has no connection left for one more.
 */
import { AppError } from '../../../errors.ts'

const fieldOf = (e: unknown, name: string): string => (e && typeof e === 'object' && typeof (e as Record<string, unknown>)[name] === 'string' ? ((e as Record<string, string>)[name] as string) : '')

/** The server has no connection left for this login, database or server (max_connections, CONNECTION LIMIT). */
export const TOO_MANY_CONNECTIONS = '53300'

export const isTooManyConnections = (e: unknown): boolean => fieldOf(e, 'code') === TOO_MANY_CONNECTIONS

/** Node's network errors and PostgreSQL's "connection" and "operator intervention" classes. */
const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|08...|57P0[1-3])$/

export function classifyServerError(e: unknown, where: string, readOnly: { server: number; app: number } | null): AppError | null {
  if (e instanceof AppError) return e
  const code = fieldOf(e, 'code')
  // The transaction was read-only: this build opened a server of another schema version.
  if (code === '25006') return new AppError('server_other_schema', { where, server: readOnly?.server ?? 0, app: readOnly?.app ?? 0 })
  if (code === '42501') return new AppError('server_viewer', { where })
  if (code === '53100') return new AppError('server_disk_full', { where })
  if (code === TOO_MANY_CONNECTIONS) return new AppError('server_busy', { where })
  if (UNREACHABLE.test(code)) return new AppError('server_unreachable', { where })
  if (code === '28P01' || code === '28000') return new AppError('server_login_refused', { where })
  return null
}

/** A transaction that lost a race under REPEATABLE READ or SERIALIZABLE (40001), or a deadlock (40P01): run again, it may pass. */
export const isSerializationFailure = (e: unknown): boolean => ['40001', '40P01'].includes(fieldOf(e, 'code'))
