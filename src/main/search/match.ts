/**
 * Records of one kind whose search documents match some text, as a subquery a list can
 * filter by: the agreements register's text filter finds what the search box finds.
 *
 * Latin text is folded (fold.ts) and each word matched as a prefix anywhere in the
 * record's document (title, parties, summary...); text holding Japanese (or other CJK) is
 * matched as a substring of its native text (trigram), a one- or two-character one over
 * the given native column. Words are letters and digits only, quoted: nothing typed can
 * become FTS syntax.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { foldedWords, hasCjk } from '../../shared/text/fold.ts'
import type { SearchKind } from './documents.ts'

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * `idColumn IN (…records of `kind` matching `q`…)`, or null when `q` holds nothing to match.
 * `nativeColumn` serves CJK text too short for the trigram index ("山梨").
 */
export function matchesText(q: string, kind: SearchKind, idColumn: string, nativeColumn: string): RawBuilder<SqlBool> | null {
  const text = q.normalize('NFKC').trim()
  if (!text) return null
  const id = sql.ref(idColumn)
  if (hasCjk(text)) {
    if ([...text].length < 3) return sql<SqlBool>`${sql.ref(nativeColumn)} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`
    return sql<SqlBool>`${id} IN (SELECT d.entity_id FROM search_tri_record t JOIN search_doc d ON d.doc_id = t.rowid
      WHERE search_tri_record MATCH ${`"${text.replace(/"/g, '""')}"`} AND d.kind = ${kind})`
  }
  const words = foldedWords(text)
  if (words.length === 0) return null
  return sql<SqlBool>`${id} IN (SELECT d.entity_id FROM search_fts_record f JOIN search_doc d ON d.doc_id = f.rowid
    WHERE search_fts_record MATCH ${words.map((w) => `"${w}"*`).join(' ')} AND d.kind = ${kind})`
}
