/**
 * The programme for the other side (issue 14): for a delegation received, the welcome
 * programme day by day and our participants; for a delegation sent, its members and what we
 * ask of the host. Written in English or Japanese; pure data, previewed and rendered alike.
 */
import { z } from 'zod'
import { tripDirections } from './labels.ts'

export const programmeLanguages = ['en', 'ja'] as const
export type ProgrammeLanguage = (typeof programmeLanguages)[number]

const block = z.discriminatedUnion('type', [
  /** A day of the programme: "Saturday, 13 March 2027" / "2027年3月13日（土）". */
  z.object({ type: z.literal('day'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())), widths: z.array(z.number()) }),
])
export type ProgrammeBlock = z.infer<typeof block>

/** What the officer should know before sending it: a text left in Vietnamese, a title not in the table. */
export const programmeWarning = z.object({
  code: z.enum(['item_untranslated', 'title_untranslated', 'no_items', 'no_hosts', 'no_members']),
  subject: z.string(),
})
export type ProgrammeWarning = z.infer<typeof programmeWarning>

export const programmeModel = z.object({
  tripId: z.string(),
  language: z.enum(programmeLanguages),
  direction: z.enum(tripDirections),
  generatedAt: z.string(),
  fileBaseName: z.string(),
  /** The issuing body, one line each: "PEOPLE'S COMMITTEE OF THANH HOA PROVINCE" / "DEPARTMENT OF FOREIGN AFFAIRS". */
  agency: z.array(z.string()),
  title: z.string(),
  dates: z.string(),
  sections: z.array(z.object({ title: z.string(), blocks: z.array(block) })),
  /** "Thanh Hóa, 1 February 2027" / "2027年2月1日 Thanh Hóa". */
  placeDate: z.string(),
  warnings: z.array(programmeWarning),
})
export type ProgrammeModel = z.infer<typeof programmeModel>
