/** The blocks sections are made of: generated text the officer may override, by block id. */
import type { Block } from '../../../shared/domain/briefs.ts'
import type { Lang } from '../../../shared/domain/labels.ts'
import type { BriefData } from '../data.ts'
import { BRIEF_TEXT, type BriefText } from '../text.ts'

/** What a section builder works with: the data, the fixed wording, the officer's overrides. */
export interface Make {
  d: BriefData
  T: BriefText
  lang: Lang
  overrides: Record<string, string>
}

export const makeFor = (d: BriefData, overrides: Record<string, string>): Make => ({ d, T: BRIEF_TEXT[d.lang], lang: d.lang, overrides })

/** Lines of a text field, list marks removed. */
export const lines = (s: string | null | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean)

export function paragraphs(m: Make, id: string, label: string | null, text: string | null | undefined): Block {
  const o = m.overrides[id]
  return { type: 'paragraphs', id, label, edited: o !== undefined, text: o ?? text ?? '' }
}

export function bullets(m: Make, id: string, label: string | null, items: string[]): Block {
  const o = m.overrides[id]
  return { type: 'bullets', id, label, edited: o !== undefined, items: o !== undefined ? lines(o) : items }
}

export const nonEmpty = (blocks: Block[]) =>
  blocks.filter((b) => (b.type === 'paragraphs' ? b.text.trim() || b.edited : b.type === 'bullets' ? b.items.length || b.edited : b.type === 'fields' ? b.rows.length : true))

export const fields = (rows: Array<[string, string]>): Block => ({ type: 'fields', rows: rows.filter(([, v]) => v) })

/** "09:30–11:00" from an item's start and end ("2026-12-08T09:30"). */
export const timeSpan = (start: string, end: string | null) => `${start.slice(11)}${end ? `–${end.slice(11)}` : ''}`
