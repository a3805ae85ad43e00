/**
 * The office's server as this computer connects to it (Settings > "Máy chủ của cơ quan"):
 * where it is, as whom, over which TLS, and which register the app shows (the file on this
 * computer or the server). These settings belong to the computer, not to a register: the
 * core keeps them in a file of the data folder, the password encrypted by the platform.
 */
import { z } from 'zod'

export const tlsModes = ['verify-full', 'disable'] as const
export type TlsMode = (typeof tlsModes)[number]

/** How strongly this computer can keep a password: by the system's keyring, only obfuscated, or not at all. */
export const secretStrengths = ['strong', 'weak', 'none'] as const

const field = (max: number) => z.string().trim().min(1, { error: 'Bắt buộc / required' }).max(max, { error: `Quá dài (tối đa ${max} ký tự) / too long` })

/** What the officer types in the form; an empty password keeps the one saved. */
export const officeServerInput = z.object({
  host: field(253).regex(/^[A-Za-z0-9._:[\]-]+$/, { error: 'Tên máy chủ không hợp lệ / not a host name' }),
  port: z.number().int().min(1, { error: 'Cổng từ 1 đến 65535 / 1 to 65535' }).max(65535, { error: 'Cổng từ 1 đến 65535 / 1 to 65535' }),
  database: field(63),
  user: field(63),
  password: z.string().max(200).default(''),
  tls: z.enum(tlsModes),
  /** The certificate authority's file (PEM) for verify-full; chosen through the file dialog. */
  caFile: z.string().max(4096).nullable().default(null),
  /** The officer agreed that, on this computer, the password is only obfuscated. */
  acceptWeakSecret: z.boolean().default(false),
})
export type OfficeServerInput = z.input<typeof officeServerInput>

export const officeServerView = z.object({
  /** Which register the app shows now. */
  use: z.enum(['file', 'server']),
  /** Which it was set by: the saved choice, or HANH_TRANG_DATABASE_URL. */
  setBy: z.enum(['settings', 'environment']),
  server: z
    .object({
      host: z.string(),
      port: z.number(),
      database: z.string(),
      user: z.string(),
      tls: z.enum(tlsModes),
      caFile: z.string().nullable(),
      passwordSaved: z.boolean(),
    })
    .nullable(),
  secrets: z.object({ strength: z.enum(secretStrengths), backend: z.string() }),
  /** The register file on this computer (its name), shown when going back to it. */
  fileName: z.string(),
})
export type OfficeServerView = z.infer<typeof officeServerView>

/** What "Test connection" found on a server that answered. */
export const connectionReport = z.object({
  where: z.string(),
  login: z.string(),
  role: z.enum(['officer', 'viewer', 'administrator']),
  mayWrite: z.boolean(),
  /** Migrations the server has had, and this build's. */
  serverSchema: z.number(),
  appSchema: z.number(),
})
export type ConnectionReport = z.infer<typeof connectionReport>

/** Who the window works as, and on which register. */
export const sessionInfo = z.object({
  mode: z.enum(['file', 'server']),
  /** The file's name, or "host:port/database". */
  where: z.string(),
  host: z.string().nullable(),
  database: z.string().nullable(),
  /** The login on a server; the officer's name in a file. */
  login: z.string(),
  mayWrite: z.boolean(),
  /** Why not, when it may not: a viewer's login, or a server at another schema version. */
  readOnly: z.enum(['viewer', 'schema']).nullable(),
})
export type SessionInfo = z.infer<typeof sessionInfo>
