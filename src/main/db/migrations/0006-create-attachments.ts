import type { Kysely } from 'kysely'
import { withMeta } from './0001-create-partners.ts'

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
