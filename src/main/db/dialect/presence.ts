/**
 * Who has a brief open: each open brief page says so every few seconds under a session of
 * its own, and says goodbye when it closes. On a server a row of `presence` per session;
 * beside a SQLite file, one small file per session in the data folder (two windows of the
 * same file see each other, and a heartbeat is not a change of the register that would make
 * every window refresh). Never audited: it is no record of the register.
 */
import type { Db } from '../../context.ts'

export interface PresenceEntry {
  session: string
  tripId: string
  login: string
  /** ISO time of the last heartbeat. */
  seenAt: string
}

export interface PresenceStore {
  /** Records the session's heartbeat (replacing its last one). */
  touch(db: Db, dataDir: string, entry: PresenceEntry): Promise<void>
  /** The session has left (its brief page closed). */
  leave(db: Db, dataDir: string, session: string): Promise<void>
  /** The sessions seen on `tripId` since `since` (ISO); older heartbeats are removed on the way when `staleBefore` says so. */
  seen(db: Db, dataDir: string, tripId: string, since: string, staleBefore: string): Promise<PresenceEntry[]>
}
