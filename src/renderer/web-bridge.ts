/**
 * The browser mode's bridge: what the preload is in Electron, for a page opened in the
 * system browser by `npm start` (src/main/web/browser-app.ts). It runs before the app (a
 * module script that index.html loads first, served only in that mode) and gives the page
 * the same one function, `window.hanhTrang.invoke(method, input)`, here over fetch to the
 * loopback server. It imports nothing the app imports, so it is a file of its own in the
 * build (electron.vite.config.ts) and the app cannot tell it from the preload.
 *
 * The per-run secret comes in the URL's fragment (never sent to a server, never in a log),
 * is kept in the tab's sessionStorage for a reload, taken out of the address bar, and sent
 * as a header with every call. Dialogs: when a handler asks for a file, the page shows a
 * file input and uploads the choice; files the handler wrote come back as downloads.
 */
import type { ApiError, Result } from '../shared/result.ts'
import { ANSWER_HEADER, FILE_NAME_HEADER, SECRET_FRAGMENT_KEY, SECRET_HEADER, type Ask, type Download, type Envelope } from '../shared/web-protocol.ts'

/** The global the app reads (src/shared/client.ts BRIDGE_GLOBAL; spelled here so this file imports nothing of the app's). */
const BRIDGE_GLOBAL = 'hanhTrang'
const STORAGE_KEY = 'hanh-trang.secret'

function takeSecret(): string | null {
  const m = new RegExp(`^#${SECRET_FRAGMENT_KEY}=([A-Za-z0-9_-]+)$`).exec(location.hash)
  try {
    if (m) {
      sessionStorage.setItem(STORAGE_KEY, m[1]!)
      return m[1]!
    }
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return m?.[1] ?? null
  } finally {
    // The app's routes live in the fragment (HashRouter): it starts on the home page, the secret out of sight.
    if (m) history.replaceState(history.state, '', `${location.pathname}${location.search}#/`)
  }
}

const secret = takeSecret()
const english = () => document.documentElement.lang === 'en'
const failed = (error: ApiError): Envelope => ({ done: { ok: false, error } })

async function post(url: string, body: BodyInit, headers: Record<string, string>): Promise<Envelope> {
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', body, headers: { ...headers, ...(secret && { [SECRET_HEADER]: secret }) }, cache: 'no-store', credentials: 'omit' })
  } catch {
    return failed({ code: 'io_error', reason: 'host_unreachable' })
  }
  if (response.ok) return (await response.json()) as Envelope
  const refused = ((await response.json().catch(() => null)) as { refused?: string } | null)?.refused ?? `HTTP ${response.status}`
  return failed(response.status === 413 ? { code: 'invalid_input', reason: 'request_too_large' } : { code: 'io_error', reason: 'host_refused', params: { detail: refused } })
}

/** Opens the file input; null when the officer cancels. A picker needs a click: if the call came too long after one, a small prompt asks for it. */
function chooseFile(ask: Ask): Promise<File | null> {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = ask.accept
  input.hidden = true
  document.body.append(input)
  let prompt: HTMLDialogElement | null = null
  return new Promise((resolve) => {
    const done = (file: File | null) => {
      input.remove()
      prompt?.close()
      prompt?.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    try {
      input.showPicker()
    } catch {
      prompt = promptForFile(input, () => done(null))
    }
  })
}

function promptForFile(input: HTMLInputElement, cancel: () => void): HTMLDialogElement {
  const en = english()
  const dialog = document.createElement('dialog')
  dialog.setAttribute('aria-label', en ? 'Choose a file' : 'Chọn tệp')
  Object.assign(dialog.style, { border: '1px solid #ced4da', borderRadius: '8px', padding: '20px', font: '15px system-ui, sans-serif', maxWidth: '420px' })
  const text = document.createElement('p')
  text.textContent = en ? 'Choose the file to continue.' : 'Hãy chọn tệp để tiếp tục.'
  const row = document.createElement('div')
  Object.assign(row.style, { display: 'flex', gap: '8px', justifyContent: 'flex-end' })
  const button = (label: string, onClick: () => void, primary = false) => {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = label
    Object.assign(b.style, { padding: '6px 14px', borderRadius: '4px', border: '1px solid #1c4f9c', background: primary ? '#1c4f9c' : '#fff', color: primary ? '#fff' : '#1c4f9c', cursor: 'pointer' })
    b.addEventListener('click', onClick)
    return b
  }
  row.append(button(en ? 'Cancel' : 'Hủy', cancel), button(en ? 'Choose a file…' : 'Chọn tệp…', () => input.click(), true))
  dialog.append(text, row)
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault()
    cancel()
  })
  document.body.append(dialog)
  dialog.showModal()
  return dialog
}

/** Saves a file the handler wrote, as the browser saves downloads. */
function download(d: Download): void {
  const a = document.createElement('a')
  a.href = d.url
  a.download = d.name
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
}

async function invoke(method: string, input: unknown): Promise<Result<unknown>> {
  let reply = await post('/api', JSON.stringify({ method, input }), { 'content-type': 'application/json' })
  while ('ask' in reply) {
    const { call } = reply.ask
    const file = await chooseFile(reply.ask)
    reply = file
      ? await post(`/api/answer/${encodeURIComponent(call)}`, file, { 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) })
      : await post(`/api/answer/${encodeURIComponent(call)}`, '', { [ANSWER_HEADER]: 'cancel' })
  }
  for (const d of reply.downloads ?? []) download(d)
  return reply.done
}

Object.defineProperty(window, BRIDGE_GLOBAL, { enumerable: true, value: Object.freeze({ invoke }) })
