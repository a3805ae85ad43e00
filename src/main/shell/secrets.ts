/**
 * The Electron side of SecretStore: Electron's safeStorage, which keeps its key in the
 * system's keyring (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux).
 * On a Linux without a keyring safeStorage falls back to "basic_text", a key written in
 * its own code: the password would then only be obfuscated, and the form says so.
 */
import { safeStorage } from 'electron'
import type { SecretStore } from '../office/secrets.ts'

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
