import { sql, type Kysely } from 'kysely'

/**
 * Delegations received as well as sent (issue 14): a trip's direction ('out' for every trip
 * before), our participants receiving a visit in (`hosts`, JSON like an item's
 * counterparts: [{ personId | name, title, role }]), and an item's wording for the other
 * side's programme in English or Japanese (`translations`, JSON). Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE trip ADD COLUMN direction TEXT NOT NULL DEFAULT 'out'`.execute(db)
  await sql`ALTER TABLE trip ADD COLUMN hosts TEXT NOT NULL DEFAULT '[]'`.execute(db)
  await sql`ALTER TABLE itinerary_item ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'`.execute(db)
}
