/**
 * The calls of Settings > "Máy chủ của cơ quan", answered by the session (session.ts)
 * rather than by a core, since connecting replaces the core: read the settings, test a
 * connection, connect to the server, go back to the file, try the saved server again.
 * Connecting tests first (so that a refusal is worded before anything changes), then the
 * session switches the register, and only then are the settings saved.
 */
import { basename } from 'node:path'
import { contract, type Method } from '../../shared/contract.ts'
import type { ConnectionReport, OfficeServerView } from '../../shared/domain/office.ts'
import { toDetails } from '../api/dispatcher.ts'
import { AppError } from '../errors.ts'
import type { Platform } from '../platform.ts'
import { openPassword, readOfficeConfig, sealPassword, serverUrl, settingsOfUrl, writeOfficeConfig, type OfficeConfig, type ServerSettings } from './config.ts'
import { testConnection } from './connect.ts'
import type { SecretStore } from './secrets.ts'

/** Which register a core is opened on: the file of the data folder, or a server's address. */
export type RegisterChoice = { kind: 'file' } | { kind: 'server'; url: string }

export interface OfficeDeps {
  dataDir: string
  dbPath: string
  secrets: SecretStore
  platform: Platform
  /** HANH_TRANG_DATABASE_URL, when the app was started with it. */
  environmentUrl: string | undefined
  /** Which register is open now. */
  current(): RegisterChoice
  /** Closes the current register and opens `next`; the current one stays when `next` cannot be opened. */
  switchTo(next: RegisterChoice): Promise<void>
}

export const OFFICE_METHODS = ['office.get', 'office.test', 'office.connect', 'office.useFile', 'office.reconnect', 'office.chooseCa'] as const
export type OfficeMethod = (typeof OFFICE_METHODS)[number]
export const isOfficeMethod = (m: string): m is OfficeMethod => (OFFICE_METHODS as readonly string[]).includes(m)

type Parsed<M extends Method> = ReturnType<(typeof contract)[M]['input']['parse']>

const settingsOf = (input: Parsed<'office.test'>): ServerSettings => ({
  host: input.host,
  port: input.port,
  database: input.database,
  user: input.user,
  tls: input.tls,
  caFile: input.tls === 'verify-full' ? input.caFile : null,
})

const sameServer = (a: ServerSettings, b: ServerSettings | null | undefined) => !!b && a.host === b.host && a.port === b.port && a.database === b.database && a.user === b.user

export function createOffice(deps: OfficeDeps) {
  const config = () => readOfficeConfig(deps.dataDir)

  /** The password typed, else the one saved for the same server and login. */
  const passwordFor = (input: Parsed<'office.test'>, saved: OfficeConfig): string | null =>
    input.password !== '' ? input.password : sameServer(settingsOf(input), saved.server) ? openPassword(saved.server!.password, deps.secrets) : null

  /** A password to keep where only obfuscation is possible needs the officer's agreement first. */
  const checkSecretStore = (input: Parsed<'office.test'>) => {
    const strength = deps.secrets.strength()
    if (input.password !== '' && strength !== 'strong' && !input.acceptWeakSecret) {
      throw new AppError('office_secret_weak', { backend: deps.secrets.backend() }, { field: 'acceptWeakSecret' })
    }
  }

  function view(): OfficeServerView {
    const saved = config()
    const fromEnv = deps.environmentUrl ? settingsOfUrl(deps.environmentUrl) : null
    const server = saved.server ?? fromEnv
    return {
      use: deps.current().kind,
      setBy: deps.environmentUrl && deps.current().kind === 'server' && !saved.server ? 'environment' : 'settings',
      server: server && {
        host: server.host,
        port: server.port,
        database: server.database,
        user: server.user,
        tls: server.tls,
        caFile: server.caFile,
        passwordSaved: !!saved.server?.password,
      },
      secrets: { strength: deps.secrets.strength(), backend: deps.secrets.backend() },
      fileName: basename(deps.dbPath),
    }
  }

  async function test(input: Parsed<'office.test'>): Promise<ConnectionReport> {
    return testConnection(settingsOf(input), passwordFor(input, config()))
  }

  async function connect(input: Parsed<'office.connect'>): Promise<ConnectionReport> {
    checkSecretStore(input)
    const saved = config()
    const settings = settingsOf(input)
    const password = passwordFor(input, saved)
    const report = await testConnection(settings, password)
    await deps.switchTo({ kind: 'server', url: serverUrl(settings, password) })
    const kept = input.password !== '' ? sealPassword(input.password, deps.secrets, input.acceptWeakSecret) : sameServer(settings, saved.server) ? saved.server!.password : null
    writeOfficeConfig(deps.dataDir, { version: 1, use: 'server', server: { ...settings, password: kept } })
    return report
  }

  /** Back to the register file of this computer; the server's settings are kept for next time. */
  async function useFile(): Promise<void> {
    if (deps.current().kind !== 'file') await deps.switchTo({ kind: 'file' })
    writeOfficeConfig(deps.dataDir, { ...config(), use: 'file' })
  }

  /** The saved server again (after it could not be reached at start). */
  async function reconnect(): Promise<void> {
    const next = savedChoice(deps.dataDir, deps.secrets, deps.environmentUrl)
    if (next.kind !== 'server') throw new AppError('office_no_server')
    await deps.switchTo(next)
  }

  async function chooseCa(): Promise<{ path: string } | null> {
    const path = (await deps.platform.chooseCertificate?.()) ?? null
    return path ? { path } : null
  }

  /** Answers an office call: its input checked against the contract, as the dispatcher does. */
  return async function call(method: OfficeMethod, raw: unknown): Promise<unknown> {
    const parsed = contract[method].input.safeParse(raw ?? undefined)
    if (!parsed.success) throw new AppError('invalid_input', {}, { details: toDetails(parsed.error) })
    const input = parsed.data
    switch (method) {
      case 'office.get':
        return view()
      case 'office.test':
        return test(input as Parsed<'office.test'>)
      case 'office.connect':
        return connect(input as Parsed<'office.connect'>)
      case 'office.useFile':
        return (await useFile(), { ok: true })
      case 'office.reconnect':
        return (await reconnect(), { ok: true })
      case 'office.chooseCa':
        return chooseCa()
    }
  }
}

/** The register to open at start: HANH_TRANG_DATABASE_URL, else the saved choice, else the file. */
export function savedChoice(dataDir: string, secrets: SecretStore | undefined, environmentUrl: string | undefined): RegisterChoice {
  if (environmentUrl) return { kind: 'server', url: environmentUrl }
  const saved = readOfficeConfig(dataDir)
  if (saved.use !== 'server' || !saved.server || !secrets) return { kind: 'file' }
  return { kind: 'server', url: serverUrl(saved.server, openPassword(saved.server.password, secrets)) }
}
