/** `trip report --trip ID --out FILE.docx`: the post-trip report, written whole and recorded like the app's export. */
import { resolve } from 'node:path'
import type { Core } from '../core.ts'
import { AppError } from '../errors.ts'

export async function tripReportCommand(core: Core, tripId: string, out: string, print: (line: string) => void): Promise<void> {
  // The trip id goes through the contract's own validation first.
  const checked = await core.dispatch('trips.get', { id: tripId })
  if (!checked.ok) throw AppError.from(checked.error)
  const { buildReport, writeReport } = await import('../documents/report/export.ts')
  const model = await buildReport(core.ctx, tripId)
  for (const title of model.missing.outcomes) print(`! Chưa ghi kết quả / no outcomes yet: ${title}`)
  if (model.missing.proposals) print('i Chưa viết đề xuất, kiến nghị / no proposals written yet')
  const result = await writeReport(core.ctx, model, resolve(out))
  print(`Đã xuất ${result.path} (${Math.round(result.bytes / 1024)} KB, sha256 ${result.sha256.slice(0, 12)}…). / Report exported.`)
}
