/**
 * Attachments: a scanned agreement or a photo, stored once under its sha256 (two records
 * attaching the same scan share one file) in the register's file store: the data folder of
 * a SQLite file, the database of an office's server (db/dialect/stored.ts); opened with
 * the system's viewer, carried in data packs.
 *
 * Only PDF files and pictures are kept and opened, told by their bytes, not their names.
 * What is handed to the system viewer is always a copy the core made in the data folder's
 * `viewing/` folder, named by the hash with the extension of the type found in its bytes;
 * the stored record (which may have come in a colleague's pack) never names a path.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { ATTACHMENT_TYPES, attachmentRecord, MAX_ATTACHMENT_BYTES, type AttachmentMime } from '../../shared/domain/attachments.ts'
import type { Ctx, Db } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'
import { AppError, notFound } from '../errors.ts'
import { deleteRecord, insertRecord, write } from '../records.ts'

export { MAX_ATTACHMENT_BYTES }

const notViewable = () => new AppError('not_viewable')
const isViewable = (mime: string | undefined): mime is AttachmentMime => !!mime && Object.hasOwn(ATTACHMENT_TYPES, mime)

/** Keeps the bytes under their hash (once), in the register's file store (db/dialect/stored.ts); returns the hash. */
export async function storeBytes(db: Db, dataDir: string, bytes: Uint8Array, actor: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await dialectOf(db).files.put(db, dataDir, 'attachment', sha256, { bytes }, actor)
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
  // The bytes and the record commit together (on a server both are in the database).
  return write(ctx, async (trx) => {
    const record = attachmentRecord.parse({ entity, entityId, sha256: await storeBytes(trx, dataDir, bytes, ctx.actor), fileName: basename(source), mime, bytes: bytes.length })
    return { id: await insertRecord(trx, ctx, 'attachment', record) }
  })
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
 * The file to give the system viewer for an attachment: the stored bytes (found by their
 * hash in the register's file store: the data folder, or the office's server), copied to
 * `viewing/` and shown only when they are a PDF or a picture, with the extension of that type.
 */
export async function attachmentFile(db: Db, dataDir: string, id: string): Promise<string> {
  const a = await db.selectFrom('attachment').select(['sha256', 'fileName']).where('id', '=', id).executeTakeFirst()
  if (!a) throw notFound('attachment')
  const viewing = join(dataDir, 'viewing')
  mkdirSync(viewing, { recursive: true })
  const stem = join(viewing, `${safeStem(a.fileName)}-${a.sha256.slice(0, 8)}`)
  const fetched = `${stem}.download`
  if (!(await dialectOf(db).files.copyTo(db, dataDir, 'attachment', a.sha256, fetched))) throw new AppError('attachment_missing', { name: a.fileName })
  const type = await fileTypeFromFile(fetched)
  if (!isViewable(type?.mime)) {
    rmSync(fetched, { force: true })
    throw notViewable()
  }
  const copy = `${stem}${ATTACHMENT_TYPES[type.mime][0]}`
  try {
    renameSync(fetched, copy)
  } catch (e) {
    rmSync(fetched, { force: true })
    // The viewer may still hold the last copy open (Windows): that copy is the same file.
    if (!existsSync(copy)) throw e
  }
  return copy
}

export function removeAttachment(ctx: Ctx, id: string) {
  // The file stays: another record, or an older backup, may share it.
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'attachment', id))
}
