/**
 * The search index in SQLite (migration 0004): contentless FTS5 tables sharing search_doc's
 * rowid, one for partners and people (tens of thousands), one for records (agreements and
 * engagements, hundreds of thousands), so that a common word in many records never buries
 * the partner an officer is looking for; a trigram table for records' Japanese text.
 */
import { sql, type SqlBool } from 'kysely'
import type { Db } from '../../../context.ts'
import { titlesStartingWith, type Candidate, type SearchStore } from '../search.ts'
import { inList } from './sql.ts'

/**
 * Candidates, each query bounded so that type-ahead stays fast however many records
 * match: names that start with the text (an index range), then matches in names, then
 * anywhere, newest first.
 */
async function matchAll(db: Db, match: string, titlePrefix: string | null, window: number): Promise<Candidate[]> {
  const startsWith = { rows: await titlesStartingWith(db, titlePrefix, window, sql`INDEXED BY search_doc_partner_title`) }
  const inNames = (table: string) => sql<Candidate>`
    SELECT d.kind, d.entity_id AS "entityId", d.title, d.subtitle, d.title_folded AS "titleFolded", -${sql.raw(table)}.rowid AS rank
    FROM ${sql.raw(table)} JOIN search_doc d ON d.doc_id = ${sql.raw(table)}.rowid
    WHERE ${sql.raw(table)} MATCH ${`title : (${match})`}
    ORDER BY ${sql.raw(table)}.rowid DESC LIMIT ${window}`.execute(db)
  const anywhere = (table: string) => sql<Candidate>`
    SELECT d.kind, d.entity_id AS "entityId", d.title, d.subtitle, d.title_folded AS "titleFolded", 1e12 - ${sql.raw(table)}.rowid AS rank
    FROM ${sql.raw(table)} JOIN search_doc d ON d.doc_id = ${sql.raw(table)}.rowid
    WHERE ${sql.raw(table)} MATCH ${match}
    ORDER BY ${sql.raw(table)}.rowid DESC LIMIT ${window}`.execute(db)
  const results = [startsWith, await inNames('search_fts_partner'), await anywhere('search_fts_partner'), await inNames('search_fts_record'), await anywhere('search_fts_record')]
  return results.flatMap((r) => r.rows)
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export const sqliteSearch: SearchStore = {
  async add(db, rows) {
    const fts = (list: typeof rows) => sql.join(list.map((r) => sql`(${r.docId}, ${r.names}, ${r.body})`))
    const partners = rows.filter((r) => r.partner)
    const records = rows.filter((r) => !r.partner)
    const trigram = records.filter((r) => r.native)
    if (partners.length) await sql`INSERT INTO search_fts_partner (rowid, title, body) VALUES ${fts(partners)}`.execute(db)
    if (records.length) await sql`INSERT INTO search_fts_record (rowid, title, body) VALUES ${fts(records)}`.execute(db)
    if (trigram.length) await sql`INSERT INTO search_tri_record (rowid, text) VALUES ${sql.join(trigram.map((r) => sql`(${r.docId}, ${r.native})`))}`.execute(db)
  },
  async remove(db, docs) {
    const partner = docs.filter((d) => d.partner).map((d) => d.docId)
    const record = docs.filter((d) => !d.partner).map((d) => d.docId)
    if (partner.length) await sql`DELETE FROM search_fts_partner WHERE ${inList('rowid', partner)}`.execute(db)
    if (record.length) {
      await sql`DELETE FROM search_fts_record WHERE ${inList('rowid', record)}`.execute(db)
      await sql`DELETE FROM search_tri_record WHERE ${inList('rowid', record)}`.execute(db)
    }
  },
  async clear(db) {
    await sql`DELETE FROM search_fts_partner`.execute(db)
    await sql`DELETE FROM search_fts_record`.execute(db)
    await sql`DELETE FROM search_tri_record`.execute(db)
  },
  // Words are letters and digits only, quoted: nothing typed can become FTS syntax.
  words: (db, words, phrase, titlePrefix, window) => matchAll(db, phrase ? `"${words.join(' ')}"*` : words.map((w) => `"${w}"*`).join(' '), titlePrefix, window),
  async native(db, q, window) {
    const partners = await sql<Candidate>`
      SELECT kind, entity_id AS "entityId", title, subtitle, title_folded AS "titleFolded", length(native_names) AS rank
      FROM search_doc
      WHERE kind IN ('locality', 'organization', 'person') AND native_names LIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'
      ORDER BY rank LIMIT 200`.execute(db)
    if ([...q].length < 3) return partners.rows
    const phrase = `"${q.replace(/"/g, '""')}"`
    const records = await sql<Candidate>`
      SELECT d.kind, d.entity_id AS "entityId", d.title, d.subtitle, d.title_folded AS "titleFolded", -search_tri_record.rowid AS rank
      FROM search_tri_record JOIN search_doc d ON d.doc_id = search_tri_record.rowid
      WHERE search_tri_record MATCH ${phrase}
      ORDER BY search_tri_record.rowid DESC LIMIT ${window}`.execute(db)
    return [...partners.rows, ...records.rows]
  },
  recordsMatching(id, kind, match) {
    // Words are letters and digits only, quoted: nothing typed becomes FTS syntax.
    if ('native' in match) {
      return sql<SqlBool>`${id} IN (SELECT d.entity_id FROM search_tri_record t JOIN search_doc d ON d.doc_id = t.rowid
        WHERE search_tri_record MATCH ${`"${match.native.replace(/"/g, '""')}"`} AND d.kind = ${kind})`
    }
    return sql<SqlBool>`${id} IN (SELECT d.entity_id FROM search_fts_record f JOIN search_doc d ON d.doc_id = f.rowid
      WHERE search_fts_record MATCH ${match.words.map((w) => `"${w}"*`).join(' ')} AND d.kind = ${kind})`
  },
}
