/**
 * The briefing pack: its settings (stored per trip) and the BriefModel, pure data from
 * which both the live preview and the Word file are made.
 */
import { z } from 'zod'
import { isoDate, MAX_TEXT } from './common.ts'
import type { Label } from './labels.ts'

export const SECTIONS = {
  cover: { vi: 'Trang bìa', en: 'Cover' },
  toc: { vi: 'Mục lục', en: 'Contents' },
  summary: { vi: 'Tóm tắt cho lãnh đạo', en: 'Summary for the leader' },
  delegation: { vi: 'Thành phần đoàn và mục tiêu', en: 'Delegation and objectives' },
  programme: { vi: 'Chương trình công tác', en: 'Programme' },
  destinations: { vi: 'Thông tin cơ bản về địa phương', en: 'Destination profiles' },
  meetings: { vi: 'Đề cương các cuộc làm việc', en: 'Meeting outlines' },
  agreements: { vi: 'Tình hình văn kiện hợp tác', en: 'Agreements register extract' },
  protocol: { vi: 'Lưu ý lễ tân', en: 'Protocol notes' },
  annexes: { vi: 'Phụ lục', en: 'Annexes' },
} satisfies Record<string, Label>
export const sectionIds = Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>
export type SectionId = keyof typeof SECTIONS

const sectionEnum = z.enum(sectionIds as [SectionId, ...SectionId[]])
const line = (max = 300) => z.string().max(max, { error: 'too_long' }).transform((s) => s.normalize('NFC').trim())

export const briefSettings = z.object({
  language: z.enum(['vi', 'en']).default('vi'),
  /** The agency block on the cover: the governing body, then the issuing agency (bold). */
  parentAgency: line().default(''),
  agency: line().default(''),
  /** "Thanh Hóa" in "Thanh Hóa, ngày 05 tháng 01 năm 2026". */
  place: line(100).default(''),
  issueDate: isoDate().nullish().transform((v) => v ?? null),
  circulation: line(100).default('LƯU HÀNH NỘI BỘ'),
  /** The officer's own cover (a .docx kept in the data folder by its sha256), or none. */
  letterhead: z
    .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().max(300) })
    .nullable()
    .default(null),
  sections: z
    .array(z.object({ id: sectionEnum, include: z.boolean() }))
    .max(sectionIds.length)
    .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { error: 'section_twice' })
    .default(sectionIds.map((id) => ({ id, include: true }))),
  /** Text the officer wrote over a generated block, by block id. The source data is not changed. */
  overrides: z
    .record(z.string().max(200), z.string().max(MAX_TEXT, { error: 'too_long' }))
    .default({}),
})
export type BriefSettings = z.output<typeof briefSettings>
export type BriefSettingsInput = z.input<typeof briefSettings>

/** Every section once, in the stored order, sections missing from old settings appended. */
export function normalizedSections(settings: Pick<BriefSettings, 'sections'>) {
  const seen = new Set(settings.sections.map((s) => s.id))
  return [...settings.sections, ...sectionIds.filter((id) => !seen.has(id)).map((id) => ({ id, include: true }))]
}

// ---- the model ----------------------------------------------------------------------------

const editable = { id: z.string(), edited: z.boolean() }
export const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraphs'), ...editable, label: z.string().nullable(), text: z.string() }),
  z.object({ type: z.literal('bullets'), ...editable, label: z.string().nullable(), items: z.array(z.string()) }),
  z.object({ type: z.literal('fields'), rows: z.array(z.tuple([z.string(), z.string()])) }),
  z.object({
    type: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    /** Relative column widths. */
    widths: z.array(z.number()),
  }),
])
export type Block = z.infer<typeof block>

export const briefSection = z.object({ id: sectionEnum, title: z.string(), blocks: z.array(block) })
export type BriefSection = z.infer<typeof briefSection>

/**
 * Something the officer should fix before the brief goes out; never printed in the
 * document. `kind` groups warnings of one sort (the builder and the CLI count them), and
 * `record` is the record to open to fix it.
 */
export const briefWarning = z.object({
  level: z.enum(['warning', 'info']),
  kind: z.string(),
  /** In the brief's language (the CLI prints it). */
  message: z.string(),
  /** In each language, for the window to show in its own. */
  words: z.object({ vi: z.string(), en: z.string() }),
  section: sectionEnum.nullable(),
  record: z.object({ kind: z.enum(['agreement', 'person', 'locality', 'organization', 'trip']), id: z.string() }).nullable(),
})
export type BriefWarning = z.infer<typeof briefWarning>

export const briefModel = z.object({
  language: z.enum(['vi', 'en']),
  generatedAt: z.string(),
  tripId: z.string(),
  fileBaseName: z.string(),
  cover: z.object({
    parentAgency: z.string(),
    agency: z.string(),
    nationalName: z.string(),
    motto: z.string(),
    title: z.string(),
    subtitle: z.string(),
    dates: z.string(),
    placeDate: z.string(),
    circulation: z.string(),
  }),
  /** The sections in order, those switched off left out (the cover is always first when on). */
  sections: z.array(briefSection),
  includeCover: z.boolean(),
  includeToc: z.boolean(),
  warnings: z.array(briefWarning),
})
export type BriefModel = z.infer<typeof briefModel>

export interface WarningGroup {
  kind: string
  level: BriefWarning['level']
  warnings: BriefWarning[]
}

/** Warnings by kind, in the order each kind first appears, the ones to fix before the merely informative. */
export function groupWarnings(warnings: readonly BriefWarning[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>()
  for (const w of warnings) {
    const g = groups.get(w.kind) ?? { kind: w.kind, level: w.level, warnings: [] }
    if (w.level === 'warning') g.level = 'warning'
    g.warnings.push(w)
    groups.set(w.kind, g)
  }
  return [...groups.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'warning' ? -1 : 1))
}
