import { sql, type Kysely } from 'kysely'

/**
 * Trips, programme items and talking points join the search index, and Japanese text is
 * indexed folded (katakana as hiragana, without spaces between Japanese characters), as
 * queries now are. Every record is queued, and the background indexer writes its document
 * again just after the start, in small steps, as after a large import (the search box says
 * how many are left; until then a record keeps its old document). What the index lacks
 * comes first, then partners, then records oldest first, so that the newest rank first.
 *
 * Frozen once landed: it names every table and column as they are, with no helper shared with others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const queue = [
    ['trip', 'trip', 'start_date'],
    ['itineraryItem', 'itinerary_item', '"start"'],
    ['snippet', 'snippet', 'created_at'],
    ['locality', 'locality', 'rowid'],
    ['organization', 'organization', 'rowid'],
    ['person', 'person', 'rowid'],
    ['agreement', 'agreement', 'signed_date'],
    ['engagement', 'engagement', 'start_date'],
  ] as const
  for (const [kind, table, order] of queue) {
    await sql`INSERT INTO search_queue (kind, entity_id, dependents) SELECT ${kind}, id, 0 FROM ${sql.raw(table)} ORDER BY ${sql.raw(order)}`.execute(db)
  }
}
