import { sql, type Kysely } from 'kysely'

/**
 * A participant or a party is one locality, one organization or one person: two of its
 * three partner columns are NULL. Their indexes now hold only the rows that name a partner
 * (`WHERE … IS NOT NULL`), a third of the entries: a register of 600,000 participants
 * loads from a data pack faster and takes less disk. Every lookup by partner (`= ?`,
 * `IN (…)`, the foreign keys' checks) implies NOT NULL and still uses them.
 */
const PARTIAL: Array<[table: string, index: string, column: string]> = [
  ['engagement_participant', 'engagement_participant_locality_id', 'locality_id'],
  ['engagement_participant', 'engagement_participant_organization_id', 'organization_id'],
  ['engagement_participant', 'engagement_participant_person_id', 'person_id'],
  ['agreement_party', 'agreement_party_locality', 'locality_id'],
  ['agreement_party', 'agreement_party_organization', 'organization_id'],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, index, column] of PARTIAL) {
    await db.schema.dropIndex(index).execute()
    await db.schema.createIndex(index).on(table).column(column).where(sql.ref(column), 'is not', null).execute()
  }
}
