/**
 * Where a saved password is kept: encrypted by a store the platform provides. In the
 * Electron shell it is Electron's safeStorage (the system keyring: Keychain, DPAPI,
 * libsecret or KWallet; shell/secrets.ts); the test host injects one of its own. Where the
 * platform has only a plain-text fallback ("basic_text" on a Linux without a keyring) the
 * password would only be obfuscated: the form says so and saves only when the officer agrees.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export type SecretStrength = 'strong' | 'weak' | 'none'

export interface SecretStore {
  /** The store's name in the settings file (a password saved by another store is not read). */
  readonly name: string
  /** strong: the system keeps the key; weak: only obfuscated; none: cannot encrypt here. */
  strength(): SecretStrength
  /** The system's backend, for the form ("gnome_libsecret", "basic_text", "dpapi", "test"…). */
  backend(): string
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
}

function aes(key: Buffer) {
  return {
    encrypt(plain: string): Buffer {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(data: Buffer): string {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/**
 * A store whose key lives in this process only (the test host, the tests): what it saved
 * is unreadable once the process ends, like a keyring the next run does not have.
 * `strength` lets a test play a computer whose keyring is missing.
 */
export function memorySecretStore(options: { strength?: SecretStrength; backend?: string } = {}): SecretStore {
  const box = aes(randomBytes(32))
  return {
    name: 'memory',
    strength: () => options.strength ?? 'strong',
    backend: () => options.backend ?? 'test',
    encrypt: box.encrypt,
    decrypt: box.decrypt,
  }
}

/**
 * What the officer agreed to where there is no keyring: the password is not in plain text,
 * but anyone with the app's code can read it back. Never used without that agreement.
 */
export const obfuscation = (() => {
  const box = aes(createHash('sha256').update('hanh-trang: obfuscated, not encrypted').digest())
  return { name: 'obfuscated', encrypt: box.encrypt, decrypt: box.decrypt }
})()

/** The browser mode's store (`npm start -- --browser`): no keyring to ask, so only obfuscation, agreed to first. */
export function browserSecretStore(): SecretStore {
  return { name: obfuscation.name, strength: () => 'weak', backend: () => 'browser', encrypt: obfuscation.encrypt, decrypt: obfuscation.decrypt }
}
