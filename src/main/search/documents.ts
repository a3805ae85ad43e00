/**
 * Keeping the search index in step with the records. Every write that changes what a
 * record is found by calls one of the `index*` functions inside its transaction;
 * `reindexAll` rebuilds everything after a bulk load. Both go through the same pure
 * document builders, and text is folded exactly as queries are (src/shared/text/fold.ts).
 */
import { sql } from 'kysely'
import { AGREEMENT_KINDS, COUNTRIES, ENGAGEMENT_KINDS, labelOf } from '../../shared/domain/labels.ts'
import { SUBTITLE_SEPARATOR, untilVi } from '../../shared/domain/subtitles.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { fold, hasCjk } from '../../shared/text/fold.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import type { Db } from '../context.ts'
import type { AgreementTable, EngagementTable, LocalityTable, OrganizationTable, PersonTable } from '../db/schema.ts'
import { successorsOf, withLineage, type SuccessorName } from '../partners/lineage.ts'

export type SearchKind = 'locality' | 'organization' | 'person' | 'agreement' | 'engagement'
export const PARTNER_KINDS: ReadonlySet<SearchKind> = new Set(['locality', 'organization', 'person'])

type Text = string | null | undefined
interface Doc {
  kind: SearchKind
  entityId: string
  title: string
  subtitle: string
  /** Names and other words that should rank highest. */
  names: Text[]
  body: Text[]
  /** Japanese (or other CJK) text, searched by substring. */
  native: Text[]
}

