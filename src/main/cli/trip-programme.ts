/**
 * `trip programme --trip ID --lang en|ja --out FILE.docx`: the programme for the other side,
 * written on this thread and recorded among the trip's exports like the app's.
 */
import type { ProgrammeLanguage } from '../../shared/domain/programme.ts'
import type { Core } from '../core.ts'
import { AppError } from '../errors.ts'

export async function tripProgramme(core: Core, tripId: string, language: ProgrammeLanguage, outPath: string, out: (s: string) => void): Promise<void> {
  // The trip id goes through the contract's own validation first.
  const checked = await core.dispatch('programme.get', { tripId, language })
  if (!checked.ok) throw AppError.from(checked.error)
  const { buildProgramme, writeProgramme } = await import('../documents/programme/export.ts')
  const model = await buildProgramme(core.ctx, tripId, language)
  for (const w of model.warnings) out(`! ${w.code}: ${w.subject}`)
  const r = await writeProgramme(core.ctx, model, outPath)
  out(`Đã xuất ${r.path} (${Math.round(r.bytes / 1024)} KB, sha256 ${r.sha256.slice(0, 12)}…). / Programme exported.`)
}
