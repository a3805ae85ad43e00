import { sql, type Kysely } from 'kysely'

/** A counterpart's telephone and e-mail, for the brief's contact list. Frozen once landed. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE person ADD COLUMN phone TEXT`.execute(db)
  await sql`ALTER TABLE person ADD COLUMN email TEXT`.execute(db)
}
