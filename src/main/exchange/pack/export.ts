/**
 * Writing a data pack: the records a scope covers (everything, one partner with all that
 * is linked to it, or one trip with what its brief needs), copied into the pack's own
 * database file (an SQLite file whichever database the register is on), with the deletions (tombstones) so that they travel; then zipped with
 * the manifest and the attachment files, streamed to the target file, written whole or not
 * at all.
 */
import Database from 'better-sqlite3'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Ctx, Db } from '../../context.ts'
import { dialectOf } from '../../db/dialect/index.ts'
import { notFound } from '../../errors.ts'
import { writeStreamAtomic, type Written } from '../../files.ts'
import { ALL_TABLES, CHILD_TABLES, DATA_FILE, ENTITY_TABLES, MANIFEST_FILE, PACK_FORMAT, PACK_VERSION, TOMBSTONE_TABLE, camel, quote, type EntityTable, type PackManifest, type PackScope } from './format.ts'
import { scratchIn } from './open.ts'
import { rowsOf } from './sql.ts'
import { zipWriter } from './zip.ts'

type Rec = Record<string, unknown>

/** The non-empty values of one column, optionally where another column is in a list of ids. */
async function column(db: Db, table: string, name: string, filter: { column: string; ids: readonly string[] } | null = null): Promise<string[]> {
  if (filter && filter.ids.length === 0) return []
  const where = filter ? [dialectOf(db).inList(filter.column, filter.ids)] : []
  const rows = await rowsOf<{ v: string }>(db, `SELECT ${quote(name)} AS v FROM ${quote(table)} WHERE ${quote(name)} IS NOT NULL ${filter ? 'AND ?' : ''}`, where)
  return rows.map((r) => r.v).filter(Boolean)
}

type Selection = Record<EntityTable, Set<string>>

/** The ids a scope covers, table by table; null for everything. */
async function closure(db: Db, scope: PackScope): Promise<Selection | null> {
  if (scope.kind === 'all') return null
  const ids = Object.fromEntries(ENTITY_TABLES.map((t) => [t, new Set<string>()])) as Selection
  const add = (into: Set<string>, values: string[]) => values.forEach((v) => into.add(v))
  const where = (col: string, list: Iterable<string>) => ({ column: col, ids: [...list] })
  if (scope.kind === 'partner') {
    const isLocality = (await column(db, 'locality', 'id', where('id', [scope.id]))).length > 0
    if (!isLocality && (await column(db, 'organization', 'id', where('id', [scope.id]))).length === 0) throw notFound('partner')
    ;(isLocality ? ids.locality : ids.organization).add(scope.id)
    const col = isLocality ? 'locality_id' : 'organization_id'
    add(ids.person, await column(db, 'person', 'id', where(col, [scope.id])))
    add(ids.agreement, await column(db, 'agreement_party', 'agreement_id', where(col, [scope.id])))
    add(ids.engagement, await column(db, 'engagement_participant', 'engagement_id', where(col, [scope.id])))
    if (isLocality) {
      add(ids.fact, await column(db, 'fact', 'id', where('locality_id', [scope.id])))
      add(ids.locality, await column(db, 'locality_lineage', 'predecessor_id', where('successor_id', [scope.id])))
    }
  } else {
    const trip = await db.selectFrom('trip').select(['id', 'homeLocalityId']).where('id', '=', scope.id).executeTakeFirst()
    if (!trip) throw notFound('trip')
    ids.trip.add(trip.id)
    if (trip.homeLocalityId) ids.locality.add(trip.homeLocalityId)
    add(ids.locality, await column(db, 'trip_destination', 'locality_id', where('trip_id', [scope.id])))
    add(ids.person, await column(db, 'trip_member', 'person_id', where('trip_id', [scope.id])))
    const items = await db.selectFrom('itineraryItem').select(['id', 'counterparts']).where('tripId', '=', scope.id).execute()
    for (const item of items) {
      ids.itinerary_item.add(item.id)
      for (const c of JSON.parse(item.counterparts) as Rec[]) {
        if (c.personId) ids.person.add(c.personId as string)
        if (c.organizationId) ids.organization.add(c.organizationId as string)
        if (c.localityId) ids.locality.add(c.localityId as string)
      }
    }
    add(ids.brief, await column(db, 'brief', 'id', where('trip_id', [scope.id])))
    add(ids.snippet, await column(db, 'snippet', 'id'))
    const places = [...ids.locality]
    add(ids.agreement, await column(db, 'agreement_party', 'agreement_id', where('locality_id', places)))
    add(ids.fact, await column(db, 'fact', 'id', where('locality_id', places)))
  }
  // What the chosen records point at comes along: commitments, parties, signatories, participants.
  const agreements = [...ids.agreement]
  add(ids.commitment, await column(db, 'commitment', 'id', where('agreement_id', agreements)))
  // Commitments arising from the trip's meetings (0016), with or without an agreement.
  add(ids.commitment, await column(db, 'commitment', 'id', where('itinerary_item_id', ids.itinerary_item)))
  add(ids.locality, await column(db, 'agreement_party', 'locality_id', where('agreement_id', agreements)))
  add(ids.organization, await column(db, 'agreement_party', 'organization_id', where('agreement_id', agreements)))
  add(ids.person, await column(db, 'agreement_signatory', 'person_id', where('agreement_id', agreements)))
  const engagements = [...ids.engagement]
  for (const col of ['locality_id', 'organization_id', 'person_id'] as const) {
    add(ids[col === 'locality_id' ? 'locality' : col === 'organization_id' ? 'organization' : 'person'], await column(db, 'engagement_participant', col, where('engagement_id', engagements)))
  }
  add(ids.organization, await column(db, 'person', 'organization_id', where('id', ids.person)))
  add(ids.locality, await column(db, 'person', 'locality_id', where('id', ids.person)))
  add(ids.locality, await column(db, 'organization', 'locality_id', where('id', ids.organization)))
  // Gifts and protocol history of the counterparts that travel (0016).
  for (const [col, set] of [['person_id', ids.person], ['organization_id', ids.organization], ['locality_id', ids.locality]] as const) {
    add(ids.gift, await column(db, 'gift', 'id', where(col, set)))
  }
  // Scans and pictures of the records that travel.
  add(ids.attachment, await column(db, 'attachment', 'id', where('entity_id', [...ids.agreement, ...ids.person])))
  // Successors of old units, so that lineage reads the same on the other side.
  add(ids.locality, await column(db, 'locality_lineage', 'successor_id', where('predecessor_id', ids.locality)))
  return ids
}

