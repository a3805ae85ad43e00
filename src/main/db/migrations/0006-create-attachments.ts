import type { CreateTableBuilder, Kysely } from 'kysely'

/**
 * The columns every record carries, as this migration created them. Each migration keeps its
 * own copy: a migration is frozen once landed, and a helper shared with later ones could
 * change under it.
 */
function withMeta<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
}

/** Scanned agreements, photos: the file lives once in the data folder under its sha256. */
export async function up(db: Kysely<any>): Promise<void> {
  await withMeta(db.schema.createTable('attachment'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachment_entity').on('attachment').columns(['entity', 'entity_id']).execute()
}
