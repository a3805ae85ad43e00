/**
 * A pack chosen in the window is looked at, then applied, in two calls: the file's path is
 * kept here under a random token (the renderer never sends a path), with its size and time,
 * so that a file replaced in between is opened again rather than applied unseen.
 */
import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../errors.ts'

const MAX_SESSIONS = 5

export class PackSessions {
  private readonly files = new Map<string, { path: string; fileName: string; size: number; mtimeMs: number }>()

  open(path: string): string {
    let stat
    try {
      stat = statSync(path)
    } catch {
      throw new AppError('cannot_read_file', { name: basename(path) })
    }
    const token = randomBytes(16).toString('hex')
    this.files.set(token, { path, fileName: basename(path), size: stat.size, mtimeMs: stat.mtimeMs })
    while (this.files.size > MAX_SESSIONS) this.files.delete(this.files.keys().next().value!)
    return token
  }

  /** The file of a session, refused when it changed since it was looked at. */
  get(token: string): { path: string; fileName: string } {
    const f = this.files.get(token)
    if (!f) throw new AppError('session_expired')
    let same = false
    try {
      const stat = statSync(f.path)
      same = stat.size === f.size && stat.mtimeMs === f.mtimeMs
    } catch {
      same = false
    }
    if (!same) throw new AppError('pack_changed', { name: f.fileName })
    return f
  }
}
