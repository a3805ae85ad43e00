/**
 * The browser's side of the dialogs. In Electron a handler that needs a file opens a native
 * dialog and waits; in the browser only the page can show a file input, and only the page
 * can save a download. So a call of the browser mode is a short conversation:
 *
 *   page: POST /api {method, input}            host: runs the handler
 *     handler asks for a spreadsheet   ->   host: {ask: {call, kind, accept}}
 *   page: file input, POST /api/answer/CALL (the file, or "cancel")
 *     handler goes on with the uploaded copy (a temp folder in the data dir)
 *     handler writes an export         ->   host: {done: result, downloads: [{url, name}]}
 *   page: downloads each url (GET /download/TOKEN, once, Content-Disposition: attachment)
 *
 * Which call a dialog belongs to follows the handler through its awaits (AsyncLocalStorage),
 * so calls in flight at once keep their own files. Everything offered for download is a file
 * the core wrote inside the data folder; a download token is random, single-use, short-lived.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import { basename, join, sep } from 'node:path'
import type { Result } from '../../shared/result.ts'
import type { Download, Envelope, FileKind } from '../../shared/web-protocol.ts'
import type { Platform } from '../platform.ts'

/** What the page's file input accepts for each dialog (the native dialogs' filters, shell/platform.ts). */
export const ACCEPT: Record<FileKind, string> = {
  spreadsheet: '.xlsx,.xls,.csv',
  pack: '.htpack',
  docx: '.docx',
  attachment: '.pdf,.png,.jpg,.jpeg,.tif,.tiff',
}

/** A dialog left unanswered this long (the tab closed) counts as cancelled. */
const ANSWER_WITHIN_MS = 15 * 60 * 1000
const DOWNLOAD_WITHIN_MS = 10 * 60 * 1000

const token = () => randomBytes(18).toString('base64url')

/** A file name from outside made safe to be the last part of a path: no folders, no reserved characters. */
export function safeFileName(name: string, fallback = 'tep'): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+|[.\s]+$/g, '')
  if (!clean) return fallback
  if (clean.length <= 120) return clean
  const dot = clean.lastIndexOf('.')
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : ''
  return clean.slice(0, 120 - ext.length) + ext
}

class Call {
  private queued: Envelope[] = []
  private waiter: ((e: Envelope) => void) | null = null
  /** Set while the handler waits for the page to choose a file. */
  pending: { kind: FileKind; answer: (path: string | null) => void } | null = null
  /** Files and folders of this call to hand to the page when it is done. */
  readonly offers: string[] = []
  readonly folders: string[] = []

  readonly id = token()

  emit(e: Envelope): void {
    if (this.waiter) {
      const w = this.waiter
      this.waiter = null
      w(e)
    } else this.queued.push(e)
  }

  next(): Promise<Envelope> {
    const e = this.queued.shift()
    return e ? Promise.resolve(e) : new Promise((resolve) => (this.waiter = resolve))
  }
}

export class BrowserCalls {
  private readonly current = new AsyncLocalStorage<Call>()
  private readonly calls = new Map<string, Call>()
  private readonly downloads = new Map<string, { path: string; name: string; until: number }>()
  private readonly dataDir: string
  readonly folder: string
  private readonly uploads: string
  private readonly saves: string

  /**
   * @param dataDir the data folder: only files inside it are ever offered for download
   * @param folder where uploads and exports live while the server runs (inside dataDir; emptied now and at close)
   */
  constructor(dataDir: string, folder: string) {
    this.dataDir = dataDir
    this.folder = folder
    rmSync(folder, { recursive: true, force: true })
    this.uploads = join(folder, 'uploads')
    this.saves = join(folder, 'downloads')
    mkdirSync(this.uploads, { recursive: true })
    mkdirSync(this.saves, { recursive: true })
  }

  /** Runs a call's handler; resolves with its result, or with its first question. */
  start(run: () => Promise<Result<unknown>>): Promise<Envelope> {
    const call = new Call()
    this.calls.set(call.id, call)
    void this.current.run(call, run).then(
      (done) => this.finish(call, done),
      () => this.finish(call, { ok: false, error: { code: 'internal', reason: 'internal' } }),
    )
    return call.next()
  }

