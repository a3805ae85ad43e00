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
  await withMeta(db.schema.createTable('agreement'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('title_ja', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('signed_date', 'text')
    .addColumn('signed_place', 'text')
    .addColumn('summary', 'text')
    .addColumn('value_amount', 'real')
    .addColumn('value_currency', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('renewal', 'text')
    .addColumn('sources', 'text')
    .addColumn('mofa_opinion_no', 'text')
    .addColumn('mofa_opinion_date', 'text')
    .addColumn('shortened_procedure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pm_report_sent_date', 'text')
    .addColumn('mofa_copy_sent_date', 'text')
    .execute()
  await db.schema.createIndex('agreement_signed_date').on('agreement').column('signed_date').execute()

  await withMeta(db.schema.createTable('agreement_party'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('locality_id', 'text', (c) => c.references('locality.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('agreement_party_agreement').on('agreement_party').column('agreement_id').execute()
  await db.schema.createIndex('agreement_party_locality').on('agreement_party').column('locality_id').execute()
  await db.schema.createIndex('agreement_party_organization').on('agreement_party').column('organization_id').execute()

  await withMeta(db.schema.createTable('agreement_signatory'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('title_at_signing', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('agreement_signatory_agreement').on('agreement_signatory').column('agreement_id').execute()
  await db.schema.createIndex('agreement_signatory_person').on('agreement_signatory').column('person_id').execute()

  await db.schema
    .createTable('agreement_sector')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sector.code'))
    .addPrimaryKeyConstraint('agreement_sector_pk', ['agreement_id', 'sector_code'])
    .execute()

  await withMeta(db.schema.createTable('commitment'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('commitment_agreement').on('commitment').column('agreement_id').execute()
}
