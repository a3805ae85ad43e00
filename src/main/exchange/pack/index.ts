/**
 * Data packs (.htpack): a zip with a versioned manifest and the register's tables as an
 * SQLite file, for colleagues who exchange data on a USB stick. A pack holds everything,
 * one partner with all that is linked to it, or one trip with what its brief needs, and
 * the deletions. A pack is untrusted input (open.ts, zip.ts, validate.ts); merging never
 * overwrites silently (plan.ts, merge.ts).
 */
import Database from 'better-sqlite3'
import type { Ctx } from '../../context.ts'
import { quote, camel, snake } from './format.ts'
import { analyzePack, applyPack, type Applied, type Choices } from './merge.ts'
import { openPack } from './open.ts'
import type { PackAnalysis, Rec } from './plan.ts'

export { exportPack } from './export.ts'
export { PACK_FORMAT, PACK_VERSION, type PackManifest, type PackScope } from './format.ts'
export { openPack, type OpenedPack } from './open.ts'
export type { Conflict, PackAnalysis, Rec } from './plan.ts'
export { packView } from './view.ts'
export { PACK_LIMITS, type PackLimits } from './zip.ts'
export type { Applied, Choices } from './merge.ts'

/** Opens the pack at `path` and says what importing it would do; writes nothing. */
export async function analyzePackFile(ctx: Ctx, path: string, dataDir: string): Promise<PackAnalysis> {
  const pack = await openPack(path, dataDir)
  try {
    return await analyzePack(ctx.db, pack)
  } finally {
    pack.dispose()
  }
}

/** Opens the pack at `path` and imports it in one transaction, each conflict as chosen. */
export async function applyPackFile(ctx: Ctx, path: string, dataDir: string, choices: Choices = {}, fileName?: string): Promise<Applied> {
  const pack = await openPack(path, dataDir)
  try {
    return await applyPack(ctx, pack, dataDir, choices, fileName ?? path.split(/[\\/]/).pop() ?? '')
  } finally {
    pack.dispose()
  }
}

/** A table of a pack as records with the app's field names (tests, inspection). */
export async function packRecords(path: string, dataDir: string, table: string): Promise<Rec[]> {
  const pack = await openPack(path, dataDir)
  const db = new Database(pack.file, { readonly: true })
  try {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(snake(table))
    const rows = exists ? (db.prepare(`SELECT * FROM ${quote(snake(table))} ORDER BY rowid`).all() as Rec[]) : []
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v])))
  } finally {
    db.close()
    pack.dispose()
  }
}
