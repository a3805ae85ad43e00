/**
 * Electron lifecycle only: single instance, the app:// protocol serving the bundled
 * renderer, the core on the db in the user's data folder, the IPC transport, the window.
 */
import { readFile } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import { app, BrowserWindow, dialog, protocol, session } from 'electron'
import { AppError } from '../errors.ts'
import { openSession, type Session } from '../session.ts'
import { setWorkerBase } from '../workers/run.ts'
import { backupDirFor, DB_FILE, defaultDataDir } from '../paths.ts'
import { CONTENT_SECURITY_POLICY } from './csp.ts'
import { lockDown } from './lockdown.ts'
import { APP_ORIGIN, originOf } from './origin.ts'
import { electronPlatform, electronSecretStore } from './platform.ts'
import { registerApi } from './transport.ts'
import { createMainWindow } from './window.ts'

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])

app.setPath('userData', defaultDataDir())
// The bundle's worker entries sit beside this file (electron.vite.config.ts).
setWorkerBase(new URL('.', import.meta.url))
// The bundle over app://, or electron-vite's dev server when run unpackaged by `npm run dev`.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererUrl = devUrl ? devUrl.replace(/\/$/, '') : APP_ORIGIN
// '' matches no URL: a dev URL without an origin refuses everything, and start() says why.
const rendererOrigin = originOf(rendererUrl) ?? ''
let mainWindow: BrowserWindow | null = null
let appSession: Session | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_e, contents) => lockDown(contents, rendererOrigin))
  app.whenReady().then(start, (e: unknown) => fail(e))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void appSession?.close())
}

function serveRenderer(): void {
  const root = join(import.meta.dirname, '../renderer')
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } })
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url)
    const file = normalize(join(root, decodeURIComponent(pathname)))
    if (!file.startsWith(root + sep)) return notFound()
    try {
      const body = await readFile(file)
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream'
      return new Response(body, { headers: { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY } })
    } catch {
      return notFound()
    }
  })
}

async function start(): Promise<void> {
  if (!rendererOrigin) fail(new Error(`ELECTRON_RENDERER_URL has no origin: ${rendererUrl}`))
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  serveRenderer()
  const dataDir = app.getPath('userData')
  // A damaged database opens the window in recovery (session.ts); the daily backup and the
  // health check run in the background once the first screen is up.
  const opened = await openSession({
    dbPath: join(dataDir, DB_FILE),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    backupDir: backupDirFor(dataDir),
    version: app.getVersion(),
    platform: electronPlatform(() => mainWindow),
    backgroundAfterMs: 20_000,
    // The office server's settings and saved password (Settings > "Máy chủ của cơ quan").
    secrets: electronSecretStore(),
    ...(process.env.HANH_TRANG_DATABASE_URL && { databaseUrl: process.env.HANH_TRANG_DATABASE_URL }),
  }).catch((e: unknown) => fail(e))
  appSession = opened
  registerApi(opened.dispatch, () => mainWindow, rendererOrigin)
  mainWindow = createMainWindow(rendererUrl)
  mainWindow.on('closed', () => (mainWindow = null))
}

function fail(e: unknown): never {
  const message = (e instanceof AppError ? e : new AppError('cannot_start', { detail: e instanceof Error ? e.message : String(e) })).message
  dialog.showErrorBox('Hành Trang', message)
  app.exit(1)
  throw e
}