/** Deflate level: 4 keeps a full register's pack small while the export stays well inside its time. */
const LEVEL = 4

/** The rows of the scope into the pack's database file, table by table (the dialect copies them). */
async function fillPackDatabase(ctx: Ctx, scope: PackScope, file: string): Promise<{ counts: Record<string, number>; hashes: string[] }> {
  const copied = await dialectOf(ctx.db).pack.write(ctx.db, file, async (trx) => {
    const ids = await closure(trx, scope)
    return ALL_TABLES.map((table) => {
      const child = CHILD_TABLES.find((c) => c.table === table)
      const entity = ENTITY_TABLES.find((t) => t === table)
      // Deletions all travel, whatever the scope: a record deleted here may be in any pack there.
      if (!ids || table === TOMBSTONE_TABLE) return { table, filter: null }
      // A child comes with its parent (a child's parent is always here: the foreign key says so).
      return { table, filter: entity ? { column: 'id', ids: [...ids[entity]] } : { column: child!.key, ids: [...ids[child!.parent]] } }
    })
  })
  const counts = Object.fromEntries(Object.entries(copied).map(([table, n]) => [camel(table), n]))
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return { counts, hashes: (db.prepare(`SELECT DISTINCT sha256 FROM attachment`).pluck().all() as string[]) }
  } finally {
    db.close()
  }
}

/** Writes the scope's pack to `path`; `dataDir` holds the attachment files (they travel inside the pack). */
export async function exportPack(ctx: Ctx, scope: PackScope, dataDir: string, path: string): Promise<{ manifest: PackManifest; written: Written }> {
  const scratch = scratchIn(dataDir)
  try {
    const file = join(scratch.dir, DATA_FILE)
    const { counts, hashes } = await fillPackDatabase(ctx, scope, file)
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      createdAt: ctx.now(),
      origin: ctx.origin,
      exportedBy: ctx.actor,
      scope: scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`,
      counts,
    }
    const zip = zipWriter()
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_FILE)
    zip.addStream(createReadStream(file, { highWaterMark: 1 << 20 }), DATA_FILE, LEVEL)
    // The files themselves: from the data folder, or fetched from the server into the scratch folder first.
    const files = dialectOf(ctx.db).files
    for (const sha256 of hashes) {
      const stored = (await files.pathOf(ctx.db, dataDir, 'attachment', sha256)) ?? join(scratch.dir, sha256)
      if (stored.startsWith(scratch.dir) && !(await files.copyTo(ctx.db, dataDir, 'attachment', sha256, stored))) continue
      zip.addStoredFile(stored, `attachments/${sha256}`)
    }
    zip.end()
    return { manifest, written: await writeStreamAtomic(path, zip.output) }
  } finally {
    scratch.dispose()
  }
}
