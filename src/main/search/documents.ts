/**
 * Keeping the search index in step with the records. Every write that changes what a
 * record is found by calls one of the `index*` functions inside its transaction; text is
 * folded here exactly as queries are (src/shared/text/fold.ts).
 */
import { sql } from 'kysely'
import { AGREEMENT_KINDS, COUNTRIES, ENGAGEMENT_KINDS, labelOf } from '../../shared/domain/labels.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { fold, hasCjk } from '../../shared/text/fold.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import type { Db } from '../context.ts'
import { successorsOf, withLineage } from '../partners/lineage.ts'

export type SearchKind = 'locality' | 'organization' | 'person' | 'agreement' | 'engagement'
export const PARTNER_KINDS: ReadonlySet<SearchKind> = new Set(['locality', 'organization', 'person'])

interface Doc {
  kind: SearchKind
  entityId: string
  title: string
  subtitle: string
  /** Names and other words that should rank highest. */
  names: Array<string | null | undefined>
  body: Array<string | null | undefined>
  /** Japanese (or other CJK) text, searched by substring. */
  native: Array<string | null | undefined>
}

const joined = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' ')
const listed = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ')

export async function removeFromIndex(db: Db, entityId: string): Promise<void> {
  const row = await db.selectFrom('searchDoc').select(['docId', 'kind']).where('entityId', '=', entityId).executeTakeFirst()
  if (!row) return
  const group = PARTNER_KINDS.has(row.kind as SearchKind) ? 'search_fts_partner' : 'search_fts_record'
  await sql`DELETE FROM ${sql.raw(group)} WHERE rowid = ${row.docId}`.execute(db)
  if (!PARTNER_KINDS.has(row.kind as SearchKind)) await sql`DELETE FROM search_tri_record WHERE rowid = ${row.docId}`.execute(db)
  await db.deleteFrom('searchDoc').where('docId', '=', row.docId).execute()
}

async function writeDoc(db: Db, doc: Doc): Promise<void> {
  await removeFromIndex(db, doc.entityId)
  const partner = PARTNER_KINDS.has(doc.kind)
  const nativeText = joined(doc.native.filter((t) => t && hasCjk(t)))
  const inserted = await db
    .insertInto('searchDoc')
    .values({
      kind: doc.kind,
      entityId: doc.entityId,
      title: doc.title,
      subtitle: doc.subtitle,
      titleFolded: fold(doc.title),
      nativeNames: partner ? nativeText.normalize('NFKC') : '',
    })
    .returning('docId')
    .executeTakeFirstOrThrow()
  const table = partner ? 'search_fts_partner' : 'search_fts_record'
  await sql`INSERT INTO ${sql.raw(table)} (rowid, title, body) VALUES (${inserted.docId}, ${fold(joined(doc.names))}, ${fold(joined(doc.body))})`.execute(db)
  if (!partner && nativeText) {
    await sql`INSERT INTO search_tri_record (rowid, text) VALUES (${inserted.docId}, ${nativeText.normalize('NFKC')})`.execute(db)
  }
}

export async function indexLocality(db: Db, id: string): Promise<void> {
  const l = await db.selectFrom('locality').selectAll().where('id', '=', id).executeTakeFirst()
  if (!l) return removeFromIndex(db, id)
  const successors = (await successorsOf(db, [id])).get(id)
  const title = withLineage(l, successors)
  await writeDoc(db, {
    kind: 'locality',
    entityId: id,
    title,
    subtitle: listed([labelOf(COUNTRIES, l.country), l.nameNative, l.region, l.validTo ? `đến ${formatDate(l.validTo)}` : null]),
    names: [l.nameVi, l.nameEn, l.nameKana],
    body: [l.designationVi, l.capital, l.region, l.leader, l.industries, l.notes, successors?.map((s) => s.nameVi).join(' ')],
    native: [l.nameNative, l.nameKana],
  })
}

export async function indexOrganization(db: Db, id: string): Promise<void> {
  const o = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()
  if (!o) return removeFromIndex(db, id)
  await writeDoc(db, {
    kind: 'organization',
    entityId: id,
    title: o.abbreviation ? `${o.abbreviation} · ${o.nameVi}` : o.nameVi,
    subtitle: listed([labelOf(COUNTRIES, o.country), o.nameNative]),
    names: [o.nameVi, o.nameEn, o.abbreviation],
    body: [o.notes, o.website],
    native: [o.nameNative],
  })
}

export async function indexPerson(db: Db, id: string): Promise<void> {
  const p = await db
    .selectFrom('person as p')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .selectAll('p')
    .select(['o.nameVi as orgName', 'l.nameVi as localityName'])
    .where('p.id', '=', id)
    .executeTakeFirst()
  if (!p) return removeFromIndex(db, id)
  const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
  const native = formatNativeName(name)
  await writeDoc(db, {
    kind: 'person',
    entityId: id,
    title: native ? `${formatPersonName(name)} (${native})` : formatPersonName(name),
    subtitle: listed([p.title, p.orgName ?? p.localityName]),
    names: [p.familyName, p.givenName, p.nameVi],
    body: [p.title, p.orgName, p.localityName, p.bio, p.languages],
    native: [native, p.nameKana],
  })
}

