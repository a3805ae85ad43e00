/** Issue 14's methods (outcomes, the post-trip report, gifts), bound like the others in handlers.ts. */
import type { Handlers } from './dispatcher.ts'
import type { HandlerEnv } from './handlers.ts'
import { reportDueDays, setReportDueDays } from '../settings/report-due.ts'
import { itemFollowUp, recordInRegister } from '../trips/outcomes.ts'
import { createGift, deleteGift, giftsOf, updateGift } from '../gifts/queries.ts'

const ok = { ok: true } as const
const reportFiles = () => import('../documents/report/export.ts')

type ReportMethods = 'tripReport.get' | 'tripReport.save' | 'tripReport.export' | 'tripReport.rule' | 'tripReport.setRule' | 'trips.recordInRegister' | 'itinerary.followUp' | 'gifts.list' | 'gifts.create' | 'gifts.update' | 'gifts.delete'

export function reportHandlers(env: HandlerEnv): Pick<Handlers, ReportMethods> {
  return {
    'tripReport.get': async (ctx, { tripId }) => {
      const { buildReport, loadProposals } = await reportFiles()
      const proposals = await loadProposals(ctx, tripId)
      return { model: await buildReport(ctx, tripId), proposals }
    },
    'tripReport.save': async (ctx, { tripId, proposals }) => {
      const { loadProposals, saveProposals } = await reportFiles()
      await loadProposals(ctx, tripId) // refuses an unknown trip
      await saveProposals(ctx, tripId, proposals)
      return ok
    },
    'tripReport.export': async (ctx, { tripId }) => {
      const { buildReport, writeReport } = await reportFiles()
      const model = await buildReport(ctx, tripId)
      const path = await env.platform.chooseSavePath(`${model.fileBaseName}.docx`)
      return path ? writeReport(ctx, model, path) : null
    },
    'tripReport.rule': async (ctx) => ({ dueDays: await reportDueDays(ctx.db) }),
    'tripReport.setRule': (ctx, { dueDays }) => setReportDueDays(ctx, dueDays),
    'trips.recordInRegister': (ctx, { tripId }) => recordInRegister(ctx, tripId),
    'itinerary.followUp': (ctx, { id }) => itemFollowUp(ctx.db, id),
    'gifts.list': (ctx, { counterpartId }) => giftsOf(ctx.db, [counterpartId]),
    'gifts.create': (ctx, input) => createGift(ctx, input),
    'gifts.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await updateGift(ctx, id, input, expectedUpdatedAt), ok),
    'gifts.delete': async (ctx, { id }) => (await deleteGift(ctx, id), ok),
  }
}
