/**
 * Changes on a server: each write NOTIFYs a channel inside its transaction (PostgreSQL
 * delivers it only if the transaction commits), and every core LISTENs on one connection
 * of its own, ignoring its own notices. A dropped connection is opened again, and the
 * core is told that something may have changed meanwhile.
 */
import { sql } from 'kysely'
import pg from 'pg'
import type { ChangeSource } from '../changes.ts'

export const CHANNEL = 'hanh_trang_changes'
const RETRY_MS = 1000

export function postgresChanges(url: string, session: string): ChangeSource {
  return {
    async announce(trx) {
      await sql`SELECT pg_notify(${CHANNEL}, ${session})`.execute(trx)
    },
    async watch(changed) {
      let client: pg.Client | null = null
      let stopped = false
      let timer: NodeJS.Timeout | null = null
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url, application_name: 'hanh-trang-listen' })
        c.on('notification', (n) => {
          if (n.payload !== session) changed()
        })
        c.on('error', () => reconnect())
        c.on('end', () => reconnect())
        await c.connect()
        await c.query(`LISTEN ${CHANNEL}`)
        client = c
      }
      const reconnect = () => {
        if (stopped || timer) return
        client = null
        timer = setTimeout(() => {
          timer = null
          connect().then(changed, () => reconnect())
        }, RETRY_MS)
        timer.unref()
      }
      await connect()
      return async () => {
        stopped = true
        if (timer) clearTimeout(timer)
        const c = client as pg.Client | null
        client = null
        await c?.end().catch(() => {})
      }
    },
  }
}