/** Party names as they read in a list: lineage included. */
export async function partyNames(db: Db, agreementIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>()
  if (agreementIds.length === 0) return result
  const rows = await db
    .selectFrom('agreementParty as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .select(['p.agreementId', 'p.localityId', 'l.nameVi as lName', 'l.validTo', 'o.nameVi as oName', 'o.abbreviation'])
    .where('p.agreementId', 'in', agreementIds)
    .orderBy('p.agreementId')
    .orderBy('p.position')
    .execute()
  const successors = await successorsOf(db, rows.filter((r) => r.validTo && r.localityId).map((r) => r.localityId!))
  for (const r of rows) {
    const name = r.localityId
      ? withLineage({ nameVi: r.lName ?? '', validTo: r.validTo }, successors.get(r.localityId))
      : (r.abbreviation ?? r.oName ?? '')
    const list = result.get(r.agreementId) ?? []
    list.push(name)
    result.set(r.agreementId, list)
  }
  return result
}

export async function indexAgreement(db: Db, id: string): Promise<void> {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) return removeFromIndex(db, id)
  const parties = (await partyNames(db, [id])).get(id) ?? []
  const natives = await db
    .selectFrom('agreementParty as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .select(['l.nameNative as lNative', 'o.nameNative as oNative'])
    .where('p.agreementId', '=', id)
    .execute()
  await writeDoc(db, {
    kind: 'agreement',
    entityId: id,
    title: a.titleVi,
    subtitle: listed([labelOf(AGREEMENT_KINDS, a.kind), formatDate(a.signedDate), parties.join(' – ')]),
    names: [a.titleVi, a.titleEn],
    body: [parties.join(' '), a.summary, a.signedPlace],
    native: [a.titleJa, ...natives.map((n) => n.lNative ?? n.oNative)],
  })
}

export async function indexEngagement(db: Db, id: string): Promise<void> {
  const e = await db.selectFrom('engagement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!e) return removeFromIndex(db, id)
  const participants = await db
    .selectFrom('engagementParticipant as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .leftJoin('person as pe', 'pe.id', 'p.personId')
    .select(['l.nameVi as lName', 'l.nameNative as lNative', 'o.nameVi as oName', 'o.abbreviation', 'o.nameNative as oNative', 'pe.familyName', 'pe.givenName'])
    .where('p.engagementId', '=', id)
    .execute()
  await writeDoc(db, {
    kind: 'engagement',
    entityId: id,
    title: e.title,
    subtitle: listed([labelOf(ENGAGEMENT_KINDS, e.kind), formatDate(e.startDate), e.place]),
    names: [e.title],
    body: [e.place, e.summary, e.outcomes, ...participants.map((p) => joined([p.lName, p.oName, p.abbreviation, p.familyName, p.givenName]))],
    native: participants.map((p) => p.lNative ?? p.oNative),
  })
}

/** Agreements whose party list shows this locality or organization by name. */
export async function reindexAgreementsOfParty(db: Db, partyId: string): Promise<void> {
  const rows = await db
    .selectFrom('agreementParty')
    .select('agreementId')
    .where((eb) => eb.or([eb('localityId', '=', partyId), eb('organizationId', '=', partyId)]))
    .distinct()
    .execute()
  for (const r of rows) await indexAgreement(db, r.agreementId)
}

/** Rebuilds the whole index (after a bulk load). */
export async function reindexAll(db: Db): Promise<void> {
  await sql`DELETE FROM search_fts_partner`.execute(db)
  await sql`DELETE FROM search_fts_record`.execute(db)
  await sql`DELETE FROM search_tri_record`.execute(db)
  await db.deleteFrom('searchDoc').execute()
  for (const r of await db.selectFrom('locality').select('id').execute()) await indexLocality(db, r.id)
  for (const r of await db.selectFrom('organization').select('id').execute()) await indexOrganization(db, r.id)
  for (const r of await db.selectFrom('person').select('id').execute()) await indexPerson(db, r.id)
  for (const r of await db.selectFrom('agreement').select('id').execute()) await indexAgreement(db, r.id)
  for (const r of await db.selectFrom('engagement').select('id').execute()) await indexEngagement(db, r.id)
}

/**
 * After a locality or organization is renamed: the records that show its name
 * (agreements' party lists, people's subtitles, engagements' participants).
 */
export async function reindexDependents(db: Db, partyId: string): Promise<void> {
  await reindexAgreementsOfParty(db, partyId)
  const people = await db
    .selectFrom('person')
    .select('id')
    .where((eb) => eb.or([eb('localityId', '=', partyId), eb('organizationId', '=', partyId)]))
    .execute()
  for (const p of people) await indexPerson(db, p.id)
  const engagements = await db
    .selectFrom('engagementParticipant')
    .select('engagementId')
    .where((eb) => eb.or([eb('localityId', '=', partyId), eb('organizationId', '=', partyId), eb('personId', '=', partyId)]))
    .distinct()
    .execute()
  for (const e of engagements) await indexEngagement(db, e.engagementId)
}
