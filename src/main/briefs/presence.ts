/**
 * "Đang mở cùng lúc: …": who else has a trip's brief open. The brief page calls this every
 * ~15 s while open and once more when it closes (`leave`); the answer is the other pages
 * seen in the last 45 s. The heartbeats are kept where the register's dialect says (a
 * table on a server, small files beside a SQLite file: db/dialect/presence.ts); they are
 * not records, so they are neither audited nor a change the other windows refresh for.
 */
import type { Ctx } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'

/** A page not heard from for this long has gone (three missed heartbeats). */
export const PRESENCE_WINDOW_MS = 45_000
/** Heartbeats older than this are removed on the way. */
const FORGET_MS = 10 * 60_000

const before = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString()

export async function briefPresence(ctx: Ctx, dataDir: string, input: { tripId: string; session: string; leave?: boolean | undefined }) {
  const store = dialectOf(ctx.db).presence
  const now = ctx.now()
  if (input.leave) {
    await store.leave(ctx.db, dataDir, input.session)
    return []
  }
  await store.touch(ctx.db, dataDir, { session: input.session, tripId: input.tripId, login: ctx.actor, seenAt: now })
  const seen = await store.seen(ctx.db, dataDir, input.tripId, before(now, PRESENCE_WINDOW_MS), before(now, FORGET_MS))
  return seen.filter((e) => e.session !== input.session).map((e) => ({ login: e.login, seenAt: e.seenAt, sameOfficer: e.login === ctx.actor }))
}
