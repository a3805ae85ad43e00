/**
 * Who may do what on an office's server. Two group roles hold the grants; each officer
 * logs in with a role of their own that belongs to one of them, so that the server knows
 * who wrote what (`updated_by`, the audit log) and refuses a viewer's writes itself:
 *
 * - hanh_trang_officer: reads and writes the register;
 * - hanh_trang_viewer: reads it.
 *
 * Only the administrator (a role that may create roles and extensions, and owns the
 * tables: the one `cli server init` and `cli server migrate` run as) changes the schema.
 */
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { AppError } from '../../../errors.ts'
import { MIGRATION_TABLE } from '../../migrate.ts'

export const OFFICER_ROLE = 'hanh_trang_officer'
export const VIEWER_ROLE = 'hanh_trang_viewer'

/** A login as PostgreSQL takes it unquoted: lower-case letters, digits and underscores. */
const LOGIN = /^[a-z_][a-z0-9_]{1,62}$/

async function roleExists(db: Kysely<any>, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${name}`.execute(db)
  return (rows[0]?.n ?? 0) > 0
}

/**
 * The extensions search uses, the two group roles and their grants, on the tables there
 * are and on those later migrations add (default privileges of the administrator).
 * Run again, it changes nothing.
 */
export async function initServerRoles(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(trx)
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(trx)
    for (const role of [OFFICER_ROLE, VIEWER_ROLE]) if (!(await roleExists(trx, role))) await sql`CREATE ROLE ${sql.id(role)} NOLOGIN`.execute(trx)
    const officer = sql.id(OFFICER_ROLE)
    const viewer = sql.id(VIEWER_ROLE)
    await sql`GRANT USAGE ON SCHEMA public TO ${officer}, ${viewer}`.execute(trx)
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${officer}`.execute(trx)
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${officer}`.execute(trx)
    await sql`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${viewer}`.execute(trx)
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${officer}`.execute(trx)
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${officer}`.execute(trx)
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${viewer}`.execute(trx)
    // Nobody but the administrator migrates: the list of migrations is read-only to officers.
    const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${MIGRATION_TABLE}) AS found`.execute(trx)
    if (rows[0]?.found) await sql`REVOKE INSERT, UPDATE, DELETE ON ${sql.table(MIGRATION_TABLE)} FROM ${officer}`.execute(trx)
    // A viewer reading a brief is shown to the officers editing it (migration 0017's heartbeats, no record).
    const presence = await sql<{ found: string | null }>`SELECT to_regclass('presence') AS found`.execute(trx)
    if (presence.rows[0]?.found) await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON presence TO ${viewer}`.execute(trx)
  })
}

export interface NewOfficer {
  login: string
  role: typeof OFFICER_ROLE | typeof VIEWER_ROLE
  /** Generated here and shown once: the administrator hands it to the officer. */
  password: string
}

/** A login role for one officer, in the officer group (or the viewer group). */
export async function addOfficer(db: Kysely<any>, login: string, options: { viewer?: boolean } = {}): Promise<NewOfficer> {
  if (!LOGIN.test(login)) {
    throw new AppError('officer_login_invalid', { login })
  }
  const role = options.viewer ? VIEWER_ROLE : OFFICER_ROLE
  const password = randomBytes(15).toString('base64url')
  await db.transaction().execute(async (trx) => {
    if (!(await roleExists(trx, role))) throw new AppError('server_not_initialized')
    if (await roleExists(trx, login)) throw new AppError('officer_exists', { login })
    // CREATE ROLE takes no parameters: the password is a literal, made of base64url characters only.
    await sql`CREATE ROLE ${sql.id(login)} LOGIN PASSWORD ${sql.lit(password)} IN ROLE ${sql.id(role)}`.execute(trx)
  })
  return { login, role, password }
}

/** The login this connection is made as: who the audit log and `updated_by` name. */
export async function currentLogin(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ login: string }>`SELECT session_user AS login`.execute(db)
  return rows[0]!.login
}

/** Whether this login may write the register (a viewer may not; the server refuses it anyway). */
export async function canWrite(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT has_table_privilege('agreement', 'INSERT') AS ok`.execute(db)
  return rows[0]?.ok === true
}
