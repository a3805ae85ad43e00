/**
 * The browser mode's loopback server, over real HTTP on a real core: it answers only the
 * page that holds this run's secret, on our exact host and origin, and its dialogs are the
 * page's file input and downloads.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECRET_HEADER, type Envelope } from '../../shared/web-protocol.ts'
import { CONTENT_SECURITY_POLICY } from '../shell/csp.ts'
import { RESOURCES, tempDir } from '../test-support.ts'
import { startBrowserApp, type BrowserApp } from './browser-app.ts'

let app: BrowserApp
let secret: string
let host: string

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request as any client could send it, with every header under the test's control (fetch may not set Host). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(app.origin)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: { host, ...options.headers }, setHost: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A call as the page makes it: our origin, this run's secret. */
const page = (headers: Record<string, string> = {}) => ({ origin: app.origin, [SECRET_HEADER]: secret, 'content-type': 'application/json', ...headers })
const callApi = async (method: string, input: unknown = null, headers: Record<string, string> = page()) => {
  const r = await send('/api', { method: 'POST', headers, body: JSON.stringify({ method, input }) })
  return { ...r, json: r.status === 200 ? (JSON.parse(r.body) as Envelope) : (JSON.parse(r.body) as { refused: string }) }
}

beforeAll(async () => {
  const dir = tempDir()
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><title>Hành Trang</title></head><body></body></html>')
  writeFileSync(join(renderer, 'web-bridge.js'), '')
  app = await startBrowserApp({ dataDir: join(dir, 'data'), rendererDir: renderer, resourcesDir: RESOURCES, version: '0.0.0-test' })
  secret = new URL(app.url).hash.replace(/^#k=/, '')
  host = new URL(app.origin).host
})
afterAll(() => app.close())

describe('the browser mode’s server', () => {
  it('keeps an idle connection open for the page’s next call, rather than closing it under it', async () => {
    // One connection, idle for longer than Node's default keep-alive (5 s) between two calls.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const call = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const url = new URL(app.origin)
        const req = request({ host: url.hostname, port: url.port, path: '/api', method: 'POST', agent, headers: page() }, (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }))
        })
        req.on('error', reject)
        req.end(JSON.stringify({ method: 'app.status', input: null }))
      })
    try {
      expect(await call()).toEqual({ status: 200, reused: false })
      await new Promise((r) => setTimeout(r, 6000))
      expect(await call()).toEqual({ status: 200, reused: true })
    } finally {
      agent.destroy()
    }
  }, 20_000)

  it('is on 127.0.0.1 and hands out its secret only in the address’s fragment', () => {
    expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(app.url).toBe(`${app.origin}/#k=${secret}`)
    expect(secret.length).toBeGreaterThanOrEqual(40)
  })

  it('serves the page under the app’s CSP, its bridge loaded first', async () => {
    const r = await send('/')
    expect(r.status).toBe(200)
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(r.body).toMatch(/<head>\s*<script type="module" src="\.\/web-bridge\.js"><\/script>/)
    expect(r.body).not.toContain(secret)
    expect((await send('/../../etc/passwd')).status).toBe(404)
  })

  it('answers a call that carries the secret from our origin', async () => {
    const r = await callApi('app.info')
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ done: { ok: true, value: { version: '0.0.0-test' } } })
  })

  it('refuses a call without the secret, or with a wrong one', async () => {
    const none = await callApi('app.info', null, page({ [SECRET_HEADER]: '' }))
    expect(none.status).toBe(401)
    expect(none.json).toMatchObject({ refused: expect.stringContaining('npm start') })
    const wrong = await callApi('app.info', null, page({ [SECRET_HEADER]: secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A') }))
    expect(wrong.status).toBe(403)
    expect((await callApi('app.info', null, page({ [SECRET_HEADER]: `${secret}x` }))).status).toBe(403)
  })

  it('refuses another host, a rebound name or localhost, even with the secret', async () => {
    for (const other of ['evil.example', `evil.example:${new URL(app.origin).port}`, `localhost:${new URL(app.origin).port}`, '127.0.0.1']) {
      host = other
      try {
        expect((await callApi('app.info')).status).toBe(421)
        expect((await send('/')).status).toBe(421)
      } finally {
        host = new URL(app.origin).host
      }
    }
  })

  it('refuses another origin, or a call that states none', async () => {
    expect((await callApi('app.info', null, page({ origin: 'http://evil.example' }))).status).toBe(403)
    expect((await callApi('app.info', null, page({ origin: `http://localhost:${new URL(app.origin).port}` }))).status).toBe(403)
    const { origin: _, ...noOrigin } = page()
    expect((await callApi('app.info', null, noOrigin)).status).toBe(403)
    expect((await send('/', { headers: { origin: 'http://evil.example' } })).status).toBe(403)
  })

  it('asks the page for a file where the desktop opens a dialog, and goes on with the upload', async () => {
    const asked = await callApi('import.open', { kind: 'agreements' })
    expect(asked.json).toMatchObject({ ask: { kind: 'spreadsheet', accept: '.xlsx,.xls,.csv' } })
    const { call } = (asked.json as { ask: { call: string } }).ask
    const csv = 'Tên văn kiện,Loại văn kiện,Ngày ký,Bên Việt Nam,Đối tác\nBản ghi nhớ thử,MOU,01/06/2024,Thanh Hóa,Yamanashi\n'
    // Answering another run's dialog, or without the secret, is refused like any call.
    expect((await send(`/api/answer/${call}`, { method: 'POST', headers: { origin: app.origin }, body: csv })).status).toBe(401)
    const r = await send(`/api/answer/${call}`, { method: 'POST', headers: page({ 'content-type': 'application/octet-stream', 'x-hanh-trang-file-name': encodeURIComponent('Văn kiện.csv') }), body: csv })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ done: { ok: true, value: { rows: [expect.anything()] } } })
    expect((await send(`/api/answer/${call}`, { method: 'POST', headers: page(), body: csv })).status).toBe(404)
  })

  it('cancels when the page closes its file input without a choice', async () => {
    const asked = await callApi('import.open', { kind: 'agreements' })
    const { call } = (asked.json as { ask: { call: string } }).ask
    const r = await send(`/api/answer/${call}`, { method: 'POST', headers: page({ 'x-hanh-trang-answer': 'cancel' }) })
    expect(JSON.parse(r.body)).toEqual({ done: { ok: true, value: null } })
  })

  it('hands an export to the page as a download, once, under its own name', async () => {
    const r = await callApi('reports.agreements')
    const envelope = r.json as { done: { ok: true; value: { fileName: string } }; downloads: Array<{ url: string; name: string }> }
    expect(envelope.downloads).toEqual([{ url: expect.stringMatching(/^\/download\/[\w-]{20,}$/), name: envelope.done.value.fileName }])
    const { url } = envelope.downloads[0]!
    host = 'evil.example'
    expect((await send(url)).status).toBe(421)
    host = new URL(app.origin).host
    const file = await send(url)
    expect(file.status).toBe(200)
    expect(file.headers['content-disposition']).toContain(`attachment; filename="${envelope.done.value.fileName}"`)
    expect(file.body.slice(0, 2)).toBe('PK')
    expect((await send(url)).status).toBe(404)
  })
})
