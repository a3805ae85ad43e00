/** A SQLite register's full check (the CLI's `check`): every page, every foreign key, the schema version. */
import type Database from 'better-sqlite3'
import type { MigrationList } from '../../migrate.ts'
import { SCHEMA_VERSION } from '../../migrations/index.ts'
import type { Integrity } from '../../register.ts'

export function integrityOfSqlite(sqlite: Database.Database, migrations?: MigrationList): Integrity {
  const expected = migrations ? migrations.length : SCHEMA_VERSION
  const integrity = sqlite.pragma('integrity_check', { simple: true })
  const fk = sqlite.pragma('foreign_key_check') as unknown[]
  const schemaVersion = Number(sqlite.pragma('user_version', { simple: true }))
  const problems = [
    ...(integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`]),
    ...(fk.length ? [`foreign_key_check: ${fk.length} dòng vi phạm khóa ngoại / foreign key violations`] : []),
    ...(schemaVersion === expected ? [] : [`phiên bản lược đồ ${schemaVersion}, cần ${expected} / schema version mismatch`]),
  ]
  return { ok: problems.length === 0, problems, schemaVersion }
}
