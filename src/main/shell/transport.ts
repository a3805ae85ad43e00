/**
 * The Electron transport: one IPC channel, `api`, whose handler accepts calls only from
 * the main frame of our own window, then hands `(method, input)` to the dispatcher.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Dispatch } from '../api/dispatcher.ts'

export function registerApi(dispatch: Dispatch, window: () => BrowserWindow | null, origin: string): void {
  ipcMain.handle('api', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const win = window()
    const frame = event.senderFrame
    const trusted = !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame && frame.url.startsWith(origin)
    if (!trusted) {
      return { ok: false, error: { code: 'unknown_method', message: 'Lời gọi không được phép / call refused' } }
    }
    return dispatch(typeof method === 'string' ? method : '', input)
  })
}
