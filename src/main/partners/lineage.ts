/**
 * Names with lineage. A unit that ceased to exist is shown with its successor:
 * "Hà Nam (nay thuộc tỉnh Ninh Bình)", so a 2023 agreement still reads correctly.
 */
import { withSuccessors } from '../../shared/domain/lineage.ts'
import type { Db } from '../context.ts'

export interface SuccessorName {
  nameVi: string
  nameEn: string | null
  designationVi: string | null
}

export async function successorsOf(db: Db, localityIds: readonly string[]): Promise<Map<string, SuccessorName[]>> {
  const map = new Map<string, SuccessorName[]>()
  if (localityIds.length === 0) return map
  const rows = await db
    .selectFrom('localityLineage as l')
    .innerJoin('locality as s', 's.id', 'l.successorId')
    .select(['l.predecessorId', 's.nameVi', 's.nameEn', 's.designationVi'])
    .where('l.predecessorId', 'in', [...new Set(localityIds)])
    .execute()
  for (const r of rows) {
    const list = map.get(r.predecessorId) ?? []
    list.push({ nameVi: r.nameVi, nameEn: r.nameEn, designationVi: r.designationVi })
    map.set(r.predecessorId, list)
  }
  return map
}

/** The name of a unit with its successors when it ceased (the words: src/shared/domain/lineage.ts). */
export function withLineage(l: { nameVi: string; validTo: string | null }, successors: readonly SuccessorName[] | undefined): string {
  return l.validTo ? withSuccessors(l.nameVi, successors) : l.nameVi
}
