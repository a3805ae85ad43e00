/**
 * The register as the core sees it, on whichever database holds it: the officer's SQLite
 * file, or the office's PostgreSQL server. The core, the CLI and the tests get a Kysely
 * instance and the few operations that exist only for a file (its online copy, its
 * integrity check); nothing else knows where the register is.
 */
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { openDatabase, type OpenOptions } from './connection.ts'
import type { DialectName } from './dialect/index.ts'
import { classifyServerError } from './dialect/postgres/errors.ts'
import { openPostgres } from './dialect/postgres/open.ts'
import { currentLogin } from './dialect/postgres/roles.ts'
import { classifyDbError } from './errors.ts'
import type { AppError } from '../errors.ts'
import { integrityOfPostgres } from './dialect/postgres/integrity.ts'
import { integrityOfSqlite } from './dialect/sqlite/integrity.ts'
import type { DB } from './schema.ts'

export type RegisterTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string }

export interface Integrity {
  ok: boolean
  problems: string[]
  schemaVersion: number
}

/** What only a register kept in a file has. */
export interface RegisterFile {
  path: string
  /** The open file itself, for the tools that work on SQLite only (tests, the bench's generator, the fault scripts). */
  sqlite: Database.Database
  /** SQLite's online backup of the open file into `destination` (backup.ts checks and publishes it). */
  backup(destination: string): Promise<unknown>
}

export interface Register {
  readonly db: Kysely<DB>
  readonly dialect: DialectName
  /** Where the register is, for messages: the file's path or "host:port/database". */
  readonly where: string
  /** The copy taken before migrating, if one was needed (a file). */
  readonly backupPath: string | null
  /** Set when the server's schema is not this build's: the register is read, writes are refused. */
  readonly readOnly: { server: number; app: number } | null
  /** The file, for a register kept in one; null on a server (backups are then pg_dump's, see the README). */
  readonly file: RegisterFile | null
  /** Who writes: the officer's login on a server (as the server knows them), null in a file. */
  readonly login: string | null
  integrity(): Promise<Integrity>
  /** The officer's words for a failure of this database (disk full, busy, damaged, read-only, unreachable), or null. */
  classify(e: unknown): AppError | null
  close(): Promise<void>
}

export interface RegisterOptions extends OpenOptions {
  /** On a server: bring the schema up to date (the administrator's commands and the tests). */
  migrate?: boolean
  /** On a server: connections in the pool. */
  poolSize?: number
}

export async function openRegister(target: RegisterTarget, options: RegisterOptions = {}): Promise<Register> {
  if (target.kind === 'postgres') {
    const opened = await openPostgres({
      url: target.url,
      ...(options.migrations && { migrations: options.migrations }),
      ...(options.migrate !== undefined && { migrate: options.migrate }),
      ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
    })
    return {
      db: opened.db,
      dialect: 'postgres',
      where: opened.where,
      backupPath: null,
      readOnly: opened.readOnly,
      file: null,
      login: await currentLogin(opened.db),
      integrity: () => integrityOfPostgres(opened.db, options.migrations),
      classify: (e) => classifyServerError(e, opened.where, opened.readOnly),
      close: opened.close,
    }
  }
  const opened = await openDatabase(target.path, options)
  return {
    db: opened.db,
    dialect: 'sqlite',
    where: target.path,
    backupPath: opened.backupPath,
    readOnly: null,
    file: { path: target.path, sqlite: opened.sqlite, backup: (destination) => opened.sqlite.backup(destination) },
    login: null,
    integrity: async () => integrityOfSqlite(opened.sqlite, options.migrations),
    classify: (e) => classifyDbError(e, target.path),
    close: opened.close,
  }
}
