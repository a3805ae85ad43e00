/**
 * What every web contents is held to: no new windows, no webviews, no navigation or
 * redirect that leaves the app's exact origin, and no frame navigating but the main one
 * (the app has no frames); and which IPC sender the transport trusts. It imports
 * electron's types only, so vitest runs it on fakes.
 */
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron'
import { isAppUrl } from './origin.ts'

interface NavigationEvent {
  url: string
  isMainFrame: boolean
  preventDefault(): void
}

export function lockDown(contents: WebContents, origin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  const refuseUnlessApp = (event: NavigationEvent) => {
    if (!event.isMainFrame || !isAppUrl(event.url, origin)) event.preventDefault()
  }
  contents.on('will-navigate', refuseUnlessApp)
  contents.on('will-frame-navigate', refuseUnlessApp)
  // A redirect is a navigation too: preventing it stops the whole navigation, not just the hop.
  contents.on('will-redirect', refuseUnlessApp)
}

/** An IPC call is ours when it comes from our window's main frame while that frame shows the app's exact origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, win: BrowserWindow | null, origin: string): boolean {
  const frame = event.senderFrame
  return !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame && isAppUrl(frame.url, origin)
}