  /** The dialog a call waits on, or null (no such call, or it asks nothing now). */
  waiting(id: string): FileKind | null {
    return this.calls.get(id)?.pending?.kind ?? null
  }

  /** A place for the file the page is about to send (under the uploads folder, in a folder of its own). */
  uploadPath(name: string): string {
    const dir = join(this.uploads, token())
    mkdirSync(dir, { recursive: true })
    return join(dir, safeFileName(name))
  }

  /** The page's answer to a call's dialog: the uploaded file, or null when the officer cancelled. */
  answer(id: string, path: string | null): Promise<Envelope> | null {
    const call = this.calls.get(id)
    if (!call?.pending) return null
    const { answer } = call.pending
    call.pending = null
    answer(path)
    return call.next()
  }

  /** The file behind a download URL's token, once. */
  takeDownload(t: string): { path: string; name: string } | null {
    const d = this.downloads.get(t)
    this.downloads.delete(t)
    if (!d || d.until < Date.now() || !existsSync(d.path)) return null
    return { path: d.path, name: d.name }
  }

  close(): void {
    for (const call of this.calls.values()) call.pending?.answer(null)
    this.calls.clear()
    this.downloads.clear()
    rmSync(this.folder, { recursive: true, force: true })
  }

  /** The Platform the core is given in the browser mode: every dialog goes through the call it came from. */
  platform(): Platform {
    const ask = (kind: FileKind) => {
      const call = this.current.getStore()
      // Outside a call (nothing should ask then) there is no page to answer: as if cancelled.
      if (!call || call.pending) return Promise.resolve(null)
      return new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => settle(null), ANSWER_WITHIN_MS)
        timer.unref()
        const settle = (path: string | null) => {
          clearTimeout(timer)
          resolve(path)
        }
        call.pending = { kind, answer: settle }
        call.emit({ ask: { call: call.id, kind, accept: ACCEPT[kind] } })
      })
    }
    /** A fresh folder under the downloads folder, for one export. */
    const saveFolder = () => {
      const dir = join(this.saves, token())
      mkdirSync(dir, { recursive: true })
      return dir
    }
    const offer = (path: string) => void this.current.getStore()?.offers.push(path)
    return {
      chooseSpreadsheet: () => ask('spreadsheet'),
      choosePack: () => ask('pack'),
      chooseDocx: () => ask('docx'),
      chooseAttachment: () => ask('attachment'),
      chooseSavePath: async (defaultName) => {
        const call = this.current.getStore()
        if (!call) return null
        const path = join(saveFolder(), safeFileName(defaultName, 'Hanh-Trang'))
        call.offers.push(path)
        return path
      },
      chooseFolder: async () => {
        const call = this.current.getStore()
        if (!call) return null
        const dir = saveFolder()
        call.folders.push(dir)
        return dir
      },
      // The system viewer and the file manager are the browser's downloads.
      openFile: async (path) => offer(path),
      showInFolder: async (path) => offer(path),
    }
  }

  private finish(call: Call, done: Result<unknown>): void {
    this.calls.delete(call.id)
    // A call that failed offers nothing, even a file it wrote before failing.
    const files = !done.ok ? [] : [...call.offers, ...call.folders.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : []))]
    const downloads = files.flatMap((path) => {
      const d = this.offerDownload(path)
      return d ? [d] : []
    })
    call.emit(downloads.length ? { done, downloads } : { done })
  }

  /** A download URL for a file the core wrote inside the data folder; null for anything else. */
  offerDownload(path: string): Download | null {
    let real: string
    try {
      real = realpathSync(path)
      if (!statSync(real).isFile()) return null
    } catch {
      return null
    }
    if (!real.startsWith(realpathSync(this.dataDir) + sep)) return null
    const t = token()
    const name = basename(real)
    this.downloads.set(t, { path: real, name, until: Date.now() + DOWNLOAD_WITHIN_MS })
    return { url: `/download/${t}`, name }
  }
}
