/**
 * Names with lineage. A unit that ceased to exist is shown with its successor:
 * "Hà Nam (nay thuộc tỉnh Ninh Bình)", so a 2023 agreement still reads correctly.
 */
import type { Lang } from '../../shared/domain/labels.ts'
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

export function withLineage(
  l: { nameVi: string; nameEn?: string | null; validTo: string | null },
  successors: readonly SuccessorName[] | undefined,
  lang: Lang = 'vi',
): string {
  const name = lang === 'en' ? (l.nameEn ?? l.nameVi) : l.nameVi
  if (!l.validTo || !successors?.length) return name
  if (lang === 'en') {
    return `${name} (now part of ${successors.map((s) => `${s.nameEn ?? s.nameVi} ${s.designationVi === 'thành phố' ? 'city' : 'province'}`).join(', ')})`
  }
  return `${name} (nay thuộc ${successors.map((s) => [s.designationVi, s.nameVi].filter(Boolean).join(' ')).join(', ')})`
}
