/**
 * Changes in a SQLite file made by another connection (a second window, the CLI, a pack
 * applied by a script): `PRAGMA data_version` changes when another connection commits, so
 * a look every second tells the core within a second.
 */
import type Database from 'better-sqlite3'
import type { ChangeSource } from '../changes.ts'

const EVERY_MS = 1000

export function sqliteChanges(sqlite: Database.Database): ChangeSource {
  return {
    async announce() {},
    async watch(changed) {
      const version = () => sqlite.pragma('data_version', { simple: true }) as number
      let last = version()
      const timer = setInterval(() => {
        try {
          const now = version()
          if (now !== last) {
            last = now
            changed()
          }
        } catch {
          // A closed or damaged file: the next request says so.
        }
      }, EVERY_MS)
      timer.unref()
      return async () => clearInterval(timer)
    },
  }
}
