/**
 * The running app: the core, or, when the database turns out to be damaged, a recovery
 * mode in which the window lists the backups and restores the chosen one (the damaged
 * file is moved aside, never deleted or overwritten). The Electron shell and the e2e host
 * run a session; the CLI and the tests use the core directly.
 *
 * A session also does the background work of a day: the daily backup and the health
 * check, both after the first screen, off the start path.
 */
import { contract } from '../shared/contract.ts'
import type { Result } from '../shared/result.ts'
import type { Dispatch } from './api/dispatcher.ts'
import { openCore, type Core, type CoreOptions } from './core.ts'
import { AppError, unexpected } from './errors.ts'
import { checkRestorable, ensureDailyBackup, installDatabase, listBackups, moveAside } from './exchange/backup.ts'
import { backupDirFor } from './paths.ts'
import { auditEvent, write } from './records.ts'
import { dirname } from 'node:path'

const DAY = 24 * 60 * 60 * 1000

export interface Session {
  dispatch: Dispatch
  /** The core, or null while the database is damaged and not yet recovered. */
  core(): Core | null
  close(): Promise<void>
}

export interface SessionOptions extends CoreOptions {
  /** Daily backup and health check, starting this long after the start (ms); none when absent. */
  backgroundAfterMs?: number
}

const fail = (e: unknown): Result<never> => ({ ok: false, error: e instanceof AppError ? e.toApiError() : unexpected() })

/**
 * Replaces a damaged database with the copy at `source` (checked first): the damaged file
 * is moved aside, never deleted or overwritten. Returns where it went.
 */
export function replaceDamaged(dbPath: string, source: string): string {
  checkRestorable(source)
  const movedTo = moveAside(dbPath)
  installDatabase(dbPath, source)
  return movedTo
}

/**
 * The register says how it came back, in its change log: restored from a backup
 * (`from`, its file name) or started empty (`from: null`), and where the damaged file went.
 */
export async function recordRecovery(core: Core, from: string | null, damagedFileMovedTo: string): Promise<void> {
  await write(core.ctx, (trx) => auditEvent(trx, core.ctx, 'database', 'recover', { from, damagedFileMovedTo }))
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const backupDir = options.backupDir ?? backupDirFor(dirname(options.dbPath))
  let core: Core | null = null
  let damage: AppError | null = null
  let timer: NodeJS.Timeout | null = null
  try {
    core = await openCore(options)
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'db_damaged') throw e
    damage = e
  }

  const backups = () => listBackups(backupDir).map(({ path: _p, ...b }) => b)

  /** What the damaged state answers: its status, the backups, and the two ways out. */
  async function recover(method: string, input: unknown): Promise<Result<unknown>> {
    try {
      switch (method) {
        case 'app.status':
          return { ok: true, value: { state: 'damaged', dataPath: options.dbPath, problem: damage!.toApiError(), backups: backups() } }
        case 'backups.list':
          return { ok: true, value: backups() }
        case 'recovery.restore': {
          const { fileName } = contract['recovery.restore'].input.parse(input)
          const backup = listBackups(backupDir).find((b) => b.fileName === fileName)
          if (!backup) throw new AppError('backup_not_found', { name: fileName })
          const movedTo = replaceDamaged(options.dbPath, backup.path)
          return { ok: true, value: { movedTo: await reopen(movedTo, fileName) } }
        }
        case 'recovery.startEmpty': {
          const movedTo = moveAside(options.dbPath)
          return { ok: true, value: { movedTo: await reopen(movedTo, null) } }
        }
        default:
          return fail(damage)
      }
    } catch (e) {
      return fail(e)
    }
  }

  async function reopen(movedTo: string, from: string | null): Promise<string> {
    const opened = await openCore(options)
    await recordRecovery(opened, from, movedTo)
    core = opened
    damage = null
    startBackground()
    return movedTo
  }

  /** The daily backup and health check: first a little after the start, then once a day. */
  function startBackground(): void {
    if (options.backgroundAfterMs === undefined || timer || !core) return
    const daily = async () => {
      const c = core
      if (!c) return
      await ensureDailyBackup(c.sqlite, c.backupDir).catch((e: unknown) => options.log?.(e))
      const last = c.health()
      if (!last || Date.now() - Date.parse(last.at) >= DAY) await c.checkHealth('background').catch((e: unknown) => options.log?.(e))
    }
    timer = setTimeout(function tick() {
      void daily().finally(() => {
        timer = setTimeout(tick, 60 * 60 * 1000)
        timer.unref()
      })
    }, options.backgroundAfterMs)
    timer.unref()
  }
  startBackground()

  return {
    dispatch: (method, input) => (core ? core.dispatch(method, input) : recover(method, input)),
    core: () => core,
    close: async () => {
      if (timer) clearTimeout(timer)
      await core?.close()
    },
  }
}
