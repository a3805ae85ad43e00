/**
 * The one window, locked down: context isolation, sandbox, no Node in the renderer, no
 * navigation away from the bundle, no new windows, no permissions.
 */
import { join } from 'node:path'
import { BrowserWindow } from 'electron'

export const APP_ORIGIN = 'app://hanh-trang'

export function createMainWindow(rendererUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Hành Trang',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrl)) event.preventDefault()
  })
  void win.loadURL(`${rendererUrl}/index.html`)
  return win
}
