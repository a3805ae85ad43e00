/**
 * Backups: copies of the live database made with SQLite's online backup API and checked
 * with quick_check before they count; a daily one kept for 7 days, one before every
 * migration (db/connection.ts) and before every restore. A restore refuses a file that is
 * not a Hành Trang database or comes from a newer version, and backs the current one up
 * first.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { SCHEMA_VERSION } from '../db/migrations/index.ts'
import { classifyDbError } from '../db/errors.ts'
import { AppError } from '../errors.ts'
import { fileError, publishFile, removeStaleTempsOf, tempPathFor } from '../files.ts'

export type BackupReason = 'manual' | 'daily' | 'before-restore' | 'before-migration'
export const DAILY_KEEP = 7

export interface BackupInfo {
  fileName: string
  path: string
  reason: string
  at: string
  bytes: number
}

const NAME = /^hanh-trang-(manual|daily|before-restore|truoc-nang-cap-v\d+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/

export function timestampForFile(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

const removeWithSidecars = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}

/**
 * Writes a checked copy of the open database to `path`: SQLite's online backup into a
 * temporary file, switched to the rollback journal (so no -wal or -shm stays beside it),
 * quick_check, then flushed and renamed into place.
 */
export async function backupTo(sqlite: Database.Database, path: string): Promise<{ path: string; bytes: number }> {
  removeStaleTempsOf(path)
  const tmp = tempPathFor(path)
  try {
    await sqlite.backup(tmp)
    const copy = new Database(tmp)
    try {
      copy.pragma('journal_mode = DELETE')
      const check = copy.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new AppError('backup_check_failed', { detail: String(check) })
    } finally {
      copy.close()
    }
    publishFile(tmp, path)
  } catch (e) {
    removeWithSidecars(tmp)
    if (e instanceof AppError) throw e
    throw classifyDbError(e, path) ?? new AppError('backup_failed', { detail: (e as Error).message })
  }
  return { path, bytes: statSync(path).size }
}

export async function createBackup(sqlite: Database.Database, dir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  const fileName = `hanh-trang-${reason}-${timestampForFile(now)}.sqlite`
  const { path, bytes } = await backupTo(sqlite, join(dir, fileName))
  return { fileName, path, reason, at: now.toISOString(), bytes }
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .flatMap((fileName) => {
      const m = NAME.exec(fileName)
      if (!m) return []
      const path = join(dir, fileName)
      const at = m[2]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z')
      return [{ fileName, path, reason: m[1]!.startsWith('truoc-nang-cap') ? 'before-migration' : m[1]!, at, bytes: statSync(path).size }]
    })
    .sort((a, b) => b.at.localeCompare(a.at))
}

/**
 * The copy taken before migrating a file of schema `version`: made once per version, so a
 * start that fails (and is tried again) does not write another full-size copy.
 */
export async function migrationBackup(sqlite: Database.Database, dir: string, version: number): Promise<string> {
  const prefix = `hanh-trang-truoc-nang-cap-v${version}-`
  const existing = listBackups(dir).find((b) => b.fileName.startsWith(prefix))
  if (existing) return existing.path
  mkdirSync(dir, { recursive: true })
  return (await backupTo(sqlite, join(dir, `${prefix}${timestampForFile()}.sqlite`))).path
}

/** One daily backup; the 7 newest daily ones are kept. */
export async function ensureDailyBackup(sqlite: Database.Database, dir: string, now = new Date()): Promise<BackupInfo | null> {
  const today = now.toISOString().slice(0, 10)
  const daily = listBackups(dir).filter((b) => b.reason === 'daily')
  const made = daily.some((b) => b.at.startsWith(today)) ? null : await createBackup(sqlite, dir, 'daily', now)
  for (const old of listBackups(dir).filter((b) => b.reason === 'daily').slice(DAILY_KEEP)) rmSync(old.path, { force: true })
  return made
}

/**
 * Refuses what cannot be restored: not SQLite, damaged, not Hành Trang's (no app_meta
 * with an installation id), or written by a newer version.
 */
export function checkRestorable(path: string): { schemaVersion: number } {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch {
    throw new AppError('not_a_database', { name: basename(path) })
  }
  try {
    let ok = false
    try {
      ok = db.pragma('quick_check', { simple: true }) === 'ok' && !!db.prepare(`SELECT value FROM app_meta WHERE key = 'installation_id'`).get()
    } catch {
      ok = false
    }
    if (!ok) throw new AppError('not_ours_or_damaged', { name: basename(path) })
    const schemaVersion = Number(db.pragma('user_version', { simple: true }))
    if (schemaVersion > SCHEMA_VERSION) {
      throw new AppError('backup_from_future', { name: basename(path), version: schemaVersion, known: SCHEMA_VERSION })
    }
    return { schemaVersion }
  } finally {
    db.close()
  }
}

/**
 * Puts a copy of `source` in place of the database at `dbPath` (which must be closed): the
 * copy is written beside it under a temporary name and renamed over it, so the database is
 * always either the old file or the whole new one.
 */
export function installDatabase(dbPath: string, source: string): void {
  const tmp = tempPathFor(dbPath)
  try {
    copyFileSync(source, tmp)
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${dbPath}${suffix}`, { force: true })
    publishFile(tmp, dbPath)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw fileError(dbPath, e)
  }
}

/**
 * Moves a damaged database (with its journal files) into `damaged/` beside it, never
 * deleting or overwriting anything: someone may yet recover records from it. Returns the
 * new path of the file.
 */
export function moveAside(dbPath: string, now = new Date()): string {
  const folder = join(dirname(dbPath), 'damaged')
  mkdirSync(folder, { recursive: true })
  const target = join(folder, `hanh-trang-hong-${timestampForFile(now)}.sqlite`)
  try {
    for (const suffix of ['-wal', '-shm', '-journal', '']) {
      if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${target}${suffix}`)
    }
  } catch (e) {
    throw fileError(target, e)
  }
  return target
}
