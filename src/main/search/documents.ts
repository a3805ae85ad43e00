/**
 * Keeping the search index in step with the records. Every write queues the records it
 * changed (records.ts), and before the transaction commits their documents are rewritten
 * here by `reindexEntities` (or, for a bulk write, just after by the background indexer:
 * queue.ts); `reindexAll` rebuilds everything after a bulk load. Both go through the same
 * pure document builders, and text is folded exactly as queries are (src/shared/text/fold.ts).
 */
import { sql } from 'kysely'
import { AGREEMENT_KINDS, COUNTRIES, ENGAGEMENT_KINDS, labelOf } from '../../shared/domain/labels.ts'
import { untilVi } from '../../shared/domain/subtitles.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { fold, foldCjk, hasCjk } from '../../shared/text/fold.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import type { Db } from '../context.ts'
import type { AgreementTable, EngagementTable, LocalityTable, OrganizationTable, PersonTable } from '../db/schema.ts'
import { successorsOf, withLineage, type SuccessorName } from '../partners/lineage.ts'
import { type Doc, type EntityIds, groupBy, inList, joined, listed, PARTNER_KINDS, SEARCH_ORDER, type SearchKind, type Text } from './doc.ts'
import { itemDocs, snippetDocs, tripDependentsOf, tripDocs } from './trip-documents.ts'

export { inList, PARTNER_KINDS, type EntityIds, type SearchKind } from './doc.ts'

// ---- documents (pure) -----------------------------------------------------------------

function localityDoc(l: LocalityTable, successors: SuccessorName[] | undefined): Doc {
  return {
    kind: 'locality',
    entityId: l.id,
    title: withLineage(l, successors),
    subtitle: listed([labelOf(COUNTRIES, l.country), l.nameNative, l.region, l.validTo ? untilVi(formatDate(l.validTo)) : null]),
    names: [l.nameVi, l.nameEn, l.nameKana],
    body: [l.designationVi, l.capital, l.region, l.leader, l.industries, l.notes, successors?.map((s) => s.nameVi).join(' ')],
    native: [l.nameNative, l.nameKana],
  }
}

function organizationDoc(o: OrganizationTable): Doc {
  return {
    kind: 'organization',
    entityId: o.id,
    title: o.abbreviation ? `${o.abbreviation} · ${o.nameVi}` : o.nameVi,
    subtitle: listed([labelOf(COUNTRIES, o.country), o.nameNative]),
    names: [o.nameVi, o.nameEn, o.abbreviation],
    body: [o.notes, o.website],
    native: [o.nameNative],
  }
}

function personDoc(p: PersonTable, orgName: Text, localityName: Text): Doc {
  const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
  const native = formatNativeName(name)
  return {
    kind: 'person',
    entityId: p.id,
    title: native ? `${formatPersonName(name)} (${native})` : formatPersonName(name),
    subtitle: listed([p.title, orgName ?? localityName]),
    names: [p.familyName, p.givenName, p.nameVi],
    body: [p.title, orgName, localityName, p.bio, p.languages],
    native: [native, p.nameKana],
  }
}

interface PartyName {
  name: string
  native: Text
}

function agreementDoc(a: AgreementTable, parties: PartyName[]): Doc {
  const names = parties.map((p) => p.name)
  return {
    kind: 'agreement',
    entityId: a.id,
    title: a.titleVi,
    subtitle: listed([labelOf(AGREEMENT_KINDS, a.kind), formatDate(a.signedDate), names.join(' – ')]),
    names: [a.titleVi, a.titleEn],
    body: [names.join(' '), a.summary, a.signedPlace],
    native: [a.titleJa, ...parties.map((p) => p.native)],
  }
}

interface ParticipantName {
  words: string
  native: Text
}

function engagementDoc(e: EngagementTable, participants: ParticipantName[]): Doc {
  return {
    kind: 'engagement',
    entityId: e.id,
    title: e.title,
    subtitle: listed([labelOf(ENGAGEMENT_KINDS, e.kind), formatDate(e.startDate), e.place]),
    names: [e.title],
    body: [e.place, e.summary, e.outcomes, ...participants.map((p) => p.words)],
    native: participants.map((p) => p.native),
  }
}

// ---- related names, read in bulk --------------------------------------------------------

