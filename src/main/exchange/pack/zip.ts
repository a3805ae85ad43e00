/**
 * A data pack's zip, read and written as streams (yauzl and yazl, ZIP64 included), never
 * held in memory. A pack is untrusted input: before anything is inflated, every entry's
 * declared size is checked against its cap and against a compression ratio no real data
 * reaches (a 1 MB "bomb" that inflates to 1 GB is refused at once, having written
 * nothing); while inflating, bytes are counted against the same caps and the CRC is
 * checked (yauzl stops an entry that runs past its declared size).
 */
import { createWriteStream } from 'node:fs'
import { Transform, Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import yazl from 'yazl'
import { AppError } from '../../errors.ts'
import { MAX_ATTACHMENT_BYTES } from '../attachments.ts'

export interface PackLimits {
  /** manifest.json */
  manifest: number
  /** data.sqlite, the register's tables */
  database: number
  /** A JSON table of an old (format 1 or 2) pack, parsed in memory. */
  jsonTable: number
  /** Each scan or picture. */
  attachment: number
  /** Everything the pack would inflate to. */
  total: number
  /** Inflated / compressed, for entries over 16 MB: a database compresses ~5:1, a bomb 1000:1. */
  ratio: number
}

const MB = 1024 * 1024
export const PACK_LIMITS: PackLimits = {
  manifest: 1 * MB,
  database: 4096 * MB,
  jsonTable: 256 * MB,
  attachment: MAX_ATTACHMENT_BYTES,
  total: 8192 * MB,
  ratio: 200,
}

export const notAPack = () => new AppError('not_a_pack')
export const damagedEntry = (what: string) => new AppError('pack_damaged', { what })
const tooLarge = (what: string, limit: number) =>
  new AppError('pack_too_large', { what, limit: Math.round(limit / MB) })
const bomb = (what: string) =>
  new AppError('pack_ratio', { what })

/** An opened zip: its entries by name (the central directory, read once). */
export interface ZipReader {
  entries: Map<string, Entry>
  close(): void
  /** Inflates an entry to a file, within `limit` bytes, CRC checked. */
  extract(name: string, path: string, limit: number, onData?: (chunk: Buffer) => void): Promise<number>
  /** Inflates a small entry into memory, within `limit` bytes. */
  read(name: string, limit: number): Promise<Buffer>
}

/** Counts bytes and the CRC as they pass, and stops an entry at its cap. */
function guard(name: string, limit: number, onData?: (chunk: Buffer) => void) {
  let size = 0
  let crc = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > limit) return done(tooLarge(name, limit))
      crc = crc32(chunk, crc)
      onData?.(chunk)
      done(null, chunk)
    },
  })
  return { stream, result: () => ({ size, crc }) }
}

export async function openZip(path: string, limits: PackLimits = PACK_LIMITS): Promise<ZipReader> {
  let zip: ZipFile
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (e, z) => (e ? reject(e) : resolve(z))),
    )
  } catch {
    throw notAPack()
  }
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) throw notAPack()
      entries.set(entry.fileName, entry)
    }
  } catch (e) {
    zip.close()
    throw e instanceof AppError ? e : notAPack()
  }
  let total = 0
  for (const entry of entries.values()) {
    if (entry.isEncrypted() || !entry.canDecodeFileData()) {
      zip.close()
      throw damagedEntry(entry.fileName)
    }
    total += entry.uncompressedSize
    if (entry.uncompressedSize > 16 * MB && entry.uncompressedSize > limits.ratio * Math.max(1, entry.compressedSize)) {
      zip.close()
      throw bomb(entry.fileName)
    }
  }
  if (total > limits.total) {
    zip.close()
    throw tooLarge('toàn bộ gói', limits.total)
  }

  async function stream(name: string, limit: number): Promise<{ entry: Entry; input: Readable }> {
    const entry = entries.get(name)
    if (!entry) throw damagedEntry(name)
    if (entry.uncompressedSize > limit) throw tooLarge(name, limit)
    try {
      return { entry, input: await zip.openReadStreamPromise(entry) }
    } catch {
      throw damagedEntry(name)
    }
  }
  const checked = (name: string, entry: Entry, r: { size: number; crc: number }) => {
    if (r.size !== entry.uncompressedSize || r.crc !== entry.crc32) throw damagedEntry(name)
    return r.size
  }

  return {
    entries,
    close: () => zip.close(),
    async extract(name, path, limit, onData) {
      const { entry, input } = await stream(name, limit)
      const g = guard(name, limit, onData)
      try {
        await pipeline(input, g.stream, createWriteStream(path, { flags: 'wx' }))
      } catch (e) {
        throw e instanceof AppError ? e : damagedEntry(name)
      }
      return checked(name, entry, g.result())
    },
    async read(name, limit) {
      const { entry, input } = await stream(name, limit)
      const g = guard(name, limit)
      const chunks: Buffer[] = []
      const collect = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk)
          done()
        },
      })
      try {
        await pipeline(input, g.stream, collect)
      } catch (e) {
        throw e instanceof AppError ? e : damagedEntry(name)
      }
      checked(name, entry, g.result())
      return Buffer.concat(chunks)
    },
  }
}

/** A zip being written: entries added in order, its bytes read from `output`. */
export function zipWriter() {
  const zip = new yazl.ZipFile()
  return {
    output: zip.outputStream as Readable,
    addBuffer: (bytes: Buffer, name: string) => zip.addBuffer(bytes, name, { compressionLevel: 6 }),
    /** Deflated at `level` (1–9) on zlib's threads while the stream is read. */
    addStream: (input: Readable, name: string, level: number) => zip.addReadStream(input, name, { compressionLevel: level }),
    /** Scans are already compressed (PDF, JPEG): stored as they are. */
    addStoredFile: (path: string, name: string) => zip.addFile(path, name, { compress: false }),
    end: () => zip.end(),
  }
}
