/**
 * The post-trip report's model, its proposals (written in the builder, kept on the trip)
 * and its export: written whole (writeFileAtomic) and recorded among the trip's documents
 * as 'report', which is what makes the report done on the home page.
 */
import { basename } from 'node:path'
import type { ReportModel } from '../../../shared/domain/report.ts'
import type { Ctx } from '../../context.ts'
import { notFound } from '../../errors.ts'
import { writeFileAtomic } from '../../files.ts'
import { recordExport, type ExportResult } from '../../briefs/export.ts'
import { updateRecord, write } from '../../records.ts'
import { renderReport } from './docx.ts'
import { assembleReport } from './model.ts'

export const REPORT_DOCUMENT = 'report'

export function buildReport(ctx: Ctx, tripId: string): Promise<ReportModel> {
  return ctx.db.transaction().execute((trx) => assembleReport(trx, tripId, new Date(ctx.now()), ctx.today()))
}

export async function loadProposals(ctx: Ctx, tripId: string): Promise<string | null> {
  const t = await ctx.db.selectFrom('trip').select('reportProposals').where('id', '=', tripId).executeTakeFirst()
  if (!t) throw notFound('trip')
  return t.reportProposals
}

export function saveProposals(ctx: Ctx, tripId: string, proposals: string | null): Promise<void> {
  return write(ctx, (trx) => updateRecord(trx, ctx, 'trip', tripId, { reportProposals: proposals }))
}

export async function writeReport(ctx: Ctx, model: ReportModel, path: string): Promise<ExportResult> {
  const bytes = await renderReport(model)
  const { sha256, bytes: size } = writeFileAtomic(path, bytes)
  await recordExport(ctx, { tripId: model.tripId, document: REPORT_DOCUMENT, fileName: basename(path), sha256, language: 'vi', snapshot: model })
  return { path, fileName: basename(path), sha256, bytes: size }
}

export async function exportReport(ctx: Ctx, tripId: string, path: string): Promise<ExportResult> {
  return writeReport(ctx, await buildReport(ctx, tripId), path)
}
