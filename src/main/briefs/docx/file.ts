/**
 * A brief's file from its model, with or without the officer's letterhead as its cover.
 * `renderBrief` does it on a worker thread (workers/brief-render.ts), and here when no
 * worker can start; an error the rendering raises (a letterhead that cannot be filled)
 * comes back as the same AppError.
 */
import type { BriefModel } from '../../../shared/domain/briefs.ts'
import { AppError } from '../../errors.ts'
import type { ApiError } from '../../../shared/result.ts'
import { runWorker } from '../../workers/run.ts'
import { withLetterhead } from './letterhead.ts'
import { renderBriefDocx } from './render.ts'

export interface RenderJob {
  model: BriefModel
  letterhead?: Uint8Array
}
/** A refusal comes back as the error that crosses the contract (no words), anything else as its message. */
export type RenderAnswer = { ok: true; bytes: Uint8Array } | { ok: false; error: ApiError | null; message: string }

export async function renderBriefBytes({ model, letterhead }: RenderJob): Promise<Uint8Array> {
  return letterhead ? withLetterhead(letterhead, model, await renderBriefDocx({ ...model, includeCover: false })) : renderBriefDocx(model)
}

/** `here`: on this thread (a command-line export has no window to keep answering, and a worker costs it a start). */
export async function renderBrief(model: BriefModel, letterhead?: Uint8Array, { here = false } = {}): Promise<Uint8Array> {
  if (here) return renderBriefBytes({ model, ...(letterhead && { letterhead }) })
  const answer = await runWorker<RenderAnswer | Promise<RenderAnswer>>('brief-render', { model, letterhead } satisfies RenderJob, () =>
    renderBriefBytes({ model, ...(letterhead && { letterhead }) }).then(
      (bytes): RenderAnswer => ({ ok: true, bytes }),
      (e: unknown): RenderAnswer => {
        if (e instanceof AppError) return { ok: false, error: e.toApiError(), message: e.message }
        throw e
      },
    ),
  )
  if (answer.ok) return answer.bytes
  if (answer.error) throw AppError.from(answer.error)
  throw new Error(answer.message)
}
