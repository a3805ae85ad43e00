/**
 * Attachments: a scanned agreement or a photo, stored once in the data folder under its
 * sha256 (two records attaching the same scan share one file), opened with the system's
 * viewer, carried in data packs.
 *
 * Only PDF files and pictures are kept and opened, told by their bytes, not their names.
 * What is handed to the system viewer is always a copy the core made in the data folder's
 * `viewing/` folder, named by the hash with the extension of the type found in its bytes;
 * the stored record (which may have come in a colleague's pack) never names a path.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { ATTACHMENT_TYPES, attachmentRecord, MAX_ATTACHMENT_BYTES, type AttachmentMime } from '../../shared/domain/attachments.ts'
import type { Ctx, Db } from '../context.ts'
import { AppError, notFound } from '../errors.ts'
import { deleteRecord, insertRecord, write } from '../records.ts'
import { writeFileAtomic } from '../files.ts'

export { MAX_ATTACHMENT_BYTES }

const SHA256 = /^[0-9a-f]{64}$/
export const attachmentStore = (dataDir: string) => join(dataDir, 'attachments')
export const attachmentPath = (dataDir: string, sha256: string) => {
  if (!SHA256.test(sha256)) throw refusedFile()
  return join(attachmentStore(dataDir), sha256)
}

const refusedFile = () => new AppError('attachment_refused')
const notViewable = () => new AppError('not_viewable')
const isViewable = (mime: string | undefined): mime is AttachmentMime => !!mime && Object.hasOwn(ATTACHMENT_TYPES, mime)

/** Keeps the bytes under their hash (once); returns the hash. */
export function storeBytes(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const path = attachmentPath(dataDir, sha256)
  if (!existsSync(path)) {
    mkdirSync(attachmentStore(dataDir), { recursive: true })
    writeFileAtomic(path, bytes)
  }
  return sha256
}

export async function attachFile(ctx: Ctx, dataDir: string, entity: 'agreement' | 'person', entityId: string, source: string) {
  const table = entity === 'agreement' ? 'agreement' : 'person'
  if (!(await ctx.db.selectFrom(table).select('id').where('id', '=', entityId).executeTakeFirst())) throw notFound(entity)
  if (statSync(source).size > MAX_ATTACHMENT_BYTES) throw new AppError('attachment_too_large')
  const bytes = readFileSync(source)
  // The type is what the bytes are: a program renamed "scan.pdf" is refused.
  const mime = (await fileTypeFromBuffer(bytes))?.mime
  if (!isViewable(mime)) {
    throw new AppError('attachment_kind')
  }
  const record = attachmentRecord.parse({ entity, entityId, sha256: storeBytes(dataDir, bytes), fileName: basename(source), mime, bytes: bytes.length })
  return write(ctx, async (trx) => ({ id: await insertRecord(trx, ctx, 'attachment', record) }))
}

export async function listAttachments(db: Db, entityId: string) {
  return db.selectFrom('attachment').select(['id', 'fileName', 'mime', 'bytes', 'sha256', 'createdAt', 'updatedBy']).where('entityId', '=', entityId).orderBy('createdAt').execute()
}

/** A stem safe for a file name on every system. */
const safeStem = (fileName: string) =>
  basename(fileName, extname(fileName))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _.-]+/gu, '-')
    .slice(0, 80) || 'tep-dinh-kem'

/**
 * The file to give the system viewer for an attachment: the stored file (its name a
 * sha256, found inside the store after every link is resolved, a PDF or picture by its
 * bytes), copied to `viewing/` with the extension of that type.
 */
export async function attachmentFile(db: Db, dataDir: string, id: string): Promise<string> {
  const a = await db.selectFrom('attachment').select(['sha256', 'fileName']).where('id', '=', id).executeTakeFirst()
  if (!a) throw notFound('attachment')
  const stored = attachmentPath(dataDir, a.sha256)
  let real: string
  try {
    real = realpathSync(stored)
  } catch {
    throw new AppError('attachment_missing', { name: a.fileName })
  }
  if (dirname(real) !== realpathSync(attachmentStore(dataDir)) || basename(real) !== a.sha256 || !statSync(real).isFile()) throw refusedFile()
  const type = await fileTypeFromFile(real)
  if (!isViewable(type?.mime)) throw notViewable()
  const viewing = join(dataDir, 'viewing')
  mkdirSync(viewing, { recursive: true })
  const copy = join(viewing, `${safeStem(a.fileName)}-${a.sha256.slice(0, 8)}${ATTACHMENT_TYPES[type.mime][0]}`)
  try {
    copyFileSync(real, copy)
  } catch (e) {
    // The viewer may still hold the last copy open (Windows): that copy is the same file.
    if (!existsSync(copy)) throw e
  }
  return copy
}

export function removeAttachment(ctx: Ctx, id: string) {
  // The file stays: another record, or an older backup, may share it.
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'attachment', id))
}
