/**
 * A zip written by hand, for hostile packs: any entry name (zip-slip, duplicates), sizes
 * and flags that lie, deflate data made elsewhere (a 1 GB bomb is 1,024 copies of one
 * flushed block of a megabyte of zeros: about 1 MB, made in a fraction of a second).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib'

export interface RawEntry {
  name: string
  /** 0 stored, 8 deflate */
  method: 0 | 8
  /** The bytes as they are in the zip (deflated already for method 8). */
  data: Buffer
  crc: number
  size: number
  /** General purpose flags (bit 0: encrypted). */
  flags?: number
  /** The sizes the central directory states, when they lie. */
  centralSize?: number
}

export function deflated(name: string, bytes: Uint8Array): RawEntry {
  const b = Buffer.from(bytes)
  return { name, method: 8, data: deflateRawSync(b, { level: 6 }), crc: crc32(b), size: b.length }
}

/** An entry that inflates to `megabytes` MB of zeros from about a thousandth of that. */
export function zeroBomb(name: string, megabytes: number): RawEntry {
  const mb = Buffer.alloc(1 << 20)
  const block = deflateRawSync(mb, { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  let crc = 0
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc)
  // The last block: an empty final block with fixed codes.
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])])
  return { name, method: 8, data, crc, size: megabytes * (1 << 20) }
}

export function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const flags = (e.flags ?? 0) | 0x0800 // UTF-8 names
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.centralSize ?? e.size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(flags, 8)
    c.writeUInt16LE(e.method, 10)
    c.writeUInt16LE(0, 12)
    c.writeUInt16LE(0x21, 14)
    c.writeUInt32LE(e.crc >>> 0, 16)
    c.writeUInt32LE(e.data.length, 20)
    c.writeUInt32LE(e.centralSize ?? e.size, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    central.push(c, name)
    parts.push(local, name, e.data)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, cd, end])
}
