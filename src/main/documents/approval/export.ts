/**
 * The approval request's builder and export: the officer's choices are kept per trip
 * (approval_request, with the trip's funding source), the model is assembled in one
 * transaction, and the file is written whole (writeFileAtomic) and recorded among the
 * trip's exports with its sha256 and the model it was made from (document 'approval').
 */
import { basename } from 'node:path'
import type { ApprovalModel, ApprovalSettings } from '../../../shared/domain/approval.ts'
import type { Ctx } from '../../context.ts'
import { recordExport, type ExportResult } from '../../briefs/export.ts'
import { writeFileAtomic } from '../../files.ts'
import { insertRecord, updateRecord, write } from '../../records.ts'
import { getTrip } from '../../trips/queries.ts'
import { assembleApproval, loadApprovalSettings } from './model.ts'
import { renderApprovalDocx } from './docx.ts'

export const APPROVAL_DOCUMENT = 'approval'

export function saveApproval(ctx: Ctx, tripId: string, settings: ApprovalSettings): Promise<void> {
  return write(ctx, async (trx) => {
    await getTrip(trx, tripId) // refuses an unknown trip
    const { fundingSource, ...rest } = settings
    const values = { settings: JSON.stringify(rest), fundingSource: fundingSource.trim() || null }
    const existing = await trx.selectFrom('approvalRequest').select('id').where('tripId', '=', tripId).executeTakeFirst()
    if (existing) await updateRecord(trx, ctx, 'approvalRequest', existing.id, values)
    else await insertRecord(trx, ctx, 'approvalRequest', { tripId, ...values })
  })
}

/** The builder's settings and the model they make; `override` previews choices not saved yet. */
export function buildApproval(ctx: Ctx, tripId: string, override?: Partial<ApprovalSettings>): Promise<{ settings: ApprovalSettings; model: ApprovalModel }> {
  return ctx.db.transaction().execute(async (trx) => {
    const settings = { ...(await loadApprovalSettings(trx, tripId)), ...override }
    return { settings, model: await assembleApproval(trx, tripId, settings, ctx.today()) }
  })
}

export async function writeApproval(ctx: Ctx, model: ApprovalModel, path: string): Promise<ExportResult> {
  const bytes = await renderApprovalDocx(model)
  const { sha256, bytes: size } = writeFileAtomic(path, bytes)
  await recordExport(ctx, { tripId: model.tripId, document: APPROVAL_DOCUMENT, fileName: basename(path), sha256, language: 'vi', snapshot: model })
  return { path, fileName: basename(path), sha256, bytes: size }
}
