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
import { basename, dirname } from 'node:path'
import { describeUrl } from './db/dialect/postgres/open.ts'
import type { SecretStore } from './office/secrets.ts'
import { createOffice, isOfficeMethod, savedChoice, type RegisterChoice } from './office/service.ts'
import { folderPlatform } from './platform.ts'
import { join } from 'node:path'

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
  /**
   * Where this computer keeps a saved password (Electron's safeStorage, or the test host's).
   * With it the session opens the register the office-server settings name and can switch
   * between the file and the server (office/service.ts); without it, the file or `databaseUrl`.
   */
  secrets?: SecretStore
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
  const dataDir = dirname(options.dbPath)
  let core: Core | null = null
  let damage: AppError | null = null
  /** The saved server did not answer at start: the window offers to try again or to use the file. */
  let offline: { where: string; problem: AppError } | null = null
  let timer: NodeJS.Timeout | null = null
  const { databaseUrl: environmentUrl, secrets, backgroundAfterMs: _b, ...base } = options
  let choice: RegisterChoice = options.secrets ? savedChoice(dataDir, secrets, environmentUrl) : environmentUrl ? { kind: 'server', url: environmentUrl } : { kind: 'file' }
  const optionsFor = (c: RegisterChoice): CoreOptions => (c.kind === 'server' ? { ...base, databaseUrl: c.url } : base)
  try {
    core = await openCore(optionsFor(choice))
  } catch (e) {
    if (choice.kind === 'server' && secrets && e instanceof AppError) offline = { where: describeUrl(choice.url), problem: e }
    else if (!(e instanceof AppError) || e.code !== 'db_damaged') throw e
    else damage = e
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
    const opened = await openCore(optionsFor(choice))
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
      // A register on a server is backed up and checked by its administrator.
      if (!c.register.file) return
      await ensureDailyBackup(c.register.file, c.backupDir).catch((e: unknown) => options.log?.(e))
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

  // ---- switching registers (Settings > the office's server)
  /** Calls wait here while the register is being switched: none reaches the old one or the new one half-open. */
  let gate: Promise<void> | null = null
  /** Calls being answered by the current core (the windows' long polls aside: closing answers them). */
  let inflight = 0
  let drained: (() => void) | null = null

  /**
   * Closes the register shown and opens `next`: new calls wait, the calls under way finish
   * on the register they began on, then the new register is opened; only when it is open is
   * the old one closed (its indexer stopped, its change feed closed, its connections ended),
   * so a register that cannot be opened leaves the old one as it was.
   */
  async function switchTo(next: RegisterChoice): Promise<void> {
    let release!: () => void
    gate = new Promise<void>((r) => (release = r))
    try {
      while (inflight > 0) await new Promise<void>((r) => (drained = r))
      const opened = await openCore(optionsFor(next))
      const old = core
      core = opened
      choice = next
      damage = null
      offline = null
      await old?.close().catch((e: unknown) => options.log?.(e))
      startBackground()
    } finally {
      gate = null
      release()
    }
  }

  const office = secrets
    ? createOffice({
        dataDir,
        dbPath: options.dbPath,
        secrets,
        platform: options.platform ?? folderPlatform(join(dataDir, 'exports')),
        environmentUrl,
        current: () => choice,
        switchTo,
      })
    : null

  async function answerOffice(method: string, input: unknown): Promise<Result<unknown>> {
    if (!office || !isOfficeMethod(method)) return fail(new AppError('office_in_app'))
    try {
      const value = await office(method, input)
      if (options.checkOutput) contract[method].output.parse(value)
      return { ok: true, value }
    } catch (e) {
      options.log?.(e)
      return fail(e)
    }
  }

  /** While the saved server cannot be reached: the status, the office's settings, and the ways out. */
  function unreachable(method: string, input: unknown): Promise<Result<unknown>> {
    if (method === 'app.status') {
      return Promise.resolve({ ok: true, value: { state: 'unreachable', where: offline!.where, problem: offline!.problem.toApiError(), fileName: basename(options.dbPath) } })
    }
    return Promise.resolve(fail(offline!.problem))
  }

  async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    while (gate) await gate
    if (method.startsWith('office.') && office) return answerOffice(method, input)
    if (offline) return unreachable(method, input)
    const current = core
    if (!current) return recover(method, input)
    const counted = method !== 'changes.wait'
    if (counted) inflight++
    try {
      return await current.dispatch(method, input)
    } finally {
      if (counted && --inflight === 0 && drained) {
        drained()
        drained = null
      }
    }
  }

  return {
    dispatch,
    core: () => core,
    close: async () => {
      if (timer) clearTimeout(timer)
      await core?.close()
    },
  }
}
