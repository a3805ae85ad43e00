/**
 * Attachments: a scanned agreement or a photo, stored once in the data folder under its
 * sha256 (two records attaching the same scan share one file), opened with the system's
 * viewer, carried in data packs.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { Ctx, Db } from '../context.ts'
import { AppError, notFound } from '../errors.ts'
import { deleteRecord, insertRecord, write } from '../records.ts'
import { writeFileAtomic } from '../files.ts'

export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
const MIME: Record<string, string> = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.tif': 'image/tiff', '.tiff': 'image/tiff' }

export const attachmentPath = (dataDir: string, sha256: string) => join(dataDir, 'attachments', sha256)

/** Keeps the bytes under their hash (once); returns the hash. */
export function storeBytes(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const path = attachmentPath(dataDir, sha256)
  if (!existsSync(path)) {
    mkdirSync(join(dataDir, 'attachments'), { recursive: true })
    writeFileAtomic(path, bytes)
  }
  return sha256
}

export async function attachFile(ctx: Ctx, dataDir: string, entity: 'agreement' | 'person', entityId: string, source: string) {
  const table = entity === 'agreement' ? 'agreement' : 'person'
  if (!(await ctx.db.selectFrom(table).select('id').where('id', '=', entityId).executeTakeFirst())) throw notFound(entity === 'agreement' ? 'văn kiện' : 'nhân vật')
  const mime = MIME[extname(source).toLowerCase()]
  if (!mime) throw new AppError('invalid_input', 'Chỉ đính kèm tệp PDF hoặc ảnh (PNG, JPEG, TIFF). / Only PDF or images.')
  if (statSync(source).size > MAX_ATTACHMENT_BYTES) throw new AppError('invalid_input', 'Tệp lớn hơn 100 MB. / File over 100 MB.')
  const bytes = readFileSync(source)
  const sha256 = storeBytes(dataDir, bytes)
  return write(ctx, async (trx) => ({
    id: await insertRecord(trx, ctx, 'attachment', { entity, entityId, sha256, fileName: basename(source), mime, bytes: bytes.length }),
  }))
}

export async function listAttachments(db: Db, entityId: string) {
  return db.selectFrom('attachment').select(['id', 'fileName', 'mime', 'bytes', 'sha256', 'createdAt', 'updatedBy']).where('entityId', '=', entityId).orderBy('createdAt').execute()
}

export async function attachmentFile(db: Db, dataDir: string, id: string): Promise<string> {
  const a = await db.selectFrom('attachment').select(['sha256', 'fileName']).where('id', '=', id).executeTakeFirst()
  if (!a) throw notFound('tệp đính kèm')
  const path = attachmentPath(dataDir, a.sha256)
  if (!existsSync(path)) throw new AppError('not_found', `Tệp ${a.fileName} không còn trong thư mục dữ liệu. / The file is missing.`)
  return path
}

export function removeAttachment(ctx: Ctx, id: string) {
  // The file stays: another record, or an older backup, may share it.
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'attachment', 'tệp đính kèm', id))
}
