/**
 * Opening a data pack from its file: the manifest read and checked, the tables inflated
 * (within their caps) into a database file in a scratch folder beside the data, that file
 * checked to hold plain tables only, and every row checked as a form would check it.
 * Attachments stay in the zip until the import knows which it needs; each is then inflated
 * within its cap and its bytes must hash to its name.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { issuesOf } from '../../../shared/messages/index.ts'
import { AppError } from '../../errors.ts'
import { tempPathFor } from '../../files.ts'
import { freeBytes } from '../../db/errors.ts'
import { ALL_TABLES, ATTACHMENT_ENTRY, DATA_FILE, MANIFEST_FILE, PACK_VERSION, camel, damaged, manifestSchema, quote, snake, type PackManifest } from './format.ts'
import { runWorker } from '../../workers/run.ts'
import { checkPackRows, problemsError, type RowProblem } from './validate.ts'
import { notAPack, openZip, PACK_LIMITS, type PackLimits, type ZipReader } from './zip.ts'

export interface OpenedPack {
  manifest: PackManifest
  /** The pack's database file (format 3 and later as it travels; older formats converted to one). */
  file: string
  /**
   * Starts checking every row against the schema its form uses (validate.ts) on a worker
   * thread. `register`: the database the pack goes into, read-only, so that rows already
   * there as they are are passed over (not while a bulk load locks it).
   */
  startCheck(register?: string): void
  /** Resolves when every row has passed; refuses the pack, naming table, record and field, otherwise. Nothing may commit before it resolves. */
  checked(): Promise<void>
  /** The sha256 names of the attachment files the pack carries. */
  attachmentHashes: ReadonlySet<string>
  /**
   * Inflates the named attachments (those the register does not keep yet) and hands each to
   * `keep` once all are checked; refuses any whose bytes do not hash to its name.
   */
  storeAttachments(hashes: Iterable<string>, keep: (sha256: string, path: string) => Promise<void>): Promise<number>
  dispose(): void
}

/** A scratch folder beside the data (so its files can be renamed into the store), removed when done. */
export function scratchIn(dataDir: string): { dir: string; dispose(): void } {
  const dir = tempPathFor(join(dataDir, 'pack'))
  mkdirSync(dir, { recursive: true })
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

async function readManifest(zip: ZipReader, limits: PackLimits): Promise<PackManifest> {
  if (!zip.entries.has(MANIFEST_FILE)) throw new AppError('pack_no_manifest')
  let parsed: ReturnType<typeof manifestSchema.safeParse>
  try {
    parsed = manifestSchema.safeParse(JSON.parse((await zip.read(MANIFEST_FILE, limits.manifest)).toString('utf8')))
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('pack_manifest_unreadable')
  }
  if (!parsed.success) throw new AppError('pack_manifest_invalid', {}, { details: issuesOf(parsed.error) })
  const m = parsed.data
  if (m.version > PACK_VERSION) {
    throw new AppError('pack_from_future', { version: m.version, known: PACK_VERSION })
  }
  return m
}

/** A pack's database holds plain tables and their indexes only: no view, trigger or virtual table runs here. */
function checkDatabase(file: string): void {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const other = db.prepare(`SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index') OR sql LIKE 'CREATE VIRTUAL%'`).all()
    if (other.length) throw new AppError('pack_objects')
  } catch (e) {
    if (e instanceof AppError) throw e
    throw damaged(DATA_FILE)
  } finally {
    db?.close()
  }
}

type Value = unknown
interface TableData {
  columns: string[]
  rows: Value[][]
}

