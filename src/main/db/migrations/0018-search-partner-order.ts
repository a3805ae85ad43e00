import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect/index.ts'

/**
 * Partners found fast among hundreds of thousands of records (issue 13, search at the bench
 * size). Partners have search_doc's oldest rows and are a few thousand beside 300,000
 * records, so a partner query that walked search_doc's rows newest first read every record
 * before the first partner (0.4 s for "t" on a server), and a name typed as a prefix
 * ("than") was looked up alphabetically among every kind, so that the first 60 titles were
 * all "Thạnh An …" and never the shorter "Thanh Hóa". Both databases get the partners'
 * folded titles in an index of their own (names starting with the text, shortest first);
 * a server also gets the partners' row order, which its LIKE queries walk newest first (a
 * file's partners have their own FTS5 table).
 *
 * Frozen once landed: it names every column as it is, with no helper shared with others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const partners = sql.raw(`kind IN ('locality', 'organization', 'person')`)
  await sql`CREATE INDEX search_doc_partner_title ON search_doc (title_folded) WHERE ${partners}`.execute(db)
  if (dialectOf(db).name !== 'postgres') return
  await sql`CREATE INDEX search_doc_partner_order ON search_doc (doc_id) WHERE ${partners}`.execute(db)
}
