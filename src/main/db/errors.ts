/**
 * What a failure of the database means for the officer. SQLite's own messages ("disk I/O
 * error", "database is locked", "cannot rollback - no transaction is active") say nothing
 * useful; each is named here as what happened: the disk is full, another program is
 * writing, the file is damaged, or the disk failed.
 */
import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../errors.ts'

const codeOf = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '')

export const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(e))
export const isDamage = (e: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(e))

/** Free bytes on the drive holding `path`, or null when the system cannot say. */
export function freeBytes(path: string): number | null {
  try {
    const s = statfsSync(dirname(path))
    return Number(s.bavail) * Number(s.bsize)
  } catch {
    return null
  }
}

export const diskFull = (path: string) => new AppError('disk_full', { path })

export const busy = (path: string) => new AppError('busy', { path })

export const damaged = (path: string, detail: string) => new AppError('db_damaged', { path, detail })

/**
 * The AppError for an error thrown by SQLite (or the file system) while working on the
 * database at `path`, or null when it is not one of these (a programming error stays
 * "internal"). A write error is "disk full" when the drive has (almost) no space left.
 */
export function classifyDbError(e: unknown, path: string): AppError | null {
  if (e instanceof AppError) return e
  const code = codeOf(e)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return diskFull(path)
  if (isBusy(e)) return busy(path)
  if (isDamage(e)) return damaged(path, (e as Error).message)
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    const free = freeBytes(path)
    if (free !== null && free < 1024 * 1024) return diskFull(path)
    return new AppError('db_io_error', { path, detail: code })
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new AppError('db_read_only', { path })
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('db_cannot_open', { path })
  }
  return null
}
