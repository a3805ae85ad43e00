/**
 * Worker thread: renders a brief's .docx (briefs/docx/render.ts) from its model. Laying out
 * the document to write the TOC's page numbers takes a second on the sample trip and several
 * on a forum-scale one; here it does not stop the window answering.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../errors.ts'
import { renderBriefBytes, type RenderJob, type RenderAnswer } from '../briefs/docx/file.ts'

renderBriefBytes(workerData as RenderJob).then(
  // Copied, not transferred: a Buffer may be a view into a larger pool.
  (bytes) => parentPort!.postMessage({ ok: true, bytes } satisfies RenderAnswer),
  (e: unknown) => {
    const error = e instanceof AppError ? e.toApiError() : null
    parentPort!.postMessage({ ok: false, error, message: e instanceof Error ? e.message : String(e) } satisfies RenderAnswer)
  },
)
