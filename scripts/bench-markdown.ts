/**
 * A BriefModel as pandoc Markdown, for the bench's side-by-side with pandoc (issue 11):
 * the same content as the .docx the CLI writes, so that pandoc does comparable work.
 * The cover's lines and the section titles, headings as `#`/`##`, paragraphs, bullet
 * lists (two levels), the labelled fields as bold labels, tables as pipe tables.
 */
import type { Block, BriefModel } from '../src/shared/domain/briefs.ts'

/** Markdown's active characters escaped, so the text reaches the .docx as it is. */
function esc(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~^$@]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3')
    .replace(/\s+/g, ' ')
    .trim()
}

const cell = (text: string) => esc(text.split('\n').join(' ')) || ' '

function block(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [`## ${esc(b.text)}`]
    case 'paragraphs':
      return [...(b.label ? [`**${esc(b.label)}**`] : []), ...b.text.split(/\n+/).filter((t) => t.trim()).map(esc)]
    case 'bullets':
      return [...(b.label ? [`**${esc(b.label)}**`] : []), b.items.map((t) => `${t.startsWith('  ') ? '    ' : ''}- ${esc(t)}`).join('\n')]
    case 'fields':
      return b.rows.map(([label, value]) => `**${esc(label)}:** ${esc(value)}`)
    case 'table':
      if (!b.rows.length) return []
      return [
        [`| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'),
      ]
  }
}

export function briefMarkdown(m: BriefModel): string {
  const out: string[] = []
  if (m.includeCover) {
    const c = m.cover
    out.push(...[c.parentAgency, c.agency, c.nationalName, c.motto, c.placeDate, c.title, c.subtitle, c.dates, c.circulation].filter(Boolean).map(esc))
  }
  for (const s of m.sections) {
    out.push(`# ${esc(s.title)}`)
    for (const b of s.blocks) out.push(...block(b))
  }
  return `${out.join('\n\n')}\n`
}
