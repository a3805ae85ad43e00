/**
 * The table of contents, and how its page numbers reach the reader.
 *
 * What the format allows, as tried with Word's format and LibreOffice 7 (headless, as
 * tools/docx-pages runs it):
 * - A TOC is a field: its instruction (TOC \o "1-2" \h) and its last result, the entries
 *   written between the field's separate and end marks. Word shows that result until the
 *   field is updated; LibreOffice shows it as written (it does not rebuild the index when it
 *   opens or converts a .docx). A TOC written without numbers has none in LibreOffice, nor
 *   in a PDF made from it.
 * - `w:updateFields` in settings.xml (docx's `features.updateFields`) makes Word ask, when
 *   the file opens, "This document contains fields that may refer to other files. Update?";
 *   a reader who says no sees the result as written. LibreOffice ignores the setting: the
 *   brief of before, written with it, came out of `soffice --convert-to pdf` with entries and
 *   no page numbers.
 * - So the numbers must be in the written result to show everywhere, and they must be right:
 *   a wrong page number is worse than none. docx's `estimatePageNumbers` (docx/layout) lays
 *   the pages out as Word does, from Times New Roman's and MS Mincho's metrics, and writes
 *   the TOC entries with their PAGEREF fields already holding the page numbers, the field
 *   clean, so Word shows them without asking. LibreOffice lays out the same pages: Liberation
 *   Serif has Times New Roman's metrics, the tables have fixed widths, every section starts
 *   on a new page. Two things had to change for LibreOffice to break the pages where Word
 *   does: `w:lineRule="auto"` written out on every line spacing (without it LibreOffice reads
 *   `w:line` as an exact height and sets the lines tighter than Word), and single lines in
 *   table cells (at 1.15 a line in a cell is a third of a point taller in LibreOffice). The
 *   demo briefs in both languages and a forum-scale brief of 114 pages then give, in
 *   LibreOffice's PDF, every heading on the page its entry names. (Word itself was not at
 *   hand: that Word agrees rests on docx/layout's estimate, which is built to follow Word.)
 * - A letterhead cover put in front of the brief (letterhead.ts) moves every heading a page
 *   on; the assembled file is laid out again (renumberToc) so the numbers stay right.
 * - Where the estimate cannot lay a page out as Word would (a character whose width it does
 *   not know, such as "∮" typed into a note) it writes no numbers rather than guess. Then the
 *   brief is written as before: the entries without numbers, and `updateFields`, so that
 *   Word offers to fill them in.
 * - The estimate costs time: about 1 s for the demo brief, 4–7 s for the forum-scale one on
 *   this two-core machine (docx/layout's own speed; the rest of the export is under 1 s).
 */
import { Document, Packer, TableOfContents, patchDocument } from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

export function toc(alias: string): TableOfContents {
  return new TableOfContents(alias, { hyperlink: true, headingStyleRange: '1-2' })
}

export interface PageNumbering {
  /** Pages laid out in advance, numbers written into the TOC (clean fields). */
  pageNumbers?: typeof estimatePageNumbers
  /** Word asks to update the fields when the file opens. */
  features?: { updateFields: boolean }
}

/** The page references of the document's TOC entries, and whether each has its number written. */
function tocEntries(docx: Uint8Array): boolean[] {
  const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!)
  return [...xml.matchAll(/PAGEREF _Toc\w+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(<w:t[ >])?/g)].map((r) => Boolean(r[1]))
}

/** Whether every entry of the document's TOC has its page number written. */
export function tocNumbered(docx: Uint8Array): boolean {
  const entries = tocEntries(docx)
  return entries.length > 0 && entries.every(Boolean)
}

/** The document with `w:updateFields` on, where docx writes it (before w:compat). */
function askToUpdate(docx: Uint8Array): Buffer {
  const files = unzipSync(docx)
  const settings = strFromU8(files['word/settings.xml']!)
  if (!settings.includes('<w:updateFields')) {
    const at = settings.includes('<w:compat') ? settings.indexOf('<w:compat') : settings.lastIndexOf('</w:settings>')
    files['word/settings.xml'] = strToU8(`${settings.slice(0, at)}<w:updateFields/>${settings.slice(at)}`)
  }
  return Buffer.from(zipSync(files))
}

/**
 * The TOC numbered again once the document is put together: an officer's letterhead page
 * put in front of the brief (letterhead.ts) moves every heading a page on. docx's
 * patchDocument lays the assembled document out with the same estimate and rewrites the
 * PAGEREF results; where it cannot, they are left blank and Word is asked to update them.
 */
export async function renumberToc(docx: Uint8Array): Promise<Buffer> {
  if (tocEntries(docx).length === 0) return Buffer.from(docx)
  const renumbered = await patchDocument({ outputType: 'nodebuffer', data: docx, patches: {}, pageNumbers: estimatePageNumbers })
  return tocNumbered(renumbered) ? renumbered : askToUpdate(renumbered)
}

/**
 * Packs the document with its TOC's page numbers worked out (see above), or, where they
 * cannot all be, with the entries alone and Word asked to update them.
 */
export async function packWithToc(build: (numbering: PageNumbering) => Document): Promise<Buffer> {
  const numbered = await Packer.toBuffer(build({ pageNumbers: estimatePageNumbers }))
  if (tocNumbered(numbered)) return numbered
  return Packer.toBuffer(build({ features: { updateFields: true } }))
}
