/** An export handed to the browser: streamed from its file, as an attachment under its own name. */
import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'

/** `attachment` with an ASCII fallback name and the real one (RFC 6266 / 5987), so "Báo cáo.xlsx" arrives as itself. */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export async function sendDownload(res: ServerResponse, path: string, name: string): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': statSync(path).size,
    'content-disposition': contentDisposition(name),
    'cache-control': 'no-store',
  })
  await pipeline(createReadStream(path), res)
}
