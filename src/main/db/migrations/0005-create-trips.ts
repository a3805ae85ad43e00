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

/** Delegations: trips, their members and destinations, the day-by-day programme; talking points; briefs and their exports. */
export async function up(db: Kysely<any>): Promise<void> {
  await withMeta(db.schema.createTable('trip'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('home_locality_id', 'text', (c) => c.references('locality.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text')
    .addColumn('notes', 'text')
    .execute()

  await db.schema
    .createTable('trip_destination')
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trip.id').onDelete('cascade'))
    .addColumn('locality_id', 'text', (c) => c.notNull().references('locality.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('trip_destination_pk', ['trip_id', 'locality_id'])
    .execute()

  await withMeta(db.schema.createTable('trip_member'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trip.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('trip_member_trip').on('trip_member').column('trip_id').execute()

  // Counterparts are kept as plain ids: a counterpart deleted later still shows in the
  // programme, flagged, instead of blocking the deletion or vanishing from the plan.
  await withMeta(db.schema.createTable('itinerary_item'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trip.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text')
    .addColumn('place', 'text')
    .addColumn('counterparts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sectors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attendees', 'text')
    .addColumn('purpose', 'text')
    .addColumn('talking_points', 'text')
    .addColumn('asks', 'text')
    .addColumn('offers', 'text')
    .addColumn('sensitivities', 'text')
    .addColumn('logistics', 'text')
    .execute()
  await db.schema.createIndex('itinerary_item_trip').on('itinerary_item').columns(['trip_id', 'start']).execute()

  await withMeta(db.schema.createTable('snippet'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locality_id', 'text', (c) => c.references('locality.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id').onDelete('set null'))
    .execute()

  await withMeta(db.schema.createTable('brief'))
    .addColumn('trip_id', 'text', (c) => c.notNull().unique().references('trip.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('brief_export')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trip.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('brief_export_trip').on('brief_export').column('trip_id').execute()
}
