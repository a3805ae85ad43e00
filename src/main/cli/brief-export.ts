/**
 * `brief export --trip ID --out FILE.docx [--lang vi|en] [--letterhead TEMPLATE.docx]
 * [--all-warnings]`: the brief, written as the app writes it, after what the officer should
 * check. The warnings come grouped by kind as the brief builder shows them (what to fix
 * first, then the notes), each group named and counted; a forum-scale trip has fifty
 * overdue commitments, so a group shows its first few and says how many more there are
 * unless `--all-warnings` asks for every line.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { groupWarnings, type BriefWarning } from '../../shared/domain/briefs.ts'
import { BRIEF_WARNING_KINDS, labelOf } from '../../shared/domain/labels.ts'
import type { Core } from '../core.ts'
import { AppError } from '../errors.ts'

/** How many lines of a group are printed before "… and N more". */
export const WARNINGS_SHOWN = 5

/** The lines the CLI prints for the brief's warnings: a heading per kind in both languages, its messages indented. */
export function warningLines(warnings: readonly BriefWarning[], all = false): string[] {
  const lines: string[] = []
  for (const g of groupWarnings(warnings)) {
    const mark = g.level === 'warning' ? '!' : 'i'
    lines.push(`${mark} ${labelOf(BRIEF_WARNING_KINDS, g.kind, 'vi')} / ${labelOf(BRIEF_WARNING_KINDS, g.kind, 'en')} (${g.warnings.length})`)
    const shown = all ? g.warnings : g.warnings.slice(0, WARNINGS_SHOWN)
    for (const w of shown) lines.push(`    ${w.message}`)
    const more = g.warnings.length - shown.length
    if (more > 0) lines.push(`    … và ${more} mục khác (--all-warnings để xem hết) / ${more} more (--all-warnings shows them all)`)
  }
  return lines
}

export interface BriefExportOptions {
  tripId: string
  outPath: string
  language: 'vi' | 'en'
  letterhead?: string
  allWarnings?: boolean
}

export async function briefExport(core: Core, o: BriefExportOptions, out: (s: string) => void): Promise<void> {
  // The trip id goes through the contract's own validation first.
  const checked = await core.dispatch('trips.get', { id: o.tripId })
  if (!checked.ok) throw AppError.from(checked.error)
  const [{ buildModel, writeBrief }, { inspectLetterhead }] = await Promise.all([import('../briefs/export.ts'), import('../briefs/docx/letterhead.ts')])
  const letterhead = o.letterhead ? readFileSync(resolve(o.letterhead)) : undefined
  if (letterhead) await inspectLetterhead(letterhead)
  const model = await buildModel(core.ctx, o.tripId, { language: o.language })
  for (const line of warningLines(model.warnings, o.allWarnings)) out(line)
  const r = await writeBrief(core.ctx, model, o.outPath, letterhead, { here: true })
  out(`Đã xuất ${r.path} (${Math.round(r.bytes / 1024)} KB, sha256 ${r.sha256.slice(0, 12)}…). / Brief exported.`)
}
