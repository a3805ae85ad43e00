import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect/index.ts'

/**
 * What every officer of an office's server must reach that a laptop keeps in its data
 * folder (issue 13): the stored files (attachments, letterhead templates) by their sha256,
 * in parts of at most 1 MiB so that no statement carries a 100 MB scan whole; and who has
 * a brief open, refreshed every few seconds and never audited. A SQLite file keeps both
 * beside it in its data folder (the dialect's file store), so this migration changes
 * nothing there.
 *
 * Frozen once landed: it names every column as it is, with no helper shared with others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db).name !== 'postgres') return
  await sql`CREATE TABLE stored_file (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes integer NOT NULL CHECK (bytes >= 0),
    parts integer NOT NULL CHECK (parts >= 0),
    created_at text NOT NULL,
    created_by text NOT NULL
  )`.execute(db)
  await sql`CREATE TABLE stored_file_part (
    sha256 text NOT NULL REFERENCES stored_file (sha256) ON DELETE CASCADE,
    part integer NOT NULL CHECK (part >= 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, part)
  )`.execute(db)
  await sql`CREATE TABLE presence (
    session text PRIMARY KEY,
    trip_id text NOT NULL,
    login text NOT NULL,
    seen_at text NOT NULL
  )`.execute(db)
  await sql`CREATE INDEX presence_trip ON presence (trip_id, seen_at)`.execute(db)
}
