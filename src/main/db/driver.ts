/**
 * Kysely's SQLite dialect, with the three things a desktop register shared by a window and
 * a command line needs:
 *
 * - Transactions begin IMMEDIATE: the write lock is taken at the start, so a transaction
 *   never fails halfway when another process wrote in between (a deferred one that read
 *   first gets SQLITE_BUSY at its first write, which no busy handler can wait out).
 * - A busy database is waited for without blocking the event loop: the lock is tried with
 *   a short busy timeout, then again after a growing pause, up to a bound; the window keeps
 *   answering meanwhile.
 * - A rollback after SQLite already rolled back itself (a full disk, an I/O error) is
 *   skipped, so the error the officer sees is the one that happened, not "cannot rollback -
 *   no transaction is active".
 *
 * Prepared statements are kept by their SQL text: preparing costs more than running a
 * small query, and bulk writes run the same few statements thousands of times.
 */
import type Database from 'better-sqlite3'
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely'
import { SqliteDriver } from 'kysely'
import { setTimeout as sleep } from 'node:timers/promises'
import { isBusy } from './errors.ts'

/** How long a writer waits for another one, at most (a pack of 100,000 agreements takes ~10 s to write). */
export const BUSY_BOUND_MS = 30_000

export function withStatementCache(sqlite: Database.Database, size = 400): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    prepare(text: string) {
      const hit = cache.get(text)
      if (hit && !hit.busy) {
        cache.delete(text)
        cache.set(text, hit)
        return hit
      }
      const statement = sqlite.prepare(text)
      cache.set(text, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
      return statement
    },
    close: () => {
      cache.clear()
      sqlite.close()
    },
  }
}

class AppSqliteDriver extends SqliteDriver {
  private readonly sqlite: Database.Database
  private readonly bound: number

  constructor(sqlite: Database.Database, bound: number) {
    super({ database: withStatementCache(sqlite) })
    this.sqlite = sqlite
    this.bound = bound
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const start = Date.now()
    for (let attempt = 0; ; attempt++) {
      try {
        await this.tryBegin(connection)
        return
      } catch (e) {
        if (!isBusy(e) || Date.now() - start >= this.bound) throw e
        // 25, 50, 100, 200, 400 ms, then 500 ms between tries.
        await sleep(Math.min(500, 25 * 2 ** attempt))
      }
    }
  }

  /** BEGIN IMMEDIATE without SQLite's own (blocking) busy wait. */
  private async tryBegin(connection: DatabaseConnection): Promise<void> {
    const timeout = this.sqlite.pragma('busy_timeout', { simple: true }) as number
    this.sqlite.pragma('busy_timeout = 0')
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    } finally {
      this.sqlite.pragma(`busy_timeout = ${timeout}`)
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'))
  }
}

/** The dialect for the app's connection; `busyBoundMs` bounds the wait for another writer. */
export class AppSqliteDialect extends SqliteDialect {
  private readonly sqlite: Database.Database
  private readonly bound: number

  constructor(sqlite: Database.Database, busyBoundMs = BUSY_BOUND_MS) {
    super({ database: sqlite })
    this.sqlite = sqlite
    this.bound = busyBoundMs
  }

  override createDriver(): Driver {
    return new AppSqliteDriver(this.sqlite, this.bound)
  }
}
