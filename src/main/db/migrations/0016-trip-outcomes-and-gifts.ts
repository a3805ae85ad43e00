import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect/index.ts'

/**
 * What a trip leaves behind (issue 14, items 2 and 5):
 * - a programme item's `outcomes` (what was said and agreed);
 * - commitments arising from a meeting without an agreement: `commitment.agreement_id`
 *   may now be null, and `itinerary_item_id` names the meeting it came from (a commitment
 *   holds at least one of the two);
 * - an agreement signed during the trip names its item (`agreement.itinerary_item_id`);
 * - an engagement recorded from a meeting names it (`engagement.itinerary_item_id`, unique),
 *   so that recording the trip in the register twice makes no duplicates;
 * - the report's proposals to the leadership, written in the builder (`trip.report_proposals`);
 * - gifts and protocol history per counterpart (`gift`).
 *
 * The links to an item are plain columns, not foreign keys: data packs write commitments,
 * agreements and engagements before itinerary items (exchange/pack/format.ts), and a
 * deleted item detaches them (records.ts).
 *
 * A SQLite column cannot drop its NOT NULL: the commitment table is rebuilt there, as it
 * was created by 0002 plus the new column; PostgreSQL alters it. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE itinerary_item ADD COLUMN outcomes TEXT`.execute(db)
  await sql`ALTER TABLE trip ADD COLUMN report_proposals TEXT`.execute(db)
  await sql`ALTER TABLE agreement ADD COLUMN itinerary_item_id TEXT`.execute(db)
  await sql`ALTER TABLE engagement ADD COLUMN itinerary_item_id TEXT`.execute(db)
  await sql`CREATE UNIQUE INDEX engagement_itinerary_item ON engagement (itinerary_item_id) WHERE itinerary_item_id IS NOT NULL`.execute(db)
  await sql`CREATE INDEX agreement_itinerary_item ON agreement (itinerary_item_id) WHERE itinerary_item_id IS NOT NULL`.execute(db)

  if (dialectOf(db).name === 'postgres') {
    await sql`ALTER TABLE commitment ALTER COLUMN agreement_id DROP NOT NULL`.execute(db)
    await sql`ALTER TABLE commitment ADD COLUMN itinerary_item_id TEXT`.execute(db)
  } else {
    await sql`CREATE TABLE commitment_new (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      origin TEXT NOT NULL,
      agreement_id TEXT REFERENCES agreement (id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      owner TEXT,
      due_date TEXT,
      status TEXT NOT NULL,
      notes TEXT,
      itinerary_item_id TEXT
    )`.execute(db)
    await sql`INSERT INTO commitment_new (id, created_at, updated_at, updated_by, origin, agreement_id, action, owner, due_date, status, notes)
      SELECT id, created_at, updated_at, updated_by, origin, agreement_id, action, owner, due_date, status, notes FROM commitment`.execute(db)
    await sql`DROP TABLE commitment`.execute(db)
    await sql`ALTER TABLE commitment_new RENAME TO commitment`.execute(db)
    await sql`CREATE INDEX commitment_agreement ON commitment (agreement_id)`.execute(db)
  }
  await sql`CREATE INDEX commitment_itinerary_item ON commitment (itinerary_item_id) WHERE itinerary_item_id IS NOT NULL`.execute(db)

  await sql`CREATE TABLE gift (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    origin TEXT NOT NULL,
    person_id TEXT REFERENCES person (id) ON DELETE CASCADE,
    organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE,
    locality_id TEXT REFERENCES locality (id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    date TEXT NOT NULL,
    occasion TEXT,
    trip_id TEXT,
    engagement_id TEXT,
    description TEXT NOT NULL,
    notes TEXT
  )`.execute(db)
  for (const column of ['person_id', 'organization_id', 'locality_id']) {
    await sql.raw(`CREATE INDEX gift_${column} ON gift (${column}) WHERE ${column} IS NOT NULL`).execute(db)
  }
}