/** `column IN (...)` for any number of ids: one JSON parameter, not one per id. */
export const inList = (column: string, ids: readonly (string | number)[]) => sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`

const joined = (parts: Text[]) => parts.filter(Boolean).join(' ')
/** The window words a subtitle in its language: src/shared/domain/subtitles.ts. */
const listed = (parts: Text[]) => parts.filter(Boolean).join(SUBTITLE_SEPARATOR)

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

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}

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

// ---- writing ----------------------------------------------------------------------------

export async function removeFromIndex(db: Db, entityId: string): Promise<void> {
  const row = await db.selectFrom('searchDoc').select(['docId', 'kind']).where('entityId', '=', entityId).executeTakeFirst()
  if (!row) return
  const partner = PARTNER_KINDS.has(row.kind as SearchKind)
  await sql`DELETE FROM ${sql.raw(partner ? 'search_fts_partner' : 'search_fts_record')} WHERE rowid = ${row.docId}`.execute(db)
  if (!partner) await sql`DELETE FROM search_tri_record WHERE rowid = ${row.docId}`.execute(db)
  await db.deleteFrom('searchDoc').where('docId', '=', row.docId).execute()
}

interface Entry {
  doc: Doc
  partner: boolean
  native: string
}

function entry(doc: Doc): Entry {
  return { doc, partner: PARTNER_KINDS.has(doc.kind), native: joined(doc.native.filter((t) => t && hasCjk(t))).normalize('NFKC') }
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
 * Writes documents into an index that holds none of them (a rebuild, or after
 * removeFromIndex): a few multi-row statements per chunk, not three per document.
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

async function writeDoc(db: Db, doc: Doc): Promise<void> {
  await removeFromIndex(db, doc.entityId)
  await insertDocs(db, [doc])
}

// ---- one record ---------------------------------------------------------------------------

export async function indexLocality(db: Db, id: string): Promise<void> {
  const l = await db.selectFrom('locality').selectAll().where('id', '=', id).executeTakeFirst()
  if (!l) return removeFromIndex(db, id)
  await writeDoc(db, localityDoc(l, (await successorsOf(db, [id])).get(id)))
}

export async function indexOrganization(db: Db, id: string): Promise<void> {
  const o = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()
  if (!o) return removeFromIndex(db, id)
  await writeDoc(db, organizationDoc(o))
}

export async function indexPerson(db: Db, id: string): Promise<void> {
  const p = await peopleQuery(db).where('p.id', '=', id).executeTakeFirst()
  if (!p) return removeFromIndex(db, id)
  await writeDoc(db, personDoc(p, p.orgName, p.localityName))
}

export async function indexAgreement(db: Db, id: string): Promise<void> {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) return removeFromIndex(db, id)
  await writeDoc(db, agreementDoc(a, (await partiesOf(db, [id])).get(id) ?? []))
}

export async function indexEngagement(db: Db, id: string): Promise<void> {
  const e = await db.selectFrom('engagement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!e) return removeFromIndex(db, id)
  await writeDoc(db, engagementDoc(e, (await participantsOf(db, [id])).get(id) ?? []))
}

/**
 * After a locality, organization or person is renamed: the records that show its name
 * (agreements' party lists, people's subtitles, engagements' participants).
 */
export async function reindexDependents(db: Db, partyId: string): Promise<void> {
  await reindexEntities(db, await dependentsOf(db, [partyId]))
}

// ---- many records ---------------------------------------------------------------------------

export type EntityIds = Partial<Record<SearchKind, readonly string[]>>

/**
 * Rewrites the documents of many records at once (a data pack, a spreadsheet, the queue):
 * their old documents are removed, those that still exist are written again, records in
 * date order so that the newest rank first. A few set-based statements per kind.
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
  const chunks = (list: readonly string[] | undefined) => Array.from({ length: Math.ceil((list?.length ?? 0) / 2000) }, (_, k) => list!.slice(k * 2000, k * 2000 + 2000))
  for (const chunk of chunks(ids.locality)) {
    const localities = await db.selectFrom('locality').selectAll().where(inList('id', chunk)).execute()
    const successors = await successorsOf(db, localities.filter((l) => l.validTo).map((l) => l.id))
    await insertDocs(db, localities.map((l) => localityDoc(l, successors.get(l.id))))
  }
  for (const chunk of chunks(ids.organization)) {
    await insertDocs(db, (await db.selectFrom('organization').selectAll().where(inList('id', chunk)).execute()).map(organizationDoc))
  }
  for (const chunk of chunks(ids.person)) {
    await insertDocs(db, (await peopleQuery(db).where(inList('p.id', chunk)).execute()).map((p) => personDoc(p, p.orgName, p.localityName)))
  }
  for (const chunk of chunks(ids.agreement)) {
    const [agreements, parties] = await Promise.all([
      db.selectFrom('agreement').selectAll().where(inList('id', chunk)).orderBy('signedDate').execute(),
      partiesOf(db, chunk),
    ])
    await insertDocs(db, agreements.map((a) => agreementDoc(a, parties.get(a.id) ?? [])))
  }
  for (const chunk of chunks(ids.engagement)) {
    const [engagements, participants] = await Promise.all([
      db.selectFrom('engagement').selectAll().where(inList('id', chunk)).orderBy('startDate').execute(),
      participantsOf(db, chunk),
    ])
    await insertDocs(db, engagements.map((e) => engagementDoc(e, participants.get(e.id) ?? [])))
  }
}

/** The records that show a partner's name: its agreements, people, engagements, and the units merged into it. */
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

  const localities = await db.selectFrom('locality').selectAll().execute()
  const successors = await successorsOf(db, localities.filter((l) => l.validTo).map((l) => l.id))
  await insertDocs(db, localities.map((l) => localityDoc(l, successors.get(l.id))))
  await insertDocs(db, (await db.selectFrom('organization').selectAll().execute()).map(organizationDoc))
  await insertDocs(db, (await peopleQuery(db).execute()).map((p) => personDoc(p, p.orgName, p.localityName)))
  // Records in date order: the record index ranks by rowid, so the newest come first.
  const parties = await partiesOf(db)
  const agreements = await db.selectFrom('agreement').selectAll().orderBy('signedDate').execute()
  await insertDocs(db, agreements.map((a) => agreementDoc(a, parties.get(a.id) ?? [])))
  const participants = await participantsOf(db)
  const engagements = await db.selectFrom('engagement').selectAll().orderBy('startDate').execute()
  await insertDocs(db, engagements.map((e) => engagementDoc(e, participants.get(e.id) ?? [])))
}
