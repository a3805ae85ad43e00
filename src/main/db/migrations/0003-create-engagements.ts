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

export async function up(db: Kysely<any>): Promise<void> {
  await withMeta(db.schema.createTable('engagement'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('place', 'text')
    .addColumn('summary', 'text')
    .addColumn('outcomes', 'text')
    .addColumn('sources', 'text')
    .execute()
  await db.schema.createIndex('engagement_start_date').on('engagement').column('start_date').execute()

  await withMeta(db.schema.createTable('engagement_participant'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('locality_id', 'text', (c) => c.references('locality.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('role', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  for (const col of ['engagement_id', 'locality_id', 'organization_id', 'person_id']) {
    await db.schema.createIndex(`engagement_participant_${col}`).on('engagement_participant').column(col).execute()
  }

  await db.schema
    .createTable('engagement_agreement')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('engagement_agreement_pk', ['engagement_id', 'agreement_id'])
    .execute()
  await db.schema.createIndex('engagement_agreement_agreement').on('engagement_agreement').column('agreement_id').execute()

  await withMeta(db.schema.createTable('fact'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('as_of', 'text')
    .addColumn('source', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('locality_id', 'text', (c) => c.references('locality.id').onDelete('cascade'))
    .addColumn('partner_locality_id', 'text', (c) => c.references('locality.id').onDelete('cascade'))
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('fact_locality').on('fact').column('locality_id').execute()
}
