/**
 * "Test connection": one connection to the server as the form says, asking what the
 * officer needs to know before switching: the server's schema version against this
 * build's, and whether the login is an officer's (read and write) or a viewer's (read).
 * Every failure is named (login refused, unreachable, TLS, no such database, not set up).
 */
import { existsSync } from 'node:fs'
import pg from 'pg'
import { migrations } from '../db/migrations/index.ts'
import { MIGRATION_TABLE } from '../db/migrate.ts'
import { classifyServerError } from '../db/dialect/postgres/errors.ts'
import { OFFICER_ROLE, VIEWER_ROLE } from '../db/dialect/postgres/roles.ts'
import { AppError } from '../errors.ts'
import type { ConnectionReport } from '../../shared/domain/office.ts'
import { serverUrl, type ServerSettings } from './config.ts'

export const whereOf = (s: Pick<ServerSettings, 'host' | 'port' | 'database'>) => `${s.host}:${s.port}/${s.database}`

/** Node's TLS verification codes, and pg's own words for a server without TLS. */
const TLS_CODES = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_SIGNATURE_FAILURE|ERR_SSL_.*)$/

/** The officer's words for a failure to connect with these settings. */
export function connectionError(e: unknown, s: ServerSettings): AppError {
  const where = whereOf(s)
  if (e instanceof AppError) return e
  const code = String((e as { code?: unknown })?.code ?? '')
  const message = e instanceof Error ? e.message : String(e)
  if (TLS_CODES.test(code) || /does not support SSL|SSL/i.test(message)) return new AppError('server_tls_failed', { where, detail: code || message.slice(0, 200) })
  if (code === '3D000') return new AppError('server_no_database', { where, database: s.database })
  return classifyServerError(e, where, null) ?? new AppError('server_unreachable', { where })
}

/** The CA file must be there before pg reads it (else its error is a bare ENOENT). */
export function checkCaFile(s: ServerSettings): void {
  if (s.tls === 'verify-full' && s.caFile && !existsSync(s.caFile)) throw new AppError('server_ca_missing', { path: s.caFile }, { field: 'caFile' })
}

export async function testConnection(s: ServerSettings, password: string | null, timeoutMs = 8000): Promise<ConnectionReport> {
  checkCaFile(s)
  const client = new pg.Client({ connectionString: serverUrl(s, password), connectionTimeoutMillis: timeoutMs, application_name: 'hanh-trang' })
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (e) {
    throw connectionError(e, s)
  }
  try {
    const { rows } = await client.query<{ login: string; officer: boolean; viewer: boolean; writes: boolean | null; migrations: string | null }>(
      `SELECT session_user AS login,
              pg_has_role(session_user, (SELECT oid FROM pg_roles WHERE rolname = $1), 'member') AS officer,
              pg_has_role(session_user, (SELECT oid FROM pg_roles WHERE rolname = $2), 'member') AS viewer,
              CASE WHEN to_regclass('agreement') IS NULL THEN NULL ELSE has_table_privilege('agreement', 'INSERT') END AS writes,
              to_regclass($3)::text AS migrations`,
      [OFFICER_ROLE, VIEWER_ROLE, MIGRATION_TABLE],
    )
    const row = rows[0]!
    const where = whereOf(s)
    if (!row.migrations || row.writes === null) throw new AppError('server_not_set_up', { where })
    const applied = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${MIGRATION_TABLE}`)
    const serverSchema = applied.rows[0]?.n ?? 0
    const mayWrite = row.writes === true
    const role = !mayWrite ? 'viewer' : row.officer ? 'officer' : 'administrator'
    return { where, login: row.login, role, mayWrite: mayWrite && serverSchema === migrations.length, serverSchema, appSchema: migrations.length }
  } catch (e) {
    throw connectionError(e, s)
  } finally {
    await client.end().catch(() => {})
  }
}