/** Formats 1 and 2 kept JSON per table (1: a list of objects in camelCase; 2: columns and rows): written into a database file like format 3's. */
async function convertJson(zip: ZipReader, m: PackManifest, file: string, limits: PackLimits): Promise<void> {
  const tables = new Map<string, TableData>()
  for (const name of ALL_TABLES) {
    const entry = m.version === 1 ? `data/${camel(name)}.json` : `data/${name}.json`
    if (!zip.entries.has(entry)) continue
    let data: unknown
    try {
      data = JSON.parse((await zip.read(entry, limits.jsonTable)).toString('utf8'))
    } catch (e) {
      if (e instanceof AppError && e.reason !== 'pack_damaged') throw e
      throw damaged(entry)
    }
    let t: TableData
    if (m.version === 1 && Array.isArray(data)) {
      const fields = [...new Set((data as Record<string, Value>[]).flatMap((r) => Object.keys(r)))]
      t = { columns: fields.map(snake), rows: (data as Record<string, Value>[]).map((r) => fields.map((c) => r[c] ?? null)) }
    } else {
      const d = data as Partial<TableData>
      if (!Array.isArray(d?.columns) || !Array.isArray(d.rows) || !d.rows.every((r) => Array.isArray(r) && r.length === d.columns!.length)) throw damaged(entry)
      t = d as TableData
    }
    if (t.columns.length === 0) continue
    if (t.columns.some((c) => typeof c !== 'string') || new Set(t.columns).size !== t.columns.length) throw damaged(entry)
    tables.set(name, t)
  }
  const db = new Database(file)
  try {
    db.pragma('journal_mode = OFF')
    db.transaction(() => {
      for (const [name, t] of tables) {
        db.exec(`CREATE TABLE ${quote(name)} (${t.columns.map(quote).join(', ')})`)
        const insert = db.prepare(`INSERT INTO ${quote(name)} VALUES (${t.columns.map(() => '?').join(', ')})`)
        const value = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : (v ?? null))
        for (const r of t.rows) insert.run(r.map(value))
      }
    })()
  } finally {
    db.close()
  }
}

export async function openPack(path: string, dataDir: string, limits: PackLimits = PACK_LIMITS): Promise<OpenedPack> {
  const zip = await openZip(path, limits)
  const scratch = scratchIn(dataDir)
  const file = join(scratch.dir, DATA_FILE)
  try {
    const manifest = await readManifest(zip, limits)
    const declared = [...zip.entries.values()].reduce((n, e) => n + e.uncompressedSize, 0)
    const free = freeBytes(file)
    if (free !== null && declared > free) {
      throw new AppError('pack_disk_full', { folder: dataDir, needed: Math.ceil(declared / 1024 / 1024) })
    }
    if (manifest.version >= 3) {
      if (!zip.entries.has(DATA_FILE)) throw damaged(DATA_FILE)
      await zip.extract(DATA_FILE, file, limits.database)
      checkDatabase(file)
    } else await convertJson(zip, manifest, file, limits)
    // Every row is checked on a worker thread while the caller plans the merge; nothing commits before it passes.
    let checking: Promise<RowProblem[]> | null = null
    const startCheck = (register?: string) => {
      checking ??= runWorker<RowProblem[]>('pack-check', { file, max: 20, register }, () => checkPackRows(file, { ...(register && { register }) }))
      checking.catch(() => {})
    }
    const checked = async () => {
      startCheck()
      const problems = await checking!
      if (problems.length) {
        throw problemsError(problems)
      }
    }
    const hashes = new Set<string>()
    for (const name of zip.entries.keys()) {
      const hit = ATTACHMENT_ENTRY.exec(name)
      if (hit) hashes.add(hit[1]!)
    }
    return {
      manifest,
      file,
      startCheck,
      checked,
      attachmentHashes: hashes,
      async storeAttachments(wanted, keep) {
        // All are checked before any is stored: a pack with one forged file stores none.
        const checked: string[] = []
        for (const sha256 of wanted) {
          if (!hashes.has(sha256)) continue
          const tmp = join(scratch.dir, sha256)
          // Left by an attempt that was run again (a server's serialization failure).
          rmSync(tmp, { force: true })
          const hash = createHash('sha256')
          await zip.extract(`attachments/${sha256}`, tmp, limits.attachment, (chunk) => hash.update(chunk))
          if (hash.digest('hex') !== sha256) throw damaged(`attachments/${sha256.slice(0, 12)}…`)
          checked.push(sha256)
        }
        for (const sha256 of checked) await keep(sha256, join(scratch.dir, sha256))
        return checked.length
      },
      dispose() {
        zip.close()
        // The checking thread reads the file: the folder goes once it is done.
        if (checking) void checking.finally(() => scratch.dispose())
        else scratch.dispose()
      },
    }
  } catch (e) {
    zip.close()
    scratch.dispose()
    throw e instanceof AppError ? e : e instanceof Error && /^SQLITE_/.test((e as { code?: string }).code ?? '') ? damaged(DATA_FILE) : notAPack()
  }
}
