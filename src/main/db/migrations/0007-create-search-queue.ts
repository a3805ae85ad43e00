import type { Kysely } from 'kysely'

/**
 * Records whose search documents are still to be written. A bulk write (a data pack, a
 * spreadsheet of thousands of rows) queues its records in the same transaction that
 * writes them, and the index catches up in small steps afterwards, so the officer is not
 * kept waiting and a crash in between loses nothing: the queue is resumed on the next start.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_queue')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .execute()
}
