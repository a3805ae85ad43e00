/**
 * Takes the sample data back out ("Gỡ dữ liệu mẫu"): the records of the sample pack are
 * deleted through the record functions (each with its audit row and tombstone, so the
 * deletion travels in data packs like any other), and the notes the load added to
 * reference localities are cleared where they are still as the load wrote them. Nothing
 * the officer typed is touched: a sample record the officer has edited since (any change
 * not written by a sample load), and a sample record that one of the officer's records
 * uses (a commitment added to a sample agreement, a sample person met on the officer's own
 * trip), is kept, with what it needs, and counted as kept.
 *
 * The sample records are known by their ids: the pack's ids are fixed and made by no one
 * else, so a record with one of them came from a sample load, here or on a colleague's
 * laptop. A brief (and its exports) of a sample trip goes with the trip.
 */
import type { Ctx, Db } from '../context.ts'
import { auditEvent, deleteRecord, updateRecord, write, type RecordTable } from '../records.ts'
import { demoSource, localityNote, readDemoPack, type DemoPack } from './load.ts'

type SampleTable = 'itineraryItem' | 'trip' | 'snippet' | 'fact' | 'engagement' | 'commitment' | 'agreement' | 'person' | 'organization'

/** The order of deletion: what points at a record goes before it. */
const ORDER: Array<[SampleTable, (p: DemoPack) => Array<{ id: string }>]> = [
  ['commitment', (p) => p.itemCommitments],
  ['itineraryItem', (p) => p.itinerary],
  ['trip', (p) => p.trips],
  ['snippet', (p) => p.snippets],
  ['fact', (p) => p.facts],
  ['engagement', (p) => p.engagements],
  ['commitment', (p) => p.commitments],
  ['agreement', (p) => p.agreements],
  ['person', (p) => p.people],
  ['organization', (p) => p.organizations],
]

/** A record that points at a sample record: its table and id. */
type Ref = { table: RecordTable; id: string }


/** Who points at a record, by table: the records whose removal or change its deletion would bring. */
async function referrers(db: Db, table: SampleTable, id: string): Promise<Ref[]> {
  const rows = async (t: RecordTable, q: Promise<Array<{ id: string }>>) => (await q).map((r) => ({ table: t, id: r.id }))
  const attachments = (entity: 'agreement' | 'person') =>
    rows('attachment', db.selectFrom('attachment').select('id').where('entity', '=', entity).where('entityId', '=', id).execute())
  // Itinerary items name their counterparts in JSON (ids are UUIDs: no LIKE wildcards in them).
  const counterpartOf = () => rows('itineraryItem', db.selectFrom('itineraryItem').select('id').where('counterparts', 'like', `%${id}%`).execute())
  switch (table) {
    case 'organization':
      return [
        ...(await rows('agreement', db.selectFrom('agreementParty').select('agreementId as id').where('organizationId', '=', id).execute())),
        ...(await rows('engagement', db.selectFrom('engagementParticipant').select('engagementId as id').where('organizationId', '=', id).execute())),
        ...(await rows('person', db.selectFrom('person').select('id').where('organizationId', '=', id).execute())),
        ...(await rows('snippet', db.selectFrom('snippet').select('id').where('organizationId', '=', id).execute())),
        ...(await rows('gift', db.selectFrom('gift').select('id').where('organizationId', '=', id).execute())),
        ...(await counterpartOf()),
      ]
    case 'person':
      return [
        ...(await rows('agreement', db.selectFrom('agreementSignatory').select('agreementId as id').where('personId', '=', id).execute())),
        ...(await rows('engagement', db.selectFrom('engagementParticipant').select('engagementId as id').where('personId', '=', id).execute())),
        ...(await rows('trip', db.selectFrom('tripMember').select('tripId as id').where('personId', '=', id).execute())),
        // A gift the officer noted keeps its counterpart (issue 14).
        ...(await rows('gift', db.selectFrom('gift').select('id').where('personId', '=', id).execute())),
        ...(await counterpartOf()),
        ...(await attachments('person')),
      ]
    case 'agreement':
      return [
        ...(await rows('commitment', db.selectFrom('commitment').select('id').where('agreementId', '=', id).execute())),
        ...(await rows('engagement', db.selectFrom('engagementAgreement').select('engagementId as id').where('agreementId', '=', id).execute())),
        ...(await attachments('agreement')),
      ]
    case 'trip':
      return rows('itineraryItem', db.selectFrom('itineraryItem').select('id').where('tripId', '=', id).execute())
    default:
      return []
  }
}

