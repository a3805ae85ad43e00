/**
 * Writing a brief: the model is assembled, rendered and written whole or not at all
 * (files.ts), so a locked target or a full disk leaves no half-written file. Each export
 * records the file name, its sha256 and the model it was made from, so any past brief can
 * be regenerated or compared.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { BriefModel, BriefSettings } from '../../shared/domain/briefs.ts'
import { type Ctx, type Db, newId } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachments.ts'
import { insertRecord, updateRecord, write } from '../records.ts'
import { AppError } from '../errors.ts'
import { writeFileAtomic } from '../files.ts'
import { inspectLetterhead } from './docx/letterhead.ts'
import { renderBrief } from './docx/file.ts'
import { assembleBrief, defaultSettingsFor, engagementTrip } from './model.ts'
import { loadSettings } from './settings.ts'

export { loadSettings }

export function saveSettings(ctx: Ctx, tripId: string, settings: BriefSettings): Promise<void> {
  return write(ctx, async (trx) => {
    await loadSettings(trx, tripId) // refuses an unknown trip
    const json = JSON.stringify(settings)
    const existing = await trx.selectFrom('brief').select('id').where('tripId', '=', tripId).executeTakeFirst()
    if (existing) await updateRecord(trx, ctx, 'brief', existing.id, { settings: json })
    else await insertRecord(trx, ctx, 'brief', { tripId, settings: json })
  })
}

/** The model of a trip's brief, read in one transaction so it is one consistent picture. */
export function buildModel(ctx: Ctx, tripId: string, override?: Partial<BriefSettings>): Promise<BriefModel> {
  return ctx.db.transaction().execute(async (trx) => {
    const settings = { ...(await loadSettings(trx, tripId)), ...override }
    return assembleBrief(trx, tripId, settings, new Date(ctx.now()), ctx.today())
  })
}

export interface ExportResult {
  path: string
  fileName: string
  sha256: string
  bytes: number
}

export async function exportBrief(ctx: Ctx, tripId: string, path: string, override?: Partial<BriefSettings>, letterhead?: Uint8Array): Promise<ExportResult> {
  const model = await buildModel(ctx, tripId, override)
  return writeBrief(ctx, model, path, letterhead)
}

/**
 * Checks a chosen template and keeps it in the register's file store under its sha256 (the
 * data folder; on a server, the database, so that every officer's export finds it); the
 * settings point at it by hash. Templates are capped like attachments.
 */
export async function storeLetterhead(db: Db, dataDir: string, source: string, actor: string): Promise<{ sha256: string; fileName: string; placeholders: string[] }> {
  let bytes: Buffer
  try {
    if (statSync(source).size > MAX_ATTACHMENT_BYTES) throw new AppError('attachment_too_large')
    bytes = readFileSync(source)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('cannot_read_file', { name: basename(source) })
  }
  const placeholders = await inspectLetterhead(bytes)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await dialectOf(db).files.put(db, dataDir, 'letterhead', sha256, { bytes }, actor)
  return { sha256, fileName: basename(source), placeholders }
}

/** The template the settings point at, read back from the file store. */
export async function readLetterhead(db: Db, dataDir: string, settings: Pick<BriefSettings, 'letterhead'>): Promise<Uint8Array | undefined> {
  if (!settings.letterhead) return undefined
  const files = dialectOf(db).files
  const { sha256, fileName } = settings.letterhead
  const local = await files.pathOf(db, dataDir, 'letterhead', sha256)
  if (local) return readFileSync(local)
  const scratch = join(dataDir, 'letterheads-fetched')
  mkdirSync(scratch, { recursive: true })
  const copy = join(scratch, `${sha256}.docx`)
  try {
    if (!(await files.copyTo(db, dataDir, 'letterhead', sha256, copy))) throw new AppError('letterhead_missing', { name: fileName })
    return readFileSync(copy)
  } finally {
    rmSync(copy, { force: true })
  }
}

/**
 * Brings the letterhead templates kept in a laptop's data folder (`letterheads/HASH.docx`)
 * into this register's store (`server import`); each is checked against its hash. Returns
 * how many were new here.
 */
export async function importLetterheads(db: Db, laptopDir: string, dataDir: string, actor: string): Promise<number> {
  const folder = join(laptopDir, 'letterheads')
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return 0
  }
  const files = dialectOf(db).files
  let added = 0
  for (const name of names) {
    const sha256 = /^([0-9a-f]{64})\.docx$/.exec(name)?.[1]
    if (!sha256 || (await files.has(db, dataDir, 'letterhead', sha256))) continue
    if (statSync(join(folder, name)).size > MAX_ATTACHMENT_BYTES) continue
    await files.put(db, dataDir, 'letterhead', sha256, { path: join(folder, name) }, actor)
    added++
  }
  return added
}