/** Party names as they read in a list (lineage included), per agreement; all when `ids` is omitted. */
async function partiesOf(db: Db, ids?: readonly string[]): Promise<Map<string, PartyName[]>> {
  if (ids && ids.length === 0) return new Map()
  let q = db
    .selectFrom('agreementParty as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .select(['p.agreementId', 'p.localityId', 'l.nameVi as lName', 'l.validTo', 'l.nameNative as lNative', 'o.nameVi as oName', 'o.abbreviation', 'o.nameNative as oNative'])
    .orderBy('p.agreementId')
    .orderBy('p.position')
  if (ids) q = q.where(inList('p.agreement_id', ids))
  const rows = await q.execute()
  const successors = await successorsOf(db, [...new Set(rows.filter((r) => r.validTo && r.localityId).map((r) => r.localityId!))])
  const named = rows.map((r) => ({
    agreementId: r.agreementId,
    name: r.localityId ? withLineage({ nameVi: r.lName ?? '', validTo: r.validTo }, successors.get(r.localityId)) : (r.abbreviation ?? r.oName ?? ''),
    native: r.lNative ?? r.oNative,
  }))
  return groupBy(named, (r) => r.agreementId)
}

/** Party names per agreement, for lists of agreements. */
export async function partyNames(db: Db, agreementIds: readonly string[]): Promise<Map<string, string[]>> {
  const parties = await partiesOf(db, agreementIds)
  return new Map([...parties].map(([id, list]) => [id, list.map((p) => p.name)]))
}

async function participantsOf(db: Db, ids?: readonly string[]): Promise<Map<string, ParticipantName[]>> {
  if (ids && ids.length === 0) return new Map()
  let q = db
    .selectFrom('engagementParticipant as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('person as pe', 'pe.id', 'p.personId')
    .select(['p.engagementId', 'l.nameVi as lName', 'l.nameNative as lNative', 'o.nameVi as oName', 'o.abbreviation', 'o.nameNative as oNative', 'pe.familyName', 'pe.givenName'])
  if (ids) q = q.where(inList('p.engagement_id', ids))
  const rows = await q.execute()
  return groupBy(
    rows.map((p) => ({ engagementId: p.engagementId, words: joined([p.lName, p.oName, p.abbreviation, p.familyName, p.givenName]), native: p.lNative ?? p.oNative })),
    (r) => r.engagementId,
  )
}

function peopleQuery(db: Db) {
  return db
    .selectFrom('person as p')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .selectAll('p')
    .select(['o.nameVi as orgName', 'l.nameVi as localityName'])
}

// ---- read in bulk: every record when `ids` is omitted --------------------------------------

async function localityDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = db.selectFrom('locality').selectAll()
  if (ids) q = q.where(inList('id', ids))
  const localities = await q.execute()
  const successors = await successorsOf(db, localities.filter((l) => l.validTo).map((l) => l.id))
  return localities.map((l) => localityDoc(l, successors.get(l.id)))
}

async function organizationDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = db.selectFrom('organization').selectAll()
  if (ids) q = q.where(inList('id', ids))
  return (await q.execute()).map(organizationDoc)
}

async function personDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = peopleQuery(db)
  if (ids) q = q.where(inList('p.id', ids))
  return (await q.execute()).map((p) => personDoc(p, p.orgName, p.localityName))
}

// Records in date order: the record index ranks by rowid, so the newest come first.
async function agreementDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = db.selectFrom('agreement').selectAll().orderBy('signedDate')
  if (ids) q = q.where(inList('id', ids))
  const [agreements, parties] = await Promise.all([q.execute(), partiesOf(db, ids)])
  return agreements.map((a) => agreementDoc(a, parties.get(a.id) ?? []))
}

async function engagementDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = db.selectFrom('engagement').selectAll().orderBy('startDate')
  if (ids) q = q.where(inList('id', ids))
  const [engagements, participants] = await Promise.all([q.execute(), participantsOf(db, ids)])
  return engagements.map((e) => engagementDoc(e, participants.get(e.id) ?? []))
}

/** The documents of each kind's records. */
const DOCS: Record<SearchKind, (db: Db, ids?: readonly string[]) => Promise<Doc[]>> = {
  locality: localityDocs,
  organization: organizationDocs,
  person: personDocs,
  agreement: agreementDocs,
  engagement: engagementDocs,
  trip: tripDocs,
  itineraryItem: itemDocs,
  snippet: snippetDocs,
}

// ---- writing ----------------------------------------------------------------------------

interface Entry {
  doc: Doc
  partner: boolean
  native: string
}

/** Japanese text is folded part by part (a part's spaces go, the gaps between parts stay). */
function entry(doc: Doc): Entry {
  return { doc, partner: PARTNER_KINDS.has(doc.kind), native: doc.native.filter((t): t is string => !!t && hasCjk(t)).map(foldCjk).join(' · ') }
}

const docRow = ({ doc, partner, native }: Entry) => ({
  kind: doc.kind,
  entityId: doc.entityId,
  title: doc.title,
  subtitle: doc.subtitle,
  titleFolded: fold(doc.title),
  nativeNames: partner ? native : '',
})

/**
 * Writes documents into an index that holds none of them (a rebuild, or after their old
 * documents were removed): a few multi-row statements per chunk, not three per document.
 */
