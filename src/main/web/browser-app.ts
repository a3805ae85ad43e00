/**
 * The app in the system browser, for where Electron cannot start (`npm start` falls back to
 * it; `npm start -- --browser` asks for it). The same core on the same data folder as the
 * desktop app, served on 127.0.0.1 by the HTTP transport the e2e host uses, with what the
 * desktop window has and a browser tab has not: a per-run secret (in the URL's fragment,
 * sent back as a header), the exact Host and Origin, the app's CSP, and dialogs answered by
 * the page (file inputs and downloads, calls.ts).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { SECRET_FRAGMENT_KEY } from '../../shared/web-protocol.ts'
import { backupDirFor, DB_FILE } from '../paths.ts'
import { openSession } from '../session.ts'
import { browserSecretStore } from '../office/secrets.ts'
import { BrowserCalls } from './calls.ts'
import { startWebServer } from './server.ts'

export interface BrowserAppOptions {
  dataDir: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  resourcesDir: string
  version: string
  /** 0 (the default): a free port chosen by the system. */
  port?: number
}

export interface BrowserApp {
  /** What to open: `http://127.0.0.1:PORT/#k=SECRET`. Print it to the officer, never to a log. */
  url: string
  origin: string
  close(): Promise<void>
}

/** Where uploads and exports wait while a run lasts: a folder per run, removed at its end. */
export const BROWSER_FOLDER = 'browser'
const DAY = 24 * 60 * 60 * 1000

/** Folders a run that was killed left behind, a day on. */
function removeStaleRuns(root: string): void {
  let names: string[] = []
  try {
    names = readdirSync(root)
  } catch {
    return
  }
  for (const name of names) {
    const dir = join(root, name)
    try {
      if (Date.now() - statSync(dir).mtimeMs > DAY) rmSync(dir, { recursive: true, force: true })
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const { dataDir } = options
  mkdirSync(dataDir, { recursive: true })
  removeStaleRuns(join(dataDir, BROWSER_FOLDER))
  const calls = new BrowserCalls(dataDir, join(dataDir, BROWSER_FOLDER, randomBytes(6).toString('hex')))
  const session = await openSession({
    dbPath: join(dataDir, DB_FILE),
    resourcesDir: options.resourcesDir,
    backupDir: backupDirFor(dataDir),
    version: options.version,
    platform: calls.platform(),
    backgroundAfterMs: 20_000,
    // No system keyring from here: a saved server password is only obfuscated, and the form asks first.
    secrets: browserSecretStore(),
    ...(process.env.HANH_TRANG_DATABASE_URL && { databaseUrl: process.env.HANH_TRANG_DATABASE_URL }),
  })
  const secret = randomBytes(32).toString('base64url')
  const server = await startWebServer({ rendererDir: options.rendererDir, dispatch: session.dispatch, port: options.port ?? 0, secret, calls, bridge: true }).catch(async (e: unknown) => {
    calls.close()
    await session.close()
    throw e
  })
  return {
    url: `${server.origin}/#${SECRET_FRAGMENT_KEY}=${secret}`,
    origin: server.origin,
    close: async () => {
      await server.close()
      calls.close()
      await session.close()
    },
  }
}

/** The system's way to open a URL in the default browser. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]]
  // `start`'s first quoted argument is a window title; the URL holds no character cmd would read.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]]
  return ['xdg-open', [url]]
}

/** Opens `url` in the default browser; false when the system has no way to (the URL is printed anyway). */
export function openInBrowser(url: string): Promise<boolean> {
  const [command, args] = browserCommand(url)
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true })
      child.once('error', () => resolve(false))
      child.once('spawn', () => {
        child.unref()
        resolve(true)
      })
    } catch {
      resolve(false)
    }
  })
}
