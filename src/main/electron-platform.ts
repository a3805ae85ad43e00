/** The Electron side of Platform: native save and folder dialogs, the file manager. */
import { dialog, shell, type BrowserWindow } from 'electron'
import type { Platform } from './platform.ts'

export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    async chooseSavePath(defaultName) {
      const win = window()
      const ext = defaultName.split('.').pop() ?? ''
      const name = ext === 'xlsx' ? 'Excel' : ext === 'htpack' ? 'Hành Trang' : 'Word'
      const options = { defaultPath: defaultName, filters: [{ name, extensions: [ext] }] }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    async chooseDocx() {
      const win = window()
      const options = { properties: ['openFile' as const], filters: [{ name: 'Word', extensions: ['docx'] }] }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseSpreadsheet() {
      const win = window()
      const options = { properties: ['openFile' as const], filters: [{ name: 'Excel, CSV', extensions: ['xlsx', 'csv'] }] }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async choosePack() {
      const win = window()
      const options = { properties: ['openFile' as const], filters: [{ name: 'Hành Trang', extensions: ['htpack'] }] }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseAttachment() {
      const win = window()
      const options = { properties: ['openFile' as const], filters: [{ name: 'PDF, ảnh', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] }] }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async openFile(path) {
      // Only files the core stored in the data folder reach here.
      const error = await shell.openPath(path)
      if (error) throw new Error(error)
    },
    async chooseFolder() {
      const win = window()
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async showInFolder(path) {
      // Only paths this app wrote are shown (the renderer gets them back from an export).
      shell.showItemInFolder(path)
    },
  }
}
