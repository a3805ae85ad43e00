/**
 * Writing the programme for the other side: assembled in one transaction, rendered, written
 * whole or not at all, and recorded among the trip's exports ('programme') with its sha256
 * and the model it was made from.
 */
import { basename } from 'node:path'
import type { ProgrammeLanguage, ProgrammeModel } from '../../../shared/domain/programme.ts'
import type { Ctx } from '../../context.ts'
import { recordExport, type ExportResult } from '../../briefs/export.ts'
import { writeFileAtomic } from '../../files.ts'
import { renderProgramme } from './docx.ts'
import { assembleProgramme } from './model.ts'

export function buildProgramme(ctx: Ctx, tripId: string, language: ProgrammeLanguage): Promise<ProgrammeModel> {
  return ctx.db.transaction().execute((trx) => assembleProgramme(trx, tripId, language, new Date(ctx.now()), ctx.today()))
}

export async function writeProgramme(ctx: Ctx, model: ProgrammeModel, path: string): Promise<ExportResult> {
  const bytes = await renderProgramme(model)
  const { sha256, bytes: size } = writeFileAtomic(path, bytes)
  await recordExport(ctx, { tripId: model.tripId, document: 'programme', fileName: basename(path), sha256, language: model.language, snapshot: model })
  return { path, fileName: basename(path), sha256, bytes: size }
}
