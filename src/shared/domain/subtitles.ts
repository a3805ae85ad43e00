/**
 * The search index keeps each record's subtitle as the core writes it, in Vietnamese:
 * labels (a country, a kind of agreement, engagement or programme item), names, dates, joined by " · "
 * (src/main/search/documents.ts). `subtitleIn` gives it in the window's language: each
 * label's own translation, "đến 30/06/2025" as "until 30/06/2025", lineage notes worded.
 */
import { AGREEMENT_KINDS, COUNTRIES, ENGAGEMENT_KINDS, ITEM_KINDS, type Label, type Lang } from './labels.ts'
import { lineageIn } from './lineage.ts'

export const SUBTITLE_SEPARATOR = ' · '
/** "đến 30/06/2025": the day a unit ceased to exist. */
export const untilVi = (date: string) => `đến ${date}`

const tables: Record<string, Label>[] = [COUNTRIES, AGREEMENT_KINDS, ENGAGEMENT_KINDS, ITEM_KINDS]
let english: Map<string, string> | null = null
/** Each label's Vietnamese wording -> its English one. */
function englishOf(vi: string): string | undefined {
  english ??= new Map(tables.flatMap((t) => Object.values(t).map((l) => [l.vi, l.en] as const)))
  return english.get(vi)
}

export function subtitleIn(subtitle: string, lang: Lang): string {
  if (lang === 'vi') return subtitle
  return subtitle
    .split(SUBTITLE_SEPARATOR)
    .map((part) => englishOf(part) ?? part.replace(/^đến (\d\d\/\d\d\/\d{4})$/, 'until $1'))
    .map((part) => lineageIn(part, lang))
    .join(SUBTITLE_SEPARATOR)
}
