/**
 * The search index as each database keeps it. Both keep one row per record in search_doc
 * (its title, subtitle, folded title and native names, written by search/documents.ts);
 * what finds the rows differs: SQLite's FTS5 tables beside it, PostgreSQL's folded text
 * columns on it with trigram indexes.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Db } from '../../context.ts'

/** A document's words as the index takes them: folded (src/shared/text/fold.ts), so the databases only match. */
export interface IndexRow {
  docId: number
  partner: boolean
  /** Names and other words that rank highest. */
  names: string
  body: string
  /** Japanese (or other CJK) text, searched by substring. */
  native: string
}

export interface Candidate {
  kind: string
  entityId: string
  title: string
  subtitle: string
  titleFolded: string
  /** Lower is better. */
  rank: number
}

export interface SearchStore {
  /** Indexes documents just written to search_doc. */
  add(db: Db, rows: IndexRow[]): Promise<void>
  /** Unindexes documents about to be deleted from search_doc. */
  remove(db: Db, docs: Array<{ docId: number; partner: boolean }>): Promise<void>
  /** Unindexes everything (a rebuild). */
  clear(db: Db): Promise<void>
  /**
   * Documents matching folded Latin-script words. `phrase`: the words in a row, the last a
   * prefix (a name as it is typed); otherwise every word, each a prefix, anywhere.
   * `titlePrefix`, when given, also finds titles starting with it. Each query is bounded by `window`.
   */
  words(db: Db, words: string[], phrase: boolean, titlePrefix: string | null, window: number): Promise<Candidate[]>
  /** Documents holding Japanese (or other CJK) text `q`: partners by their native names, records by substring (three characters or more). */
  native(db: Db, q: string, window: number): Promise<Candidate[]>
  /**
   * A list's filter: `id IN (…records of `kind` matching…)`, for folded words (each a prefix,
   * anywhere in the record's document) or for Japanese text of three characters or more.
   */
  recordsMatching(id: RawBuilder<unknown>, kind: string, match: { words: string[] } | { native: string }): RawBuilder<SqlBool>
}

/**
 * Documents whose folded title starts with `prefix` (index ranges on title_folded, the same
 * SQL on both databases), the first candidates of a name typed: partners shortest first
 * (their own index, migration 0018: "than" finds "Thanh Hóa" before sixty "Thạnh An …"),
 * then any kind in alphabetical order, at most `window` of each. `partnerIndex`: how the
 * dialect makes sure the partners' index is the one used (SQLite, without statistics, would
 * otherwise read every partner by kind and sort them).
 */
export async function titlesStartingWith(db: Db, prefix: string | null, window: number, partnerIndex: RawBuilder<unknown> = sql``): Promise<Candidate[]> {
  if (!prefix) return []
  const end = `${prefix}\u{10ffff}`
  const partners = await sql<Candidate>`
    SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", doc_id AS rank
    FROM search_doc ${partnerIndex}
    WHERE kind IN ('locality', 'organization', 'person') AND title_folded >= ${prefix} AND title_folded < ${end}
    ORDER BY length(title_folded), title_folded LIMIT ${window}`.execute(db)
  const any = await sql<Candidate>`
    SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", doc_id AS rank
    FROM search_doc
    WHERE title_folded >= ${prefix} AND title_folded < ${end}
    ORDER BY title_folded LIMIT ${window}`.execute(db)
  return [...partners.rows, ...any.rows]
}
