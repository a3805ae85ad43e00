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
import { convertEncoding } from './encoding.ts'
import { IMPORT_FIELD_LABELS, type ImportKind, type TextEncoding } from '../../../shared/domain/exchange.ts'
import { FIELDS, previewImport, sheetFor, type Preview } from './import.ts'
import { readTable, type Table } from './read.ts'

const MAX_SESSIONS = 5

/** A few of the first cells as read and as converted: those the conversion changes, if any. */
function sampleOf(table: Table, encoding: TextEncoding) {
  const cells = [...new Set([...table.headers, ...table.rows.slice(0, 20).flatMap((r) => r.cells)].filter(Boolean))]
  const pairs = cells.map((before) => ({ before, after: convertEncoding(before, encoding) }))
  const changed = pairs.filter((p) => p.after !== p.before)
  return (changed.length ? changed : pairs).slice(0, 6)
}

/** Files the officer chose, kept by token between the "open" and the "apply" of a wizard. */
export class FileSessions {
  private readonly files = new Map<string, { fileName: string; bytes: Uint8Array }>()

  open(path: string): string {
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch {
      throw new AppError('cannot_read_file', { name: basename(path) })
    }
    const token = randomBytes(16).toString('hex')
    this.files.set(token, { fileName: basename(path), bytes })
    while (this.files.size > MAX_SESSIONS) this.files.delete(this.files.keys().next().value!)
    return token
  }

  private get(token: string) {
    const f = this.files.get(token)
    if (!f) throw new AppError('session_expired')
    return f
  }

  bytes = (token: string) => this.get(token).bytes
  fileName = (token: string) => this.get(token).fileName
}

export class ImportSessions {
  private readonly files = new FileSessions()

  open(path: string): string {
    return this.files.open(path)
  }

  async preview(
    db: Db,
    token: string,
    kind: ImportKind,
    options: { sheet?: string; mapping?: Record<string, number | null>; encoding?: TextEncoding | null },
  ): Promise<{ preview: Preview; view: ImportPreview }> {
    const session = { bytes: this.files.bytes(token), fileName: this.files.fileName(token) }
    const table = await readTable(session.bytes, session.fileName, options.sheet ?? sheetFor(kind))
    const preview = await previewImport(db, table, kind, { ...(options.mapping && { mapping: options.mapping }), encoding: options.encoding ?? null })
    const suspected = preview.encodingSuspected
    const view: ImportPreview = {
      token,
      fileName: session.fileName,
      kind,
      sheet: preview.sheet,
      sheets: preview.sheets,
      headers: preview.headers,
      fields: FIELDS[kind].map((f) => ({ key: f.key, ...IMPORT_FIELD_LABELS[kind][f.key]!, required: !!f.required })),
      mapping: preview.mapping,
      encoding: preview.encoding,
      encodingSuspected: suspected,
      encodingSample: suspected ? sampleOf(table, suspected) : [],
      rows: preview.rows,
    }
    return { preview, view }
  }
}
