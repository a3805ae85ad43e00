/**
 * The Electron side of Platform: native save, open and folder dialogs, the file manager, the
 * system viewer; and of SecretStore: the office server's saved password (office/secrets.ts).
 */
import { dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { SecretStore } from '../office/secrets.ts'
import type { Platform } from '../platform.ts'

export function electronPlatform(window: () => BrowserWindow | null): Platform {
  const open = async (options: OpenDialogOptions) => {
    const win = window()
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return r.canceled ? null : (r.filePaths[0] ?? null)
  }
  const openFile = (name: string, extensions: string[]) => open({ properties: ['openFile'], filters: [{ name, extensions }] })
  return {
    async chooseSavePath(defaultName) {
      const win = window()
      const ext = defaultName.split('.').pop() ?? ''
      const name = ext === 'xlsx' ? 'Excel' : ext === 'htpack' ? 'Hành Trang' : 'Word'
      const options = { defaultPath: defaultName, filters: [{ name, extensions: [ext] }] }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    chooseDocx: () => openFile('Word', ['docx']),
    chooseSpreadsheet: () => openFile('Excel, CSV', ['xlsx', 'xls', 'csv']),
    choosePack: () => openFile('Hành Trang', ['htpack']),
    chooseAttachment: () => openFile('PDF, ảnh', ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff']),
    chooseFolder: () => open({ properties: ['openDirectory', 'createDirectory'] }),
    chooseCertificate: () => openFile('CA (PEM)', ['pem', 'crt', 'cer']),
    async openFile(path) {
      // Only files the core stored in the data folder reach here.
      const error = await shell.openPath(path)
      if (error) throw new Error(error)
    },
    async showInFolder(path) {
      // Only paths this app wrote are shown (the renderer gets them back from an export).
      shell.showItemInFolder(path)
    },
  }
}

/**
 * Electron's safeStorage, which keeps its key in the system's keyring (Keychain on macOS,
 * DPAPI on Windows, libsecret or KWallet on Linux). On a Linux without a keyring it falls
 * back to "basic_text", a key written in its own code: the password would then only be
 * obfuscated, and the form says so and asks first.
 */
export function electronSecretStore(): SecretStore {
  const backend = () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi')
  return {
    name: 'safeStorage',
    strength: () => (!safeStorage.isEncryptionAvailable() ? 'none' : backend() === 'basic_text' || backend() === 'unknown' ? 'weak' : 'strong'),
    backend,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}
