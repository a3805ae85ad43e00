/**
 * The officer's own letterhead: a .docx whose first page replaces the generated cover.
 * Its placeholders ({{title}}, {{dates}}, {{agency}}...) are filled by docx's
 * patchDocument; the filled page (up to the template's first page break, or all of it)
 * is then put in front of the generated brief, with the images it uses. The brief keeps
 * its own styles, numbering and table of contents, whose page numbers are worked out
 * again for the pages with the cover (toc.ts).
 */
import { patchDetector, patchDocument, PatchType, TextRun } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { BriefModel } from '../../../shared/domain/briefs.ts'
import { AppError } from '../../errors.ts'
import { renumberToc } from './toc.ts'

export const PLACEHOLDERS = ['title', 'subtitle', 'dates', 'placeDate', 'agency', 'parentAgency', 'nationalName', 'motto', 'circulation'] as const

/** The placeholders a template holds; refuses what is not a .docx or holds none of ours. */
export async function inspectLetterhead(bytes: Uint8Array): Promise<string[]> {
  let found: readonly string[]
  try {
    const files = unzipSync(bytes)
    if (!files['word/document.xml']) throw new Error('no document.xml')
    found = await patchDetector({ data: bytes })
  } catch {
    throw new AppError('letterhead_not_docx')
  }
  const ours = PLACEHOLDERS.filter((p) => found.includes(p))
  if (ours.length === 0) {
    throw new AppError('letterhead_no_placeholders', { placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`) })
  }
  return ours
}

function coverValues(m: BriefModel): Record<(typeof PLACEHOLDERS)[number], string> {
  return {
    title: m.cover.title,
    subtitle: m.cover.subtitle,
    dates: m.cover.dates,
    placeDate: m.cover.placeDate,
    agency: m.cover.agency,
    parentAgency: m.cover.parentAgency,
    nationalName: m.cover.nationalName,
    motto: m.cover.motto,
    circulation: m.cover.circulation,
  }
}

const BODY = /<w:body>([\s\S]*)<\/w:body>/

/** The template's first page: its body up to the first page break, without the section properties. */
function firstPage(documentXml: string): string {
  const body = BODY.exec(documentXml)?.[1] ?? ''
  const withoutSection = body.replace(/<w:sectPr[\s\S]*?<\/w:sectPr>\s*$/, '')
  const pageBreak = withoutSection.search(/<w:br w:type="page"\/>|<w:pageBreakBefore\/>/)
  if (pageBreak < 0) return withoutSection
  // Cut at the end of the paragraph holding the break.
  const end = withoutSection.indexOf('</w:p>', pageBreak)
  return end < 0 ? withoutSection : withoutSection.slice(0, end + '</w:p>'.length)
}

/** Puts the filled letterhead page in front of the generated brief (rendered without a cover). */
export async function withLetterhead(template: Uint8Array, model: BriefModel, brief: Uint8Array): Promise<Buffer> {
  await inspectLetterhead(template)
  const values = coverValues(model)
  let patched: Uint8Array
  try {
    patched = await patchDocument({
      outputType: 'uint8array',
      data: template,
      keepOriginalStyles: true,
      patches: Object.fromEntries(PLACEHOLDERS.map((p) => [p, { type: PatchType.PARAGRAPH, children: [new TextRun(values[p])] }])),
    })
  } catch {
    throw new AppError('letterhead_not_docx')
  }
  const t = unzipSync(patched)
  const b = unzipSync(brief)
  let cover = firstPage(strFromU8(t['word/document.xml']!))

  // Images and other parts the cover points at come along, under new relationship ids.
  const tRels = strFromU8(t['word/_rels/document.xml.rels'] ?? strToU8(''))
  let bRels = strFromU8(b['word/_rels/document.xml.rels']!)
  const used = [...new Set([...cover.matchAll(/r:(?:embed|id|link)="([^"]+)"/g)].map((x) => x[1]!))]
  for (const [n, id] of used.entries()) {
    const rel = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(tRels)?.[0]
    if (!rel) continue
    const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? ''
    const external = /TargetMode="External"/.test(rel)
    const newId = `rIdLetterhead${n + 1}`
    let newTarget = target
    if (!external) {
      const source = `word/${target.replace(/^\.?\//, '')}`
      const part = t[source]
      if (!part) continue
      newTarget = `media/letterhead-${n + 1}-${target.split('/').pop()}`
      b[`word/${newTarget}`] = part
    }
    bRels = bRels.replace('</Relationships>', `${rel.replace(`Id="${id}"`, `Id="${newId}"`).replace(`Target="${target}"`, `Target="${newTarget}"`)}</Relationships>`)
    cover = cover.replaceAll(`"${id}"`, `"${newId}"`)
  }
  b['word/_rels/document.xml.rels'] = strToU8(bRels)
  // Image types the brief does not declare yet.
  let types = strFromU8(b['[Content_Types].xml']!)
  for (const ext of new Set(Object.keys(b).filter((k) => k.startsWith('word/media/letterhead-')).map((k) => k.split('.').pop()!.toLowerCase()))) {
    if (!types.includes(`Extension="${ext}"`)) {
      const mime = ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'emf' ? 'image/x-emf' : `image/${ext}`
      types = types.replace('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">', `$&<Default Extension="${ext}" ContentType="${mime}"/>`)
    }
  }
  b['[Content_Types].xml'] = strToU8(types)

  const doc = strFromU8(b['word/document.xml']!)
  const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
  // The template's namespaces (for its drawings) are declared on the brief's root element.
  const tRoot = /<w:document[^>]*>/.exec(strFromU8(t['word/document.xml']!))?.[0] ?? ''
  let root = /<w:document[^>]*>/.exec(doc)?.[0] ?? '<w:document>'
  for (const [, name, uri] of tRoot.matchAll(/xmlns:(\w+)="([^"]+)"/g)) {
    if (!root.includes(`xmlns:${name}=`)) root = root.replace('<w:document', `<w:document xmlns:${name}="${uri}"`)
  }
  b['word/document.xml'] = strToU8(doc.replace(/<w:document[^>]*>/, root).replace('<w:body>', `<w:body>${cover}${pageBreak}`))
  // The cover moved every page on: the TOC's page numbers are worked out again.
  return renumberToc(zipSync(b))
}