export interface DemoRemoval {
  /** Sample records deleted. */
  removed: number
  /** Sample records kept because the officer's own records use them. */
  kept: number
}

export async function removeDemo(ctx: Ctx, resourcesDir: string): Promise<DemoRemoval> {
  return write(ctx, async (trx) => {
    const pack = await readDemoPack(trx, resourcesDir)
    // The sample records still here.
    const present = new Map<string, SampleTable>()
    for (const [table, of] of ORDER) {
      const ids = of(pack).map((r) => r.id)
      if (ids.length === 0) continue
      for (const r of await trx.selectFrom(table).select('id').where('id', 'in', ids).execute()) present.set(r.id, table)
    }
    // Kept: a sample record edited since, or used by a record that is not sample data or by one kept; until nothing changes.
    const edges = new Map<string, Ref[]>()
    for (const [id, table] of present) edges.set(id, await referrers(trx, table, id))
    const kept = new Set(await editedSince(trx, [...present.keys()]))
    for (let changed = true; changed; ) {
      changed = false
      for (const [id, refs] of edges) {
        if (kept.has(id)) continue
        if (refs.some((r) => r.id !== id && (!present.has(r.id) || kept.has(r.id)))) {
          kept.add(id)
          changed = true
        }
      }
    }
    const event = await auditEvent(trx, ctx, 'demo', 'remove', { fileName: 'demo-pack.json' })
    const demoCtx: Ctx = { ...ctx, source: demoSource(event) }
    // The approval request's sample rows first (the sample trip's request before the trip).
    let removed = await (await import('../documents/approval/sample.ts')).removeSampleApproval(trx, demoCtx)
    for (const [table, of] of ORDER) {
      for (const { id } of of(pack)) {
        if (!present.has(id) || kept.has(id)) continue
        // A trip's items went with it; an agreement's commitments with it.
        if (!(await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())) continue
        await deleteRecord(trx, demoCtx, table, id)
        removed++
      }
    }
    await clearLocalityNotes(trx, demoCtx, pack)
    await trx.deleteFrom('appMeta').where('key', '=', 'demo_loaded_at').execute()
    return { removed, kept: kept.size }
  })
}

/** The sample records changed since by anything but a sample load: the officer's edits, a colleague's from a pack. */
async function editedSince(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('auditLog')
    .select('entityId')
    .distinct()
    .where('entityId', 'in', ids)
    .where('action', '=', 'update')
    .where((eb) => eb.or([eb('source', 'is', null), eb('source', 'not like', 'demo:%')]))
    .execute()
  return rows.map((r) => r.entityId)
}

/** The notes and industries the load wrote into reference localities, where nobody has changed them since. */
async function clearLocalityNotes(trx: Db, ctx: Ctx, pack: DemoPack): Promise<void> {
  for (const n of pack.localityNotes) {
    const l = await trx.selectFrom('locality').select(['notes', 'industries']).where('id', '=', n.locality).executeTakeFirst()
    if (!l) continue
    const note = localityNote(n)
    const changes = {
      ...(note && l.notes === note && { notes: null }),
      ...(n.industries && l.industries === n.industries && { industries: null }),
    }
    if (Object.keys(changes).length) await updateRecord(trx, ctx, 'locality', n.locality, changes)
  }
}
