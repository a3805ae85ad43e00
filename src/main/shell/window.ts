/**
 * The one window: context isolation, sandbox, no Node in the renderer. What it may load
 * and open is held by lockDown (lockdown.ts), applied to every web contents in index.ts.
 */
import { join } from 'node:path'
import { BrowserWindow } from 'electron'

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
  void win.loadURL(`${rendererUrl}/index.html`)
  return win
}
