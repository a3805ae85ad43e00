/** Who has a brief open, on a server: one row per open brief page (see ../presence.ts). */
import type { PresenceStore } from '../presence.ts'

export const postgresPresence: PresenceStore = {
  async touch(db, _dataDir, entry) {
    await db
      .insertInto('presence')
      .values(entry)
      .onConflict((oc) => oc.column('session').doUpdateSet({ tripId: entry.tripId, login: entry.login, seenAt: entry.seenAt }))
      .execute()
  },
  async leave(db, _dataDir, session) {
    await db.deleteFrom('presence').where('session', '=', session).execute()
  },
  async seen(db, _dataDir, tripId, since, staleBefore) {
    await db.deleteFrom('presence').where('seenAt', '<', staleBefore).execute()
    return db.selectFrom('presence').select(['session', 'tripId', 'login', 'seenAt']).where('tripId', '=', tripId).where('seenAt', '>=', since).orderBy('login').execute()
  },
}
