/**
 * A server register's check (the CLI's `check`): the server answers, and its schema is this
 * build's. Pages and foreign keys are the server's own business (it enforces them on every
 * write; amcheck and pg_dump are the administrator's tools).
 */
import { Kysely, sql } from 'kysely'
import type { MigrationList } from '../../migrate.ts'
import { migrations as allMigrations } from '../../migrations/index.ts'
import type { Integrity } from '../../register.ts'
import type { DB } from '../../schema.ts'
import { schemaState } from './migrate.ts'

export async function integrityOfPostgres(db: Kysely<DB>, migrations: MigrationList = allMigrations): Promise<Integrity> {
  // Migration names are SQL names; the camel-case plugin would not change them anyway.
  const state = await schemaState(db as unknown as Kysely<any>, migrations)
  await sql`SELECT 1`.execute(db)
  const problems = [
    ...(state.pending.length ? [`máy chủ chưa nâng cấp: thiếu ${state.pending.length} bước (${state.pending.join(', ')}) / the server's schema is older`] : []),
    ...(state.unknown.length ? [`máy chủ do phiên bản mới hơn nâng cấp (${state.unknown.join(', ')}) / the server's schema is newer`] : []),
  ]
  return { ok: problems.length === 0, problems, schemaVersion: state.applied.length }
}
