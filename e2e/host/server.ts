/**
 * The test transport: a loopback HTTP host that serves the built renderer (out/renderer)
 * under the app's own Content-Security-Policy header, and the real dispatcher at POST
 * /api, on a core whose db lives in its own data folder.
 * Tests give the page the same one-function bridge the preload exposes in Electron,
 * `window.hanhTrang.invoke(method, input)`, here over fetch (see `apiInitScript`), so the
 * renderer cannot tell the two apart.
 *
 *   node e2e/host/server.ts [--port 5199] [--data DIR] [--demo] [--welcome]   (for looking around by hand)
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { BRIDGE_GLOBAL } from '../../src/shared/client.ts'
import type { Core } from '../../src/main/core.ts'
import { openSession, type Session } from '../../src/main/session.ts'
import { folderPlatform } from '../../src/main/platform.ts'
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/csp.ts'
import { skipFirstStart } from '../../src/main/settings/settings.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')
const RENDERER = join(ROOT, 'out', 'renderer')
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }
const MAX_BODY = 8 * 1024 * 1024

export interface Host {
  url: string
  /** The core (null while the host's database is damaged and the page shows recovery). */
  readonly core: Core
  session: Session
  dataDir: string
  /** What the "open file" dialog answers next (the host has no dialogs). */
  filesToOpen: { spreadsheetToOpen?: string; docxToOpen?: string; packToOpen?: string }
  close(): Promise<void>
}

/**
 * `firstStart`: leave the first start's welcome step unanswered, as on a fresh install.
 * By default the host's register is one whose first start was answered already, so that
 * a test begins on the home page (e2e/settings.spec.ts is the one about that step).
 */
export async function startHost(options: { dataDir?: string; port?: number; now?: () => Date; firstStart?: boolean } = {}): Promise<Host> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hanh-trang-e2e-'))
  mkdirSync(dataDir, { recursive: true })
  const filesToOpen: Host['filesToOpen'] = {}
  const session = await openSession({
    platform: folderPlatform(join(dataDir, 'exports'), filesToOpen),
    dbPath: join(dataDir, 'hanh-trang.sqlite'),
    resourcesDir: join(ROOT, 'resources'),
    backupDir: join(dataDir, 'backups'),
    version: 'e2e',
    checkOutput: true,
    ...(options.now && { now: options.now }),
  })
  const opened = session.core()
  if (opened && !options.firstStart) await skipFirstStart(opened.db, new Date().toISOString())
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api') {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size > MAX_BODY) req.destroy()
        else chunks.push(c)
      })
      req.on('end', async () => {
        let result: unknown
        try {
          const { method, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { method: string; input: unknown }
          result = await session.dispatch(method, input)
        } catch {
          result = { ok: false, error: { code: 'invalid_input', message: 'Yêu cầu không đọc được / unreadable request' } }
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(result))
      })
      return
    }
    // Every renderer response carries the policy the app:// handler sends in Electron.
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const file = normalize(join(RENDERER, path === '/' ? 'index.html' : decodeURIComponent(path)))
    if (!file.startsWith(RENDERER + sep)) {
      res.writeHead(404).end()
      return
    }
    try {
      const body = readFileSync(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    get core() {
      const core = session.core()
      if (!core) throw new Error('the host database is damaged; the page shows recovery')
      return core
    },
    session,
    dataDir,
    filesToOpen,
    close: async () => {
      // The page may still hold keep-alive connections: end them, or close() waits for them.
      const closed = new Promise<void>((ok) => server.close(() => ok()))
      server.closeAllConnections()
      await closed
      await session.close()
    },
  }
}

/**
 * The script that gives the page the bridge, as the preload does: one read-only global
 * holding a frozen object with `invoke`, which posts `(method, input)` to /api.
 */
export function apiInitScript(): string {
  return `Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { enumerable: true, value: Object.freeze({
    invoke: (method, input) =>
      fetch('/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) }).then((r) => r.json()),
  }) });`
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, demo: { type: 'boolean' }, welcome: { type: 'boolean' } } })
  const host = await startHost({ port: Number(values.port ?? 5199), ...(values.data && { dataDir: values.data }), firstStart: !!values.welcome })
  if (values.demo) await host.session.dispatch('demo.load', undefined)
  process.stdout.write(`Hành Trang test host: ${host.url} (data: ${host.dataDir}). Open it with the bridge injected (apiInitScript, see e2e/fixtures.ts).\n`)
}
