import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect/index.ts'

/**
 * What a PostgreSQL server has that a SQLite file has built in: the audit log's order of
 * insertion (rowid in a file; an identity column here, since two rows of one millisecond
 * must still list in the order they were written), and the search index: search_doc's folded words (each with a space
 * before and after) and its records' Japanese text, with pg_trgm's GIN indexes for LIKE.
 * Partners and records have indexes of their own, as they have FTS5 tables of their own in
 * a SQLite file, where this migration changes nothing (its index is 0004's).
 *
 * Frozen once landed: it names every column as it is, with no helper shared with others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db).name !== 'postgres') return
  await sql`ALTER TABLE audit_log ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`.execute(db)
  await sql`CREATE INDEX audit_log_at_seq ON audit_log (at DESC, seq DESC)`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
  await sql`ALTER TABLE search_doc ADD COLUMN words_names text NOT NULL DEFAULT '', ADD COLUMN words_all text NOT NULL DEFAULT '', ADD COLUMN native_text text NOT NULL DEFAULT ''`.execute(db)
  const partners = `kind IN ('locality', 'organization', 'person')`
  for (const [name, column, where] of [
    ['search_doc_partner_names', 'words_names', partners],
    ['search_doc_partner_words', 'words_all', partners],
    ['search_doc_record_names', 'words_names', `NOT (${partners})`],
    ['search_doc_record_words', 'words_all', `NOT (${partners})`],
    ['search_doc_native_names', 'native_names', partners],
    ['search_doc_native_text', 'native_text', `native_text <> ''`],
  ]) {
    await sql.raw(`CREATE INDEX ${name} ON search_doc USING gin (${column} gin_trgm_ops) WHERE ${where}`).execute(db)
  }
}
