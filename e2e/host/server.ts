/**
 * The test transport: the app's loopback HTTP server (src/main/web/server.ts) serving the
 * built renderer (out/renderer) under the app's own Content-Security-Policy header, and the
 * real dispatcher at POST /api, on a core whose db lives in its own data folder.
 * Tests give the page the same one-function bridge the preload exposes in Electron,
 * `window.hanhTrang.invoke(method, input)`, here over fetch (see `apiInitScript`), so the
 * renderer cannot tell the two apart. Dialogs answer from `filesToOpen` and save into the
 * data folder's `exports/` (the browser mode of `npm start` asks the page instead).
 * Once `hostsOnServer` names a PostgreSQL server (the e2e `postgres` project), each host's
 * core is on a fresh database of its own there, copied from the run's migrated template and
 * dropped when the host closes; the data folder still holds exports and letterheads.
 *
 *   node e2e/host/server.ts [--port 5199] [--data DIR] [--demo] [--welcome]   (for looking around by hand)
 *   (with HANH_TRANG_DATABASE_URL=postgres://… the register is that server's, migrated if needed)
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BRIDGE_GLOBAL } from '../../src/shared/client.ts'
import type { Core } from '../../src/main/core.ts'
import { openSession, type Session } from '../../src/main/session.ts'
import { folderPlatform } from '../../src/main/platform.ts'
import { startWebServer } from '../../src/main/web/server.ts'
import { skipFirstStart } from '../../src/main/settings/settings.ts'
import { databaseFromTemplate, type ServerDatabase } from '../../scripts/pg-template.ts'
import { memorySecretStore, type SecretStore } from '../../src/main/office/secrets.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')
export const RENDERER = join(ROOT, 'out', 'renderer')

/** Where a host's register is: the arguments of `openCore` that name it (another core opens the same register with them). */
export interface RegisterPlace {
  dbPath: string
  databaseUrl?: string
}

let server: { url: string; template: string } | null = null

/** From now on, hosts put their registers on this PostgreSQL server (null: back to SQLite files). */
export function hostsOnServer(on: { url: string; template: string } | null): void {
  server = on
}

export interface Host {
  url: string
  /** The register this host's core works on. */
  place: RegisterPlace
  /** The core (null while the host's database is damaged and the page shows recovery). */
  readonly core: Core
  session: Session
  dataDir: string
  /** What the "open file" dialog answers next (the host has no dialogs). */
  filesToOpen: { spreadsheetToOpen?: string; docxToOpen?: string; packToOpen?: string; certificateToOpen?: string }
  close(): Promise<void>
}

/**
 * `firstStart`: leave the first start's welcome step unanswered, as on a fresh install.
 * By default the host's register is one whose first start was answered already, so that
 * a test begins on the home page (e2e/settings.spec.ts is the one about that step).
 */
export async function startHost(
  options: {
    dataDir?: string
    port?: number
    now?: () => Date
    firstStart?: boolean
    rendererDir?: string
    /** The platform's password store (Settings > the office's server); by default one whose key lives in this process. */
    secrets?: SecretStore
    /** A PostgreSQL server's URL: the core works on a fresh database made from the migrated template there. */
    databaseUrl?: string
  } = {},
): Promise<Host> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hanh-trang-e2e-'))
  mkdirSync(dataDir, { recursive: true })
  const filesToOpen: Host['filesToOpen'] = {}
  const database: ServerDatabase | null = !options.databaseUrl && server ? await databaseFromTemplate(server.url, server.template) : null
  const databaseUrl = options.databaseUrl ?? database?.url
  const place: RegisterPlace = { dbPath: join(dataDir, 'hanh-trang.sqlite'), ...(databaseUrl && { databaseUrl }) }
  const session = await openSession({
    platform: folderPlatform(join(dataDir, 'exports'), filesToOpen),
    ...place,
    // A server named by hand is brought up to date as `cli server migrate` would; the tests' copies of the template already are.
    ...(options.databaseUrl && { migrateServer: true }),
    resourcesDir: join(ROOT, 'resources'),
    backupDir: join(dataDir, 'backups'),
    version: 'e2e',
    checkOutput: true,
    secrets: options.secrets ?? memorySecretStore(),
    ...(options.now && { now: options.now }),
  }).catch(async (e: unknown) => {
    await database?.drop()
    throw e
  })
  const opened = session.core()
  if (opened && !options.firstStart) await skipFirstStart(opened.db, new Date().toISOString())
  const web = await startWebServer({ rendererDir: options.rendererDir ?? RENDERER, dispatch: session.dispatch, port: options.port ?? 0 })
  return {
    url: web.origin,
    place,
    get core() {
      const core = session.core()
      if (!core) throw new Error('the host database is damaged; the page shows recovery')
      return core
    },
    session,
    dataDir,
    filesToOpen,
    close: async () => {
      await web.close()
      await session.close()
      await database?.drop()
    },
  }
}

/**
 * The script that gives the page the bridge, as the preload does: one read-only global
 * holding a frozen object with `invoke`, which posts `(method, input)` to /api and hands
 * back the handler's result (the `done` of the server's answer).
 */
export function apiInitScript(): string {
  return `Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { enumerable: true, value: Object.freeze({
    invoke: (method, input) =>
      fetch('/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) })
        .then((r) => r.json())
        .then((r) => r.done),
  }) });`
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, demo: { type: 'boolean' }, welcome: { type: 'boolean' } } })
  const databaseUrl = process.env.HANH_TRANG_DATABASE_URL
  const host = await startHost({ port: Number(values.port ?? 5199), ...(values.data && { dataDir: values.data }), ...(databaseUrl && { databaseUrl }), firstStart: !!values.welcome })
  if (values.demo) await host.session.dispatch('demo.load', undefined)
  process.stdout.write(`Hành Trang test host: ${host.url} (data: ${host.dataDir}). Open it with the bridge injected (apiInitScript, see e2e/fixtures.ts), or run the browser mode: npm start -- --browser.\n`)
}
