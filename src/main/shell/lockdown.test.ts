import { EventEmitter } from 'node:events'
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { isTrustedSender, lockDown } from './lockdown.ts'
import { APP_ORIGIN } from './origin.ts'

/** Enough of a WebContents to see what lockDown registers: its events and its window-open answer. */
function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  })
  lockDown(contents as unknown as WebContents, APP_ORIGIN)
  /** Whether the event named went ahead (nothing called preventDefault). */
  const goesAhead = (name: string, details: object = {}) => {
    let prevented = false
    emitter.emit(name, { ...details, preventDefault: () => void (prevented = true) })
    return !prevented
  }
  return { goesAhead, open: (url: string) => openHandler?.({ url }).action }
}

describe('lockDown', () => {
  const main = (url: string) => ({ url, isMainFrame: true })

  it('lets the main frame move within the app', () => {
    const c = fakeContents()
    expect(c.goesAhead('will-navigate', main('app://hanh-trang/index.html'))).toBe(true)
    expect(c.goesAhead('will-frame-navigate', main('app://hanh-trang/index.html#/trips'))).toBe(true)
    expect(c.goesAhead('will-redirect', main('app://hanh-trang/index.html'))).toBe(true)
  })

  it('refuses navigation and redirects out of the exact origin', () => {
    const c = fakeContents()
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['app://hanh-trang.x/', 'app://hanh-trang@evil/', 'app://evil/hanh-trang', 'https://example.com/', 'file:///etc/passwd', 'garbage']) {
        expect(c.goesAhead(event, main(url)), `${event} ${url}`).toBe(false)
      }
    }
  })

  it('refuses any frame but the main one, even within the app', () => {
    const c = fakeContents()
    expect(c.goesAhead('will-frame-navigate', { url: 'app://hanh-trang/index.html', isMainFrame: false })).toBe(false)
    expect(c.goesAhead('will-redirect', { url: 'app://hanh-trang/index.html', isMainFrame: false })).toBe(false)
  })

  it('denies new windows and webviews', () => {
    const c = fakeContents()
    expect(c.open('app://hanh-trang/index.html')).toBe('deny')
    expect(c.goesAhead('will-attach-webview')).toBe(false)
  })
})

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://hanh-trang/index.html' }
  const webContents = { mainFrame }
  const win = { webContents } as unknown as BrowserWindow
  const call = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

  it('trusts our window’s main frame on the app’s origin', () => {
    expect(isTrustedSender(call(webContents, mainFrame), win, APP_ORIGIN)).toBe(true)
  })

  it('refuses another contents, a subframe, a gone frame or window, and a main frame that left the origin', () => {
    expect(isTrustedSender(call({ mainFrame }, mainFrame), win, APP_ORIGIN)).toBe(false)
    expect(isTrustedSender(call(webContents, { url: mainFrame.url }), win, APP_ORIGIN)).toBe(false)
    expect(isTrustedSender(call(webContents, null), win, APP_ORIGIN)).toBe(false)
    expect(isTrustedSender(call(webContents, mainFrame), null, APP_ORIGIN)).toBe(false)
    for (const url of ['app://hanh-trang.x/index.html', 'app://hanh-trang@evil/', 'app://evil/hanh-trang', 'about:blank']) {
      const frame = { url }
      const contents = { mainFrame: frame }
      expect(isTrustedSender(call(contents, frame), { webContents: contents } as unknown as BrowserWindow, APP_ORIGIN), url).toBe(false)
    }
  })
})
