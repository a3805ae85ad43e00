/**
 * The Electron transport: one IPC channel, `api`, whose handler accepts calls only from
 * the main frame of our own window while it shows the app's exact origin, then hands
 * `(method, input)` to the dispatcher (which validates both).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Dispatch } from '../api/dispatcher.ts'
import { isTrustedSender } from './lockdown.ts'

export function registerApi(dispatch: Dispatch, window: () => BrowserWindow | null, origin: string): void {
  ipcMain.handle('api', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, window(), origin)) {
      return { ok: false, error: { code: 'unknown_method', reason: 'call_refused' } }
    }
    return dispatch(typeof method === 'string' ? method : '', input)
  })
}
