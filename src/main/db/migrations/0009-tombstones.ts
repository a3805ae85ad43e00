import { sql, type Kysely } from 'kysely'

/**
 * Deletions become records that travel (data packs carry them), so that a record deleted
 * on one laptop does not come back with the next pack from another. The audit log names
 * the source of a change made in bulk (which data pack), and the search queue says which
 * queued partners' dependents (agreements, people, engagements showing their name) need
 * their documents rewritten too.
 *
 * Frozen once landed: it names every column as it is, with no helper shared with others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS tombstone (
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    deleted_by TEXT NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (tbl, id)
  )`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS tombstone_deleted_at ON tombstone (deleted_at)`.execute(db)
  await sql`ALTER TABLE audit_log ADD COLUMN source TEXT`.execute(db)
  await sql`ALTER TABLE search_queue ADD COLUMN dependents INTEGER NOT NULL DEFAULT 0`.execute(db)
}
