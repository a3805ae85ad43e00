import { type CreateTableBuilder, type Kysely } from 'kysely'

/**
 * The columns every record carries (ids are UUIDv7 made by the core; see DESIGN.md), as
 * this migration created them. Later migrations keep copies of their own: a migration is
 * frozen once landed.
 */
function withMeta<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_entity_id').on('audit_log').column('entity_id').execute()

  await db.schema
    .createTable('sector')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_vi', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_ja', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute()

  await withMeta(db.schema.createTable('locality'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('designation_vi', 'text')
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_native', 'text')
    .addColumn('name_kana', 'text')
    .addColumn('region', 'text')
    .addColumn('capital', 'text')
    .addColumn('code', 'text')
    .addColumn('population', 'real')
    .addColumn('area_km2', 'real')
    .addColumn('gdp', 'text')
    .addColumn('leader', 'text')
    .addColumn('industries', 'text')
    .addColumn('notes', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('ref_key', 'text', (c) => c.unique())
    .execute()
  await db.schema.createIndex('locality_country_level').on('locality').columns(['country', 'level']).execute()

  await withMeta(db.schema.createTable('locality_lineage'))
    .addColumn('predecessor_id', 'text', (c) => c.notNull().references('locality.id').onDelete('cascade'))
    .addColumn('successor_id', 'text', (c) => c.notNull().references('locality.id').onDelete('cascade'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addUniqueConstraint('locality_lineage_pair', ['predecessor_id', 'successor_id'])
    .execute()
  await db.schema.createIndex('locality_lineage_successor').on('locality_lineage').column('successor_id').execute()

  await withMeta(db.schema.createTable('organization'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_native', 'text')
    .addColumn('abbreviation', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('locality_id', 'text', (c) => c.references('locality.id'))
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('ref_key', 'text', (c) => c.unique())
    .execute()
  await db.schema.createIndex('organization_locality').on('organization').column('locality_id').execute()

  await withMeta(db.schema.createTable('person'))
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name_native', 'text')
    .addColumn('given_name_native', 'text')
    .addColumn('name_kana', 'text')
    .addColumn('name_vi', 'text')
    .addColumn('name_order', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('locality_id', 'text', (c) => c.references('locality.id'))
    .addColumn('term_start', 'text')
    .addColumn('term_end', 'text')
    .addColumn('bio', 'text')
    .addColumn('languages', 'text')
    .addColumn('protocol_notes', 'text')
    .execute()
  await db.schema.createIndex('person_organization').on('person').column('organization_id').execute()
  await db.schema.createIndex('person_locality').on('person').column('locality_id').execute()
}
