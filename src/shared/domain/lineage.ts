/**
 * A name with its lineage: a unit that ceased to exist is named with its successor,
 * "Hà Nam (nay thuộc tỉnh Ninh Bình)", so a 2023 agreement still reads correctly. The
 * core writes names this way (lists, exports, the search index); `lineageIn` gives the
 * window's words for the note, "Hà Nam (now part of Ninh Bình Province)", the names
 * themselves being the register's.
 */
import type { Lang } from './labels.ts'

export interface Successor {
  nameVi: string
  designationVi: string | null
}

const NOTE_VI = ' (nay thuộc '
const DESIGNATIONS_EN: Record<string, string> = { tỉnh: 'Province', 'thành phố': 'City' }

/** A unit with its designation: "tỉnh Ninh Bình" / "Ninh Bình Province". */
export function designated(s: Successor, lang: Lang): string {
  const vi = [s.designationVi, s.nameVi].filter(Boolean).join(' ')
  return lang === 'vi' ? vi : successorEn(vi)
}

/** "Hà Nam (nay thuộc tỉnh Ninh Bình)" for a unit with successors, else the name. */
export function withSuccessors(name: string, successors: readonly Successor[] | undefined): string {
  if (!successors?.length) return name
  return `${name}${NOTE_VI}${successors.map((s) => designated(s, 'vi')).join(', ')})`
}

/** "tỉnh Ninh Bình" -> "Ninh Bình Province". */
function successorEn(text: string): string {
  for (const [vi, en] of Object.entries(DESIGNATIONS_EN)) if (text.startsWith(`${vi} `)) return `${text.slice(vi.length + 1)} ${en}`
  return text
}

/** Every lineage note of a text (a name, or names joined) in a language. */
export function lineageIn(text: string, lang: Lang): string {
  if (lang === 'vi' || !text.includes(NOTE_VI)) return text
  return text.replace(/ \(nay thuộc ([^()]+)\)/g, (_, into: string) => ` (now part of ${into.split(', ').map(successorEn).join(', ')})`)
}
