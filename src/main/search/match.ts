/**
 * Records of one kind whose search documents match some text, as a subquery a list can
 * filter by: the agreements register's text filter finds what the search box finds.
 *
 * Latin text is folded (fold.ts) and each word matched as a prefix anywhere in the
 * record's document (title, parties, summary...); text holding Japanese (or other CJK) is
 * matched as a substring of its native text (trigram), a one- or two-character one over
 * the given native column. The index is the dialect's (db/dialect/sqlite|postgres/search.ts).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { foldedWords, hasCjk } from '../../shared/text/fold.ts'
import type { Db } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'
import type { SearchKind } from './documents.ts'

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * `idColumn IN (…records of `kind` matching `q`…)`, or null when `q` holds nothing to match.
 * `nativeColumn` serves CJK text too short for the trigram index ("山梨").
 */
export function matchesText(db: Db, q: string, kind: SearchKind, idColumn: string, nativeColumn: string): RawBuilder<SqlBool> | null {
  const text = q.normalize('NFKC').trim()
  if (!text) return null
  const id = sql.ref(idColumn)
  if (hasCjk(text)) {
    if ([...text].length < 3) return sql<SqlBool>`${sql.ref(nativeColumn)} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`
    return dialectOf(db).search.recordsMatching(id, kind, { native: text })
  }
  const words = foldedWords(text)
  if (words.length === 0) return null
  return dialectOf(db).search.recordsMatching(id, kind, { words })
}
