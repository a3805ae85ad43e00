import type { CreateTableBuilder, Kysely } from 'kysely'

/** The columns every record carries, as this migration writes them (its own copy: migrations are frozen). */
function withMeta<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
}

/**
 * The approval request of a delegation (issue 14, item 1). The office's rate table (air
 * fare, per diem and lodging for a rank in a country, in the currency it records them in;
 * a missing amount is null, never zero), its list of legal bases (ordered), and each trip's
 * request: its funding source and what the officer chose in the builder (JSON, validated by
 * approvalSettings). Amounts are double precision: a fare in đồng passes float4's precision.
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withMeta(db.schema.createTable('travel_rate'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('airfare', 'double precision')
    .addColumn('per_diem', 'double precision')
    .addColumn('lodging', 'double precision')
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('travel_rate_country_rank').on('travel_rate').columns(['country', 'rank']).unique().execute()

  await withMeta(db.schema.createTable('legal_basis'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await withMeta(db.schema.createTable('approval_request'))
    .addColumn('trip_id', 'text', (c) => c.notNull().unique().references('trip.id').onDelete('cascade'))
    .addColumn('funding_source', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute()
}
