/**
 * The import wizard works on a file across several calls (open, remap, preview, commit):
 * the file's bytes are kept here under a random token for the length of the session, so
 * the renderer never sends a path.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportPreview } from '../../../shared/contract.ts'
import type { Db } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { convertLegacy } from './encoding.ts'
import { FIELDS, previewImport, type ImportKind, type Preview } from './import.ts'
import { readTable } from './read.ts'

interface Session {
  fileName: string
  bytes: Uint8Array
}

const MAX_SESSIONS = 5

export class ImportSessions {
  private readonly sessions = new Map<string, Session>()

  open(path: string): string {
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch {
      throw new AppError('invalid_input', `Không đọc được tệp ${basename(path)}. / Cannot read the file.`)
    }
    const token = randomBytes(16).toString('hex')
    this.sessions.set(token, { fileName: basename(path), bytes })
    // Only the last few files are kept in memory.
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!)
    return token
  }

  async preview(
    db: Db,
    token: string,
    kind: ImportKind,
    options: { sheet?: string; mapping?: Record<string, number | null>; encoding?: 'tcvn3' | 'vni' | null },
  ): Promise<{ preview: Preview; view: ImportPreview }> {
    const session = this.sessions.get(token)
    if (!session) throw new AppError('not_found', 'Phiên nhập dữ liệu đã hết; hãy chọn lại tệp. / Import session expired.')
    const table = await readTable(session.bytes, session.fileName, options.sheet)
    const preview = await previewImport(db, table, kind, { ...(options.mapping && { mapping: options.mapping }), encoding: options.encoding ?? null })
    const suspected = preview.encodingSuspected
    const sample = suspected ? [...table.headers, ...(table.rows[0]?.cells ?? [])].filter(Boolean).slice(0, 6) : []
    const view: ImportPreview = {
      token,
      fileName: session.fileName,
      kind,
      sheet: preview.sheet,
      sheets: preview.sheets,
      headers: preview.headers,
      fields: FIELDS[kind].map((f) => ({ key: f.key, vi: f.vi, required: !!f.required })),
      mapping: preview.mapping,
      encoding: preview.encoding,
      encodingSuspected: suspected,
      encodingSample: sample.map((before) => ({ before, after: convertLegacy(before, suspected!) })),
      rows: preview.rows,
    }
    return { preview, view }
  }
}
