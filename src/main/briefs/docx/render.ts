/**
 * BriefModel -> .docx, following Decree 30/2020/NĐ-CP as DESIGN.md sets it out: A4
 * portrait, margins 22/22/31/17 mm, Times New Roman 14 pt justified with a 1.27 cm
 * first-line indent and 6 pt after, the two-column cover header with the rules beneath
 * (cover.ts), the boxed circulation mark, a real TOC field over Heading styles with its
 * page numbers written in (toc.ts), page numbers centred at the top from page 2, tables
 * with widths from their content and header rows repeated (tables.ts). Pure: model in,
 * bytes out.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableOfContents, type IParagraphOptions } from 'docx'
import type { Block, BriefModel } from '../../../shared/domain/briefs.ts'
import { BODY_SIZE, FIRST_LINE, fonts, lineSpacing, para, pt, run, decree30Section } from './common.ts'
import { cover } from './cover.ts'
import { table } from './tables.ts'
import { packWithToc, toc, type PageNumbering } from './toc.ts'

/** Bullets as Vietnamese official documents set them: "- " at the first-line indent, the lines after flush left. */
const bulletIndent = (level: number) => ({ left: 0, firstLine: FIRST_LINE + level * 567 })

/** `compact`: the leader's summary, 13 pt on single lines so that it holds on one page. */
export function renderBlock(b: Block, compact = false): Array<Paragraph | Table> {
  const size = compact ? { size: pt(13) } : {}
  const spacing = compact ? { spacing: { after: 60, ...lineSpacing(1) } } : {}
  // The paragraph mark takes the text's size too: a list's dash is drawn in it.
  const mark = compact ? { run: size } : {}
  const text = (t: string, options: IParagraphOptions = {}) => para(t, { style: 'Body', ...spacing, ...mark, ...options }, size)
  const label = (l: string | null) => (l ? [para(l, { style: 'BlockLabel', ...(compact && { spacing: { before: 80, after: 20, ...lineSpacing(1) } }) }, size)] : [])
  switch (b.type) {
    case 'heading':
      return [para(b.text, { heading: HeadingLevel.HEADING_2 })]
    case 'paragraphs':
      return [...label(b.label), ...b.text.split(/\n+/).filter((t) => t.trim()).map((t) => text(t))]
    case 'bullets':
      return [
        ...label(b.label),
        ...b.items.map((t) => {
          const level = t.startsWith('  ') ? 1 : 0
          return text(t.trim(), { numbering: { reference: 'dash', level }, indent: bulletIndent(level) })
        }),
      ]
    case 'fields':
      return b.rows.map(([l, value]) => new Paragraph({ style: 'Body', ...spacing, children: [run(`${l}: `, { bold: true, ...size }), run(value, size)] }))
    case 'table':
      return b.rows.length ? [table(b.header, b.rows, b.widths), para('', { spacing: { after: 120 } })] : []
  }
}

/** The brief as a docx Document (renderBriefDocx packs it; tests lay it out with docx/layout). */
export function briefDocument(m: BriefModel, numbering: PageNumbering = {}): Document {
  const children: Array<Paragraph | Table | TableOfContents> = []
  if (m.includeCover) children.push(...cover(m))
  if (m.includeToc) {
    children.push(para(m.language === 'vi' ? 'MỤC LỤC' : 'CONTENTS', { alignment: AlignmentType.CENTER, pageBreakBefore: m.includeCover, spacing: { after: 240 } }, { bold: true, size: pt(14) }))
    children.push(toc(m.language === 'vi' ? 'Mục lục' : 'Contents'))
  }
  for (const [i, s] of m.sections.entries()) {
    children.push(para(s.title, { heading: HeadingLevel.HEADING_1, pageBreakBefore: i > 0 || m.includeCover || m.includeToc }))
    for (const b of s.blocks) children.push(...renderBlock(b, s.id === 'summary'))
  }

  return new Document({
    creator: 'Hành Trang',
    title: m.cover.title,
    description: m.cover.subtitle,
    ...numbering,
    styles: {
      default: {
        document: { run: { font: fonts, size: BODY_SIZE }, paragraph: { spacing: { after: 120, ...lineSpacing(1.15) } } },
        heading1: {
          run: { font: fonts, size: pt(14), bold: true, allCaps: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 240 }, alignment: AlignmentType.LEFT, keepNext: true },
        },
        heading2: {
          run: { font: fonts, size: pt(14), bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 120 }, alignment: AlignmentType.LEFT, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: 'Body',
          name: 'Body Text Decree 30',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: fonts, size: BODY_SIZE },
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { after: 120, ...lineSpacing(1.15) } },
        },
        {
          id: 'BlockLabel',
          name: 'Block Label',
          basedOn: 'Normal',
          run: { font: fonts, size: BODY_SIZE, bold: true },
          paragraph: { indent: { firstLine: FIRST_LINE }, spacing: { before: 120, after: 60 }, keepNext: true },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'dash',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: bulletIndent(0) } } },
            { level: 1, format: LevelFormat.BULLET, text: '+', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: bulletIndent(1) } } },
          ],
        },
      ],
    },
    sections: [decree30Section(children)],
  })
}

export async function renderBriefDocx(m: BriefModel): Promise<Buffer> {
  // Without a TOC there is nothing to number: no layout pass.
  if (!m.includeToc) return Packer.toBuffer(briefDocument(m, {}))
  return packWithToc((numbering) => briefDocument(m, numbering))
}
