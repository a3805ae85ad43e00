/**
 * The HTTP transport: a loopback server on 127.0.0.1 that serves the built renderer under
 * the app's Content-Security-Policy and hands `(method, input)` to the dispatcher at POST
 * /api, as the IPC channel does in Electron. The e2e host runs it for the tests; `npm start`
 * runs it where Electron cannot start (browser-app.ts), adding the per-run secret, the
 * page's bridge and dialogs answered by the page (calls.ts).
 *
 *   POST /api                 {method, input}     -> {done: result, downloads?} | {ask}
 *   POST /api/answer/CALL     the chosen file     -> the same, for the rest of the call
 *   GET  /download/TOKEN      an export, once, as an attachment
 *   GET  /...                 the renderer's files
 */
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Dispatch } from '../api/dispatcher.ts'
import { ANSWER_HEADER, FILE_NAME_HEADER, type Envelope } from '../../shared/web-protocol.ts'
import type { BrowserCalls } from './calls.ts'
import { sendDownload } from './download.ts'
import { checkCall, checkRequest, type Expected, type Refusal } from './guard.ts'
import { baseHeaders, serveStatic } from './static.ts'

/** How long an idle keep-alive connection from the page is kept open (see createServer below). */
export const IDLE_CONNECTION_MS = 10 * 60 * 1000

export interface WebServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string
  dispatch: Dispatch
  /** 0 (the default) lets the system choose a free port. */
  port?: number
  /** The per-run secret every call must carry (the browser mode); null or absent: none (the e2e host). */
  secret?: string | null
  /** Dialogs answered by the page (the browser mode); without it, the core's platform answers them. */
  calls?: BrowserCalls
  /** index.html loads the page's bridge (web-bridge.js) first: the browser mode, where nothing injects it. */
  bridge?: boolean
}

export interface WebServer {
  /** `http://127.0.0.1:PORT` */
  origin: string
  port: number
  close(): Promise<void>
}

/** A call's JSON: the method and its input (8 MB is far more than any form sends). */
const MAX_CALL = 8 * 1024 * 1024
/** A file the officer chooses: a spreadsheet, a pack, a letterhead, a scan. */
export const MAX_UPLOAD = 2 * 1024 * 1024 * 1024

const refuse = (res: ServerResponse, r: Refusal | { status: number; message: string }) =>
  void res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end(JSON.stringify({ refused: r.message }))

const sendJson = (res: ServerResponse, body: Envelope) => void res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))

const UNREADABLE = { ok: false, error: { code: 'invalid_input', reason: 'unreadable_request' } } as const

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        resolve(null)
        req.resume()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Streams the request body to `path`, refusing past `max` bytes (the partial file is removed). */
async function receiveFile(req: IncomingMessage, path: string, max: number): Promise<boolean> {
  let size = 0
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      done(size > max ? new Error('too large') : null, chunk)
    },
  })
  try {
    await pipeline(req, cap, createWriteStream(path, { flags: 'wx' }))
    return true
  } catch {
    await rm(path, { force: true })
    return false
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { dispatch, calls } = options
  const expected: Expected = { host: '', origin: '', secret: options.secret ?? null }

  async function api(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req, MAX_CALL)
    if (!body) return refuse(res, { status: 413, message: 'Yêu cầu quá lớn / request too large' })
    let parsed: { method: string; input: unknown }
    try {
      parsed = JSON.parse(body.toString('utf8')) as { method: string; input: unknown }
    } catch {
      return sendJson(res, { done: UNREADABLE })
    }
    const run = () => dispatch(typeof parsed?.method === 'string' ? parsed.method : '', parsed?.input)
    sendJson(res, calls ? await calls.start(run) : { done: await run() })
  }

  async function answer(req: IncomingMessage, res: ServerResponse, id: string) {
    if (!calls || !calls.waiting(id)) {
      req.resume()
      return refuse(res, { status: 404, message: 'Không có hộp thoại nào đang chờ / no dialog is waiting' })
    }
    if (req.headers[ANSWER_HEADER] === 'cancel') {
      req.resume()
      return reply(res, calls.answer(id, null))
    }
    let name = 'tep'
    try {
      name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? '')) || name
    } catch {
      // A name that is not valid URI text: the file keeps the default name.
    }
    const path = calls.uploadPath(name)
    if (!(await receiveFile(req, path, MAX_UPLOAD))) {
      void calls.answer(id, null)
      return refuse(res, { status: 413, message: `Tệp quá lớn hoặc không nhận được / file too large or not received (tối đa / at most ${MAX_UPLOAD / 2 ** 30} GB)` })
    }
    return reply(res, calls.answer(id, path))
  }

  /** The rest of a call once its dialog is answered (null: it stopped waiting meanwhile, the dialog timed out). */
  async function reply(res: ServerResponse, next: Promise<Envelope> | null) {
    if (!next) return refuse(res, { status: 404, message: 'Không có hộp thoại nào đang chờ / no dialog is waiting' })
    sendJson(res, await next)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    baseHeaders(res)
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const isCall = req.method === 'POST' && (path === '/api' || path.startsWith('/api/answer/'))
    const refused = isCall ? checkCall(req.headers, expected) : checkRequest(req.headers, expected)
    if (refused) {
      req.resume()
      return refuse(res, refused)
    }
    if (req.method === 'POST' && path === '/api') return api(req, res)
    if (req.method === 'POST' && path.startsWith('/api/answer/')) return answer(req, res, path.slice('/api/answer/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume()
      return refuse(res, { status: 405, message: 'Method not allowed' })
    }
    if (path.startsWith('/download/')) {
      const file = calls?.takeDownload(path.slice('/download/'.length))
      if (!file) return refuse(res, { status: 404, message: 'Không còn tệp này để tải / no such download' })
      return sendDownload(res, file.path, file.name)
    }
    return serveStatic(res, options.rendererDir, path, { bridge: !!options.bridge, head: req.method === 'HEAD' })
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, { status: 500, message: 'Có lỗi ngoài dự kiến / unexpected error' })
      else res.destroy()
    })
  })
  // The page, not the server, ends an idle connection. With Node's default of 5 s the server
  // closes it while the browser may be sending a call on it (every call is a POST), and that
  // call fails; Chromium lets an idle connection go after 5 minutes, so the server waits longer.
  server.keepAliveTimeout = IDLE_CONNECTION_MS
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', ok)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  expected.host = `127.0.0.1:${port}`
  expected.origin = `http://127.0.0.1:${port}`
  return {
    origin: expected.origin,
    port,
    close: async () => {
      // The page may still hold keep-alive connections: end them, or close() waits for them.
      const closed = new Promise<void>((ok) => server.close(() => ok()))
      server.closeAllConnections()
      await closed
    },
  }
}
