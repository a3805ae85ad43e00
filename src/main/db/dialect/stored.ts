/**
 * Where the register's files are kept (attachments, letterhead templates), by the sha256
 * of their bytes: written once (content-addressed: a second put of the same bytes changes
 * nothing), read back to open, export or pack. A SQLite file keeps them in its data folder
 * (`attachments/HASH`, `letterheads/HASH.docx`), as it always has; an office's server keeps
 * them in the database (stored_file, in parts of 1 MiB), so that every officer reaches them.
 * Nothing outside src/main/db/dialect knows which.
 */
import type { Db } from '../../context.ts'

export type StoredKind = 'attachment' | 'letterhead'

/** The bytes to keep: a file on disk (moved when `move`, else copied) or bytes in memory. */
export type StoredSource = { path: string; move?: boolean } | { bytes: Uint8Array }

export interface FileStore {
  /** True when the file of this hash is kept. */
  has(db: Db, dataDir: string, kind: StoredKind, sha256: string): Promise<boolean>
  /**
   * Keeps `source`, whose bytes hash to `sha256` (a mismatch is refused and keeps nothing),
   * unless it is kept already. Inside `db`'s transaction when `db` is one.
   */
  put(db: Db, dataDir: string, kind: StoredKind, sha256: string, source: StoredSource, actor: string): Promise<void>
  /**
   * The path of the kept file itself where the store keeps files on disk (checked to be the
   * store's own), else null: read it with `copyTo`.
   */
  pathOf(db: Db, dataDir: string, kind: StoredKind, sha256: string): Promise<string | null>
  /** Writes the kept file to `target` whole or not at all (files.ts); false when it is not kept. */
  copyTo(db: Db, dataDir: string, kind: StoredKind, sha256: string, target: string): Promise<boolean>
}

export const SHA256 = /^[0-9a-f]{64}$/
