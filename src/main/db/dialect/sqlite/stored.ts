/**
 * A SQLite register's files: in its data folder under their hash, as they always were
 * (see ../stored.ts). A stored file is trusted only when it is a plain file inside the
 * store, named by its hash, after every link is resolved.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, createReadStream, existsSync, mkdirSync, realpathSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../errors.ts'
import { writeFileAtomic, writeStreamAtomic } from '../../../files.ts'
import { SHA256, type FileStore, type StoredKind } from '../stored.ts'

const FOLDER: Record<StoredKind, string> = { attachment: 'attachments', letterhead: 'letterheads' }
const NAME: Record<StoredKind, (sha256: string) => string> = { attachment: (h) => h, letterhead: (h) => `${h}.docx` }

const refused = () => new AppError('attachment_refused')

export function storedPath(dataDir: string, kind: StoredKind, sha256: string): string {
  if (!SHA256.test(sha256)) throw refused()
  return join(dataDir, FOLDER[kind], NAME[kind](sha256))
}

async function hashOf(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The kept file, checked to be the store's own; undefined when it is not there. */
function trusted(dataDir: string, kind: StoredKind, sha256: string): string | undefined {
  const path = storedPath(dataDir, kind, sha256)
  let real: string
  try {
    real = realpathSync(path)
  } catch {
    return undefined
  }
  if (dirname(real) !== realpathSync(join(dataDir, FOLDER[kind])) || basename(real) !== NAME[kind](sha256) || !statSync(real).isFile()) throw refused()
  return real
}

export const sqliteFiles: FileStore = {
  async has(_db, dataDir, kind, sha256) {
    return existsSync(storedPath(dataDir, kind, sha256))
  },
  async put(_db, dataDir, kind, sha256, source) {
    const path = storedPath(dataDir, kind, sha256)
    const actual = 'bytes' in source ? createHash('sha256').update(source.bytes).digest('hex') : await hashOf(source.path)
    if (actual !== sha256) throw new AppError('stored_file_damaged', { name: sha256.slice(0, 12) })
    if (existsSync(path)) return
    mkdirSync(dirname(path), { recursive: true })
    if ('bytes' in source) writeFileAtomic(path, source.bytes)
    else if (source.move) renameSync(source.path, path)
    else await writeStreamAtomic(path, createReadStream(source.path, { highWaterMark: 1 << 20 }))
  },
  async pathOf(_db, dataDir, kind, sha256) {
    return trusted(dataDir, kind, sha256) ?? null
  },
  async copyTo(_db, dataDir, kind, sha256, target) {
    const real = trusted(dataDir, kind, sha256)
    if (!real) return false
    try {
      copyFileSync(real, target)
    } catch (e) {
      // The viewer may still hold the last copy open (Windows): that copy is the same file.
      if (!existsSync(target)) throw e
    }
    return true
  },
}
