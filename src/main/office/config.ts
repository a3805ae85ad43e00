/**
 * The office-server settings of this computer: a JSON file in the data folder, written
 * whole (files.ts), beside the register file rather than in it, since they say which
 * register to open. The password is never in it as typed: only as the platform's secret
 * store encrypted it (or, where the officer agreed, obfuscated).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { tlsModes, type TlsMode } from '../../shared/domain/office.ts'
import { writeFileAtomic } from '../files.ts'
import { obfuscation, type SecretStore } from './secrets.ts'

export const OFFICE_FILE = 'office-server.json'

const storedServer = z.object({
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  tls: z.enum(tlsModes),
  caFile: z.string().nullable(),
  /** The password as the store named here encrypted it (base64). */
  password: z.object({ store: z.string(), data: z.string() }).nullable(),
})
const storedFile = z.object({ version: z.literal(1), use: z.enum(['file', 'server']), server: storedServer.nullable() })

export type StoredServer = z.infer<typeof storedServer>
export type OfficeConfig = z.infer<typeof storedFile>

export interface ServerSettings {
  host: string
  port: number
  database: string
  user: string
  tls: TlsMode
  caFile: string | null
}

export const EMPTY_CONFIG: OfficeConfig = { version: 1, use: 'file', server: null }

export const officeFile = (dataDir: string) => join(dataDir, OFFICE_FILE)

/** The saved settings; none (a file never written, or one that cannot be read) is the register file. */
export function readOfficeConfig(dataDir: string): OfficeConfig {
  let text: string
  try {
    text = readFileSync(officeFile(dataDir), 'utf8')
  } catch {
    return EMPTY_CONFIG
  }
  try {
    const parsed = storedFile.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : EMPTY_CONFIG
  } catch {
    return EMPTY_CONFIG
  }
}

export function writeOfficeConfig(dataDir: string, config: OfficeConfig): void {
  writeFileAtomic(officeFile(dataDir), Buffer.from(JSON.stringify(storedFile.parse(config), null, 2) + '\n', 'utf8'))
}

/** The password as saved: encrypted by the store, or obfuscated where the officer agreed to it. */
export function sealPassword(password: string, store: SecretStore, weakAgreed: boolean): StoredServer['password'] {
  const strength = store.strength()
  const box = strength === 'strong' || (strength === 'weak' && weakAgreed) ? store : weakAgreed ? obfuscation : null
  if (!box) throw new Error('sealPassword: the officer did not agree to an obfuscated password')
  return { store: box.name, data: box.encrypt(password).toString('base64') }
}

/** The saved password, or null when there is none or this computer's store cannot read it. */
export function openPassword(saved: StoredServer['password'], store: SecretStore): string | null {
  if (!saved) return null
  const box = saved.store === obfuscation.name ? obfuscation : saved.store === store.name ? store : null
  if (!box) return null
  try {
    return box.decrypt(Buffer.from(saved.data, 'base64'))
  } catch {
    return null
  }
}

/** The connection string for pg: the password, the TLS mode and the CA file in it. Never logged. */
export function serverUrl(s: ServerSettings, password: string | null): string {
  const u = new URL('postgres://localhost')
  u.hostname = s.host
  u.port = String(s.port)
  u.pathname = `/${encodeURIComponent(s.database)}`
  u.username = encodeURIComponent(s.user)
  if (password) u.password = encodeURIComponent(password)
  u.searchParams.set('sslmode', s.tls)
  if (s.tls === 'verify-full' && s.caFile) u.searchParams.set('sslrootcert', s.caFile)
  return u.toString()
}

/** The settings of a `postgres://` address (HANH_TRANG_DATABASE_URL), for the form. */
export function settingsOfUrl(url: string): ServerSettings | null {
  try {
    const u = new URL(url)
    const mode = u.searchParams.get('sslmode')
    return {
      host: u.hostname || 'localhost',
      port: Number(u.port || 5432),
      database: decodeURIComponent(u.pathname.replace(/^\//, '')),
      user: decodeURIComponent(u.username),
      tls: mode === 'verify-full' ? 'verify-full' : 'disable',
      caFile: u.searchParams.get('sslrootcert'),
    }
  } catch {
    return null
  }
}
