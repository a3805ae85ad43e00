/**
 * Who has a brief open, beside a SQLite file: one small file per open brief page in the
 * data folder's `presence/` (see ../presence.ts). A heartbeat written into the register
 * itself would count as a change, and every window would refresh every few seconds.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../../../files.ts'
import type { PresenceEntry, PresenceStore } from '../presence.ts'

/** A session names a file: only these characters (the contract says so too). */
const SESSION = /^[A-Za-z0-9-]{8,64}$/
const folderOf = (dataDir: string) => join(dataDir, 'presence')
const fileOf = (dataDir: string, session: string) => {
  if (!SESSION.test(session)) throw new Error('bad presence session')
  return join(folderOf(dataDir), `${session}.json`)
}

function read(path: string): PresenceEntry | null {
  try {
    const e = JSON.parse(readFileSync(path, 'utf8')) as Partial<PresenceEntry>
    return typeof e.session === 'string' && typeof e.tripId === 'string' && typeof e.login === 'string' && typeof e.seenAt === 'string'
      ? { session: e.session, tripId: e.tripId, login: e.login, seenAt: e.seenAt }
      : null
  } catch {
    // Being replaced, or removed by another window: it is seen at the next heartbeat.
    return null
  }
}

export const sqlitePresence: PresenceStore = {
  async touch(_db, dataDir, entry) {
    mkdirSync(folderOf(dataDir), { recursive: true })
    writeFileAtomic(fileOf(dataDir, entry.session), Buffer.from(JSON.stringify(entry)))
  },
  async leave(_db, dataDir, session) {
    rmSync(fileOf(dataDir, session), { force: true })
  },
  async seen(_db, dataDir, tripId, since, staleBefore) {
    let names: string[]
    try {
      names = readdirSync(folderOf(dataDir))
    } catch {
      return []
    }
    const found: PresenceEntry[] = []
    for (const name of names) {
      if (!name.endsWith('.json') || !SESSION.test(name.slice(0, -5))) continue
      const path = join(folderOf(dataDir), name)
      const e = read(path)
      if (!e) continue
      if (e.seenAt < staleBefore) rmSync(path, { force: true })
      else if (e.tripId === tripId && e.seenAt >= since) found.push(e)
    }
    return found.sort((a, b) => a.login.localeCompare(b.login))
  },
}
