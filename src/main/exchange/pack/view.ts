/** What the renderer shows of a pack's analysis: counts, and each conflict's differing fields side by side. */
import type { PackAnalysisView } from '../../../shared/contract.ts'
import { META, type PackAnalysis } from './plan.ts'
import { snake } from './format.ts'

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v))

/** The fields that differ; when one side deleted the record, the other side's filled fields. */
function fieldsOf(mine: Record<string, unknown> | null, theirs: Record<string, unknown> | null): string[] {
  const content = (k: string) => !META.has(snake(k)) && k !== 'id'
  if (mine && theirs) return Object.keys({ ...mine, ...theirs }).filter((k) => content(k) && show(mine[k]) !== show(theirs[k]))
  const kept = (mine ?? theirs)!
  return Object.keys(kept).filter((k) => content(k) && show(kept[k]) !== '')
}

export function packView(token: string, fileName: string, a: PackAnalysis): PackAnalysisView {
  return {
    token,
    fileName,
    exportedBy: a.manifest.exportedBy,
    createdAt: a.manifest.createdAt,
    created: a.created,
    updated: a.updated,
    deleted: a.deleted,
    unchanged: a.unchanged,
    keptMine: a.keptMine,
    matchedByName: a.matchedByName,
    conflicts: a.conflicts.map((c) => ({
      key: c.key,
      table: c.table,
      name: c.name,
      // Which side deleted the record, when one did: the other side's record is shown whole.
      deletedBy: c.theirs ? (c.mine ? null : 'mine') : 'theirs',
      fields: fieldsOf(c.mine, c.theirs).map((k) => [k, show(c.mine?.[k]), show(c.theirs?.[k])] as [string, string, string]),
    })),
  }
}
