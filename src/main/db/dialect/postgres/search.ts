/**
 * The search index on PostgreSQL: columns of search_doc (migration 0012) holding the folded
 * words with a space before and after each (" thanh hoa tinh "), matched with LIKE and
 * served by pg_trgm's GIN indexes. A word typed as a prefix is "% thanh", a name typed in
 * full "% thanh hoa"; the same folding as SQLite's, done by the core, so every probe finds
 * on either database what it finds on the other.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Db } from '../../../context.ts'
import { titlesStartingWith, type Candidate, type SearchStore } from '../search.ts'

const PARTNER_KINDS = sql.raw(`('locality', 'organization', 'person')`)
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)
/** Folded words as the index keeps them: each with a space before and after. */
export const spaced = (words: string) => (words.trim() ? ` ${words.trim().split(/\s+/).join(' ')} ` : '')

function matching(column: string, words: string[], phrase: boolean): RawBuilder<boolean> {
  const patterns = phrase ? [`% ${words.join(' ')}%`] : words.map((w) => `% ${w}%`)
  return sql<boolean>`${sql.join(patterns.map((p) => sql`${sql.ref(column)} LIKE ${p}`), sql` AND `)}`
}

export const postgresSearch: SearchStore = {
  async add(db, rows) {
    if (rows.length === 0) return
    await sql`
      UPDATE search_doc d SET words_names = v.names, words_all = v.words, native_text = v.native
      FROM unnest(${rows.map((r) => r.docId)}::bigint[], ${rows.map((r) => spaced(r.names))}::text[], ${rows.map((r) => spaced(`${r.names} ${r.body}`))}::text[], ${rows.map((r) => (r.partner ? '' : r.native))}::text[])
        AS v(doc_id, names, words, native)
      WHERE d.doc_id = v.doc_id`.execute(db)
  },
  // The index is search_doc's own columns: deleting the rows unindexes them.
  async remove() {},
  async clear() {},
  async words(db: Db, words, phrase, titlePrefix, window) {
    const startsWith = { rows: await titlesStartingWith(db, titlePrefix, window) }
    const query = (partners: boolean, column: string, rank: RawBuilder<number>) => sql<Candidate>`
      SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", ${rank} AS rank
      FROM search_doc
      WHERE ${partners ? sql`kind IN ${PARTNER_KINDS}` : sql`NOT (kind IN ${PARTNER_KINDS})`} AND ${matching(column, words, phrase)}
      ORDER BY doc_id DESC LIMIT ${window}`.execute(db)
    const inNames = sql<number>`-doc_id`
    const anywhere = sql<number>`1e12 - doc_id`
    const results = [startsWith, await query(true, 'words_names', inNames), await query(true, 'words_all', anywhere), await query(false, 'words_names', inNames), await query(false, 'words_all', anywhere)]
    return results.flatMap((r) => r.rows)
  },
  async native(db, q, window) {
    const like = `%${escapeLike(q)}%`
    const partners = await sql<Candidate>`
      SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", length(native_names) AS rank
      FROM search_doc
      WHERE kind IN ${PARTNER_KINDS} AND native_names LIKE ${like}
      ORDER BY rank LIMIT 200`.execute(db)
    if ([...q].length < 3) return partners.rows
    // `native_text <> ''` is the trigram index's own condition: without it the planner cannot use the index.
    const records = await sql<Candidate>`
      SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", -doc_id AS rank
      FROM search_doc
      WHERE native_text <> '' AND native_text LIKE ${like}
      ORDER BY doc_id DESC LIMIT ${window}`.execute(db)
    return [...partners.rows, ...records.rows]
  },
  recordsMatching(id, kind, match) {
    if ('native' in match) return sql<SqlBool>`${id} IN (SELECT entity_id FROM search_doc WHERE kind = ${kind} AND native_text <> '' AND native_text LIKE ${`%${escapeLike(match.native)}%`})`
    return sql<SqlBool>`${id} IN (SELECT entity_id FROM search_doc WHERE kind = ${kind} AND ${matching('words_all', match.words, false)})`
  },
}
