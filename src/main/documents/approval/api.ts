/**
 * The approval request's contract methods. The office's lists are plain records; the
 * builder, the export (docx) and the rate import (exceljs) load their modules when first
 * called, like the brief's (handlers.ts).
 */
import type { Method } from '../../../shared/contract.ts'
import type { Handlers } from '../../api/dispatcher.ts'
import type { Platform } from '../../platform.ts'
import { createLegalBasis, createRate, deleteLegalBasis, deleteRate, moveLegalBasis, settingsView, updateLegalBasis, updateOffice, updateRate } from './office.ts'

type ApprovalMethod = Extract<Method, `approval.${string}`>
const ok = { ok: true } as const
const files = () => import('./export.ts')

export function approvalHandlers(platform: Platform): Pick<Handlers, ApprovalMethod> {
  return {
    'approval.get': async (ctx, { tripId, settings }) => (await files()).buildApproval(ctx, tripId, settings),
    'approval.save': async (ctx, { tripId, settings }) => (await (await files()).saveApproval(ctx, tripId, settings), ok),
    'approval.export': async (ctx, { tripId }) => {
      const { buildApproval, writeApproval } = await files()
      const { model } = await buildApproval(ctx, tripId)
      const path = await platform.chooseSavePath(`${model.fileBaseName}.docx`)
      return path ? writeApproval(ctx, model, path) : null
    },
    'approval.settings': (ctx) => settingsView(ctx.db),
    'approval.updateOffice': (ctx, patch) => updateOffice(ctx, patch),
    'approval.createRate': async (ctx, input) => ({ id: await createRate(ctx, input) }),
    'approval.updateRate': async (ctx, { id, expectedUpdatedAt: _v, ...input }) => (await updateRate(ctx, id, input), ok),
    'approval.deleteRate': async (ctx, { id }) => (await deleteRate(ctx, id), ok),
    'approval.importRates': async (ctx) => {
      const path = await platform.chooseSpreadsheet()
      return path ? (await import('./import-rates.ts')).importRates(ctx, path) : null
    },
    'approval.createLegalBasis': async (ctx, { text }) => ({ id: await createLegalBasis(ctx, text) }),
    'approval.updateLegalBasis': async (ctx, { id, text }) => (await updateLegalBasis(ctx, id, text), ok),
    'approval.deleteLegalBasis': async (ctx, { id }) => (await deleteLegalBasis(ctx, id), ok),
    'approval.moveLegalBasis': async (ctx, { id, by }) => (await moveLegalBasis(ctx, id, by), ok),
  }
}