async function insertDocs(db: Db, docs: Doc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 400) {
    const entries = docs.slice(i, i + 400).map(entry)
    const ids = await db.insertInto('searchDoc').values(entries.map(docRow)).returning('docId').execute()
    const rows = entries.map((e, k) => ({ ...e, docId: ids[k]!.docId }))
    const fts = (list: typeof rows) => sql.join(list.map((r) => sql`(${r.docId}, ${fold(joined(r.doc.names))}, ${fold(joined(r.doc.body))})`))
    const partners = rows.filter((r) => r.partner)
    const records = rows.filter((r) => !r.partner)
    const trigram = records.filter((r) => r.native)
    if (partners.length) await sql`INSERT INTO search_fts_partner (rowid, title, body) VALUES ${fts(partners)}`.execute(db)
    if (records.length) await sql`INSERT INTO search_fts_record (rowid, title, body) VALUES ${fts(records)}`.execute(db)
    if (trigram.length) await sql`INSERT INTO search_tri_record (rowid, text) VALUES ${sql.join(trigram.map((r) => sql`(${r.docId}, ${r.native})`))}`.execute(db)
  }
}

// ---- many records ---------------------------------------------------------------------------

/**
 * Rewrites the documents of many records at once (a data pack, a spreadsheet, the queue):
 * their old documents are removed (a deleted record's for good), those that still exist are
 * written again, records in date order so that the newest rank first. A few set-based
 * statements per kind.
 */
export async function reindexEntities(db: Db, ids: EntityIds): Promise<void> {
  const all = Object.values(ids).flat()
  for (let i = 0; i < all.length; i += 5000) {
    const old = await db.selectFrom('searchDoc').select(['docId', 'kind']).where(inList('entity_id', all.slice(i, i + 5000))).execute()
    const partner = old.filter((d) => PARTNER_KINDS.has(d.kind as SearchKind)).map((d) => d.docId)
    const record = old.filter((d) => !PARTNER_KINDS.has(d.kind as SearchKind)).map((d) => d.docId)
    if (partner.length) await sql`DELETE FROM search_fts_partner WHERE ${inList('rowid', partner)}`.execute(db)
    if (record.length) {
      await sql`DELETE FROM search_fts_record WHERE ${inList('rowid', record)}`.execute(db)
      await sql`DELETE FROM search_tri_record WHERE ${inList('rowid', record)}`.execute(db)
    }
    if (old.length) await db.deleteFrom('searchDoc').where(inList('doc_id', old.map((d) => d.docId))).execute()
  }
  for (const kind of SEARCH_ORDER) {
    const list = ids[kind] ?? []
    for (let i = 0; i < list.length; i += 2000) await insertDocs(db, await DOCS[kind](db, list.slice(i, i + 2000)))
  }
}

/** The records that show a partner's name: its agreements, people, engagements, trips, programme items and talking points, and the units merged into it. */
export async function dependentsOf(db: Db, partyIds: readonly string[]): Promise<EntityIds> {
  if (partyIds.length === 0) return {}
  // One indexed lookup per column (an OR across columns would scan the whole table).
  const through = async <T extends 'agreementParty' | 'person' | 'engagementParticipant' | 'localityLineage'>(table: T, out: string, columns: string[]) => {
    const found = new Set<string>()
    for (const column of columns) {
      const rows = await db.selectFrom(table as 'person').select(sql<string>`${sql.ref(out)}`.as('v')).where(inList(column, partyIds)).execute()
      for (const r of rows) found.add((r as unknown as { v: string }).v)
    }
    return [...found]
  }
  return {
    // Units that merged into a renamed one show its name in their lineage.
    locality: await through('localityLineage', 'predecessor_id', ['successor_id']),
    agreement: await through('agreementParty', 'agreement_id', ['locality_id', 'organization_id']),
    person: await through('person', 'id', ['locality_id', 'organization_id']),
    engagement: await through('engagementParticipant', 'engagement_id', ['locality_id', 'organization_id', 'person_id']),
    ...(await tripDependentsOf(db, partyIds)),
  }
}

// ---- everything ---------------------------------------------------------------------------

/** Rebuilds the whole index from a few set-based reads (after a bulk load). */
export async function reindexAll(db: Db): Promise<void> {
  await sql`DELETE FROM search_fts_partner`.execute(db)
  await sql`DELETE FROM search_fts_record`.execute(db)
  await sql`DELETE FROM search_tri_record`.execute(db)
  await db.deleteFrom('searchDoc').execute()
  // Everything is written below: nothing is left waiting.
  await db.deleteFrom('searchQueue').execute()
  for (const kind of SEARCH_ORDER) await insertDocs(db, await DOCS[kind](db))
}
