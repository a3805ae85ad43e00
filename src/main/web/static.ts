/**
 * The built renderer over HTTP, as the app:// handler serves it in Electron: files of one
 * folder and nothing outside it, each under the app's Content-Security-Policy. The browser
 * mode has the page load its bridge first (web-bridge.js, a file of the same build), the
 * way the preload runs before the page in Electron.
 */
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { BRIDGE_FILE } from '../../shared/web-protocol.ts'
import { CONTENT_SECURITY_POLICY } from '../shell/csp.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** The headers every response carries, whatever it holds. */
export function baseHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('cross-origin-resource-policy', 'same-origin')
}

/** The file of `root` a URL path names, or null for anything that would leave it or cannot be read as a path. */
export function fileUnder(root: string, urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const file = normalize(join(root, path === '/' ? 'index.html' : path))
  return file.startsWith(root + sep) ? file : null
}

/** index.html with the bridge's script first in <head>: module scripts run in document order, so before the app's. */
export function withBridge(html: string): string {
  return html.replace(/<head>/i, `<head>\n    <script type="module" src="./${BRIDGE_FILE}"></script>`)
}

export async function serveStatic(res: ServerResponse, root: string, urlPath: string, options: { bridge: boolean; head: boolean }): Promise<void> {
  const file = fileUnder(root, urlPath)
  const body = file ? await readFile(file).catch(() => null) : null
  if (!file || !body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const isIndex = file === join(root, 'index.html')
  // Hashed assets never change under their name; the page itself is asked for each time.
  res.setHeader('cache-control', file.startsWith(join(root, 'assets') + sep) ? 'max-age=31536000, immutable' : 'no-cache')
  const out = isIndex && options.bridge ? Buffer.from(withBridge(body.toString('utf8'))) : body
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': out.length })
  res.end(options.head ? undefined : out)
}