export async function writeBrief(ctx: Ctx, model: BriefModel, path: string, letterhead?: Uint8Array, options: { here?: boolean } = {}): Promise<ExportResult> {
  const bytes = await renderBrief(model, letterhead, options)
  // The recorded hash is of the bytes that reached the disk.
  const { sha256, bytes: size } = writeFileAtomic(path, bytes)
  await recordExport(ctx, { tripId: model.tripId, document: 'brief', fileName: basename(path), sha256, language: model.language, snapshot: model })
  return { path, fileName: basename(path), sha256, bytes: size }
}

/** Which of a trip's documents a recorded export is (issue 14 adds to 'brief'). */
export type TripDocument = string

/**
 * Records a document of a trip that reached the disk: its name, the sha256 of the bytes
 * written and the model it was made from, so any past document can be compared or made again.
 */
export async function recordExport(
  ctx: Ctx,
  entry: { tripId: string; document: TripDocument; fileName: string; sha256: string; language: string; snapshot: unknown },
): Promise<void> {
  await ctx.db
    .insertInto('briefExport')
    .values({
      id: newId(),
      tripId: entry.tripId,
      document: entry.document,
      at: ctx.now(),
      actor: ctx.actor,
      fileName: entry.fileName,
      sha256: entry.sha256,
      language: entry.language,
      snapshot: JSON.stringify(entry.snapshot),
    })
    .execute()
}

/** One short brief per meeting: the cover, the summary line of the trip and that meeting's outline. */
const MEETINGS_ONLY: Partial<BriefSettings> = {
  sections: [
    { id: 'cover', include: true },
    { id: 'toc', include: false },
    { id: 'meetings', include: true },
  ],
}

export async function exportPerMeeting(ctx: Ctx, tripId: string, folder: string, letterhead?: Uint8Array): Promise<string[]> {
  return splitMeetings(ctx, await buildModel(ctx, tripId, MEETINGS_ONLY), folder, letterhead, true)
}

/**
 * One short brief per foreign participant of an engagement (the forum's partner pairs):
 * the partner's profile, the history with it, its meeting outline. These briefs belong to
 * no saved trip, so they are not recorded among a trip's exports.
 */
export async function exportEngagementBriefs(ctx: Ctx, engagementId: string, homeLocalityId: string | null, folder: string, letterhead?: Uint8Array): Promise<string[]> {
  const model = await ctx.db.transaction().execute(async (trx) => {
    const trip = await engagementTrip(trx, engagementId, homeLocalityId)
    const defaults = await defaultSettingsFor(trx, homeLocalityId)
    return assembleBrief(trx, trip, { ...defaults, ...MEETINGS_ONLY } as BriefSettings, new Date(ctx.now()), ctx.today())
  })
  // The forum may be at home: the cover names the meeting, not a trip abroad.
  const title = (meeting: string) =>
    (model.language === 'vi' ? `Tài liệu phục vụ cuộc ${meeting.replace(/^Làm việc/, 'làm việc')}` : `Briefing for the meeting: ${meeting}`).toLocaleUpperCase(model.language)
  return splitMeetings(ctx, model, folder, letterhead, false, title)
}

async function splitMeetings(
  ctx: Ctx,
  full: BriefModel,
  folder: string,
  letterhead: Uint8Array | undefined,
  record: boolean,
  coverTitle?: (meeting: string) => string,
): Promise<string[]> {
  const meetings = full.sections.find((s) => s.id === 'meetings')
  if (!meetings) return []
  // Split the meetings section at its sub-headings: one file each.
  const parts: Array<{ heading: string; blocks: typeof meetings.blocks }> = []
  for (const b of meetings.blocks) {
    if (b.type === 'heading') parts.push({ heading: b.text.replace(/^\d+\.\s*/, ''), blocks: [] })
    else parts.at(-1)?.blocks.push(b)
  }
  const files: string[] = []
  for (const [i, part] of parts.entries()) {
    const model: BriefModel = {
      ...full,
      cover: coverTitle ? { ...full.cover, title: coverTitle(part.heading), subtitle: full.cover.subtitle } : { ...full.cover, subtitle: part.heading },
      sections: [{ id: 'meetings', title: `${meetings.title.split('. ')[0]}. ${part.heading.toLocaleUpperCase(full.language)}`, blocks: part.blocks }],
    }
    const name = `${full.fileBaseName}-${String(i + 1).padStart(2, '0')}.docx`
    const path = join(folder, name)
    if (record) await writeBrief(ctx, model, path, letterhead)
    else writeFileAtomic(path, await renderBrief(model, letterhead))
    files.push(path)
  }
  return files
}
