/**
 * A server's files: in the database, so that every officer reaches them (see ../stored.ts).
 * A file is one `stored_file` row and its bytes in parts of 1 MiB (`stored_file_part`),
 * written in one transaction: the header is inserted first and only if absent, so two
 * officers storing the same scan at once write it once (the second waits on the key and
 * then finds it). Parts are read and written one at a time: a 100 MB scan never sits in
 * memory whole, on either side of the connection.
 */
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, rmSync } from 'node:fs'
import type { Db } from '../../../context.ts'
import { AppError } from '../../../errors.ts'
import { AtomicFile } from '../../../files.ts'
import { SHA256, type FileStore, type StoredSource } from '../stored.ts'

export const PART_BYTES = 1 << 20

const damaged = (sha256: string) => new AppError('stored_file_damaged', { name: sha256.slice(0, 12) })

/** The parts of `source`, one at a time. */
function* partsOf(source: StoredSource): Generator<Uint8Array> {
  if ('bytes' in source) {
    for (let at = 0; at < source.bytes.length; at += PART_BYTES) yield source.bytes.subarray(at, at + PART_BYTES)
    return
  }
  const fd = openSync(source.path, 'r')
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(PART_BYTES)
      let filled = 0
      while (filled < PART_BYTES) {
        const n = readSync(fd, buffer, filled, PART_BYTES - filled, null)
        if (n === 0) break
        filled += n
      }
      if (filled === 0) return
      yield buffer.subarray(0, filled)
      if (filled < PART_BYTES) return
    }
  } finally {
    closeSync(fd)
  }
}

async function putIn(trx: Db, sha256: string, source: StoredSource, actor: string, at: string): Promise<void> {
  const inserted = await trx
    .insertInto('storedFile')
    .values({ sha256, bytes: 0, parts: 0, createdAt: at, createdBy: actor })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst()
  if (!inserted) return
  const hash = createHash('sha256')
  let part = 0
  let bytes = 0
  for (const data of partsOf(source)) {
    hash.update(data)
    await trx.insertInto('storedFilePart').values({ sha256, part, data }).execute()
    part++
    bytes += data.length
  }
  // A mismatch rolls the whole transaction back: nothing is kept under a wrong name.
  if (hash.digest('hex') !== sha256) throw damaged(sha256)
  await trx.updateTable('storedFile').set({ bytes, parts: part }).where('sha256', '=', sha256).execute()
}

export const postgresFiles: FileStore = {
  async has(db, _dataDir, _kind, sha256) {
    return !!(await db.selectFrom('storedFile').select('sha256').where('sha256', '=', sha256).executeTakeFirst())
  },
  async put(db, _dataDir, _kind, sha256, source, actor) {
    if (!SHA256.test(sha256)) throw new AppError('attachment_refused')
    const at = new Date().toISOString()
    if (db.isTransaction) await putIn(db, sha256, source, actor, at)
    else await db.transaction().execute((trx) => putIn(trx, sha256, source, actor, at))
    if ('path' in source && source.move) rmSync(source.path, { force: true })
  },
  async pathOf() {
    return null
  },
  async copyTo(db, _dataDir, _kind, sha256, target) {
    if (!SHA256.test(sha256)) throw new AppError('attachment_refused')
    const head = await db.selectFrom('storedFile').select(['parts', 'bytes']).where('sha256', '=', sha256).executeTakeFirst()
    if (!head) return false
    const file = new AtomicFile(target)
    const hash = createHash('sha256')
    try {
      for (let part = 0; part < head.parts; part++) {
        const row = await db.selectFrom('storedFilePart').select('data').where('sha256', '=', sha256).where('part', '=', part).executeTakeFirst()
        if (!row) throw damaged(sha256)
        hash.update(row.data)
        file.write(row.data)
      }
      if (hash.digest('hex') !== sha256) throw damaged(sha256)
    } catch (e) {
      file.abort()
      throw e
    }
    file.commit()
    return true
  },
}
