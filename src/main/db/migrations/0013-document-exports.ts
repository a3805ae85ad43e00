import { sql, type Kysely } from 'kysely'

/**
 * A trip's paperwork is more than its brief (issue 14): the approval request, the report
 * after the trip and the programme for the other side are recorded among its exports like
 * the brief, each with the document it is. Rows from before are briefs. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE brief_export ADD COLUMN document TEXT NOT NULL DEFAULT 'brief'`.execute(db)
}
