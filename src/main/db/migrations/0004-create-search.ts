import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect/index.ts'

/**
 * The search index (SQLite). search_doc holds one row per record; contentless FTS5 tables
 * share its rowid. Text is folded by the core before it is indexed (src/shared/text/fold.ts),
 * so the tokenizer only splits words.
 *
 * Partners and people (tens of thousands) and records (agreements and engagements, hundreds
 * of thousands) have separate indexes so that a common word in many records never buries
 * the partner an officer is looking for. Japanese text is searched by substring: trigram
 * for records, and LIKE over search_doc.native_names for the small partner set (also the
 * path for queries shorter than three characters, which trigram cannot serve).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_doc')
    .addColumn('doc_id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('native_names', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('search_doc_kind').on('search_doc').column('kind').execute()
  // Names that start with what is typed are found by a range scan on this index.
  await db.schema.createIndex('search_doc_title_folded').on('search_doc').column('title_folded').execute()

  // On a PostgreSQL server the index is columns of search_doc with trigram indexes (a later
  // migration adds them there); FTS5 is SQLite's.
  if (dialectOf(db).name !== 'sqlite') return
  for (const table of ['search_fts_partner', 'search_fts_record']) {
    await sql`CREATE VIRTUAL TABLE ${sql.raw(table)} USING fts5(
      title, body, content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4')`.execute(db)
  }
  await sql`CREATE VIRTUAL TABLE search_tri_record USING fts5(
    text, content='', contentless_delete=1, tokenize='trigram')`.execute(db)
}
