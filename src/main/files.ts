/**
 * Files are written whole or not at all. Every export (a brief, a report, a data pack, a
 * stored attachment or letterhead) goes through `AtomicFile`: the bytes go to a temporary
 * file beside the target, every byte is written (a short write is continued, never taken
 * for success), the file is flushed to disk, renamed over the target and the folder is
 * flushed, so that a crash, a full disk or a file locked by Word leaves the target as it
 * was. The sha256 returned is of the bytes that were written.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from './errors.ts'

/** Our temporary files end so, after the pid of the process writing them (a backup's temporary database may have SQLite's journals beside it). */
const TEMP_SUFFIX = '.hanh-trang-tmp'
const TEMP_NAME = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.hanh-trang-tmp(?:-journal|-wal|-shm)?$/

export const tempPathFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`)

export interface Written {
  path: string
  bytes: number
  sha256: string
}

/** The words for a failed write of `path`, by the system's error code. */
export function fileError(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  const code = (e as NodeJS.ErrnoException).code
  const name = basename(path)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('file_disk_full', { path })
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return new AppError('file_in_use', { name })
    case 'EROFS':
      return new AppError('drive_read_only', { name })
    case 'ENOENT':
      return new AppError('folder_missing', { name, folder: dirname(path) })
    default:
      return new AppError('write_failed', { name, detail: code ?? (e as Error).message })
  }
}

/** Flushes a folder's entry for a renamed file (not possible on Windows, where rename is durable enough). */
function fsyncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for flushing.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** A file being written: `write` as often as needed, then `commit` (or `abort`). */
export class AtomicFile {
  readonly path: string
  readonly tempPath: string
  private fd: number | null
  private readonly hash: Hash = createHash('sha256')
  private size = 0

  constructor(path: string) {
    this.path = path
    removeStaleTempsOf(path)
    this.tempPath = tempPathFor(path)
    try {
      this.fd = openSync(this.tempPath, 'wx')
    } catch (e) {
      throw fileError(path, e)
    }
  }

  /** Writes every byte of `chunk`, continuing after a short write. */
  write(chunk: Uint8Array): void {
    if (this.fd === null) throw new Error('write after close')
    try {
      let at = 0
      while (at < chunk.length) {
        const n = writeSync(this.fd, chunk, at, chunk.length - at)
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' })
        this.hash.update(chunk.subarray(at, at + n))
        at += n
      }
      this.size += chunk.length
    } catch (e) {
      this.abort()
      throw fileError(this.path, e)
    }
  }

  /** Flushes, renames over the target, flushes the folder. */
  commit(): Written {
    if (this.fd === null) throw new Error('commit after close')
    try {
      fsyncSync(this.fd)
      closeSync(this.fd)
      this.fd = null
      renameSync(this.tempPath, this.path)
      fsyncFolder(dirname(this.path))
    } catch (e) {
      this.abort()
      throw fileError(this.path, e)
    }
    return { path: this.path, bytes: this.size, sha256: this.hash.digest('hex') }
  }

  /** Removes the temporary file; the target stays as it was. */
  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd)
      } catch {
        // already closed by the system
      }
      this.fd = null
    }
    rmSync(this.tempPath, { force: true })
  }
}

/** Puts a finished temporary file in place: flushed, renamed over `path`, the folder flushed. */
export function publishFile(tempPath: string, path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(tempPath, 'r+')
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(tempPath, path)
    fsyncFolder(dirname(path))
  } catch (e) {
    if (fd !== undefined) closeSync(fd)
    rmSync(tempPath, { force: true })
    throw fileError(path, e)
  }
}

/**
 * Removes what a crashed process of ours left while writing `path`: a folder the core does
 * not own (the officer's, where a brief or a pack goes) is not cleaned at start, so writing
 * the same file again cleans it.
 */
export const removeStaleTempsOf = (path: string) => removeStaleTemps([dirname(path)], basename(path))

/** Writes `bytes` to `path` whole or not at all. */
export function writeFileAtomic(path: string, bytes: Uint8Array): Written {
  const file = new AtomicFile(path)
  file.write(bytes)
  return file.commit()
}

/** Writes what `source` yields to `path` whole or not at all (a data pack streamed out of its zip writer). */
export async function writeStreamAtomic(path: string, source: AsyncIterable<Uint8Array>): Promise<Written> {
  const file = new AtomicFile(path)
  try {
    for await (const chunk of source) file.write(chunk)
  } catch (e) {
    file.abort()
    throw fileError(path, e)
  }
  return file.commit()
}

const alive = (pid: number) => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files a crashed process of ours left in these folders (its pid is in
 * the name, and no such process runs); `of`: only those of that file. Returns the paths removed.
 */
export function removeStaleTemps(folders: readonly string[], of?: string): string[] {
  const removed: string[] = []
  for (const folder of folders) {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name)
      if (!m || (of !== undefined && m[1] !== of) || alive(Number(m[2]))) continue
      const path = join(folder, name)
      try {
        rmSync(path, { force: true, recursive: statSync(path).isDirectory() })
        removed.push(path)
      } catch {
        // Another process may be removing it too.
      }
    }
  }
  return removed
}
