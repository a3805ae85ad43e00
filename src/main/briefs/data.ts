/**
 * Everything a brief is made from, read in the brief's transaction and seen as of the
 * brief's date: each agreement with its effective state and its reporting under the Law
 * 2020, each commitment's state, each counterpart's standing, each figure's freshness
 * (src/shared/time). Sections and notes are then pure functions of this.
 */
import type { Agreement } from '../../shared/domain/agreements.ts'
import type { Lang } from '../../shared/domain/labels.ts'
import type { EngagementRow } from '../../shared/domain/engagements.ts'
import type { ItineraryItem, Trip } from '../../shared/domain/trips.ts'
import { agreementState, lawReport, type AgreementState, type LawReport } from '../../shared/time/agreements.ts'
import { commitmentState, isOpen, type CommitmentState } from '../../shared/time/commitments.ts'
import { freshness, type Freshness } from '../../shared/time/figures.ts'
import { standing, type Standing } from '../../shared/time/people.ts'
import { agreementsOfLocality, getAgreement } from '../agreements/queries.ts'
import type { Gift } from '../../shared/domain/gifts.ts'
import { giftsOf } from '../gifts/queries.ts'
import type { Db } from '../context.ts'
import { engagementsOf } from '../engagements/queries.ts'
import type { FactTable, LocalityTable, OrganizationTable, PersonTable } from '../db/schema.ts'
import { successorsOf, type SuccessorName } from '../partners/lineage.ts'
import { fold } from '../../shared/text/fold.ts'
import { agreementTitle, englishPlace, joinList, personName, placeInSentence, placeWithLineage, titleOnDate } from './words.ts'

export interface BriefPerson extends PersonTable {
  standing: Standing
  organization: OrganizationTable | null
  locality: LocalityTable | null
}

export interface BriefAgreement extends Agreement {
  state: AgreementState
  report: LawReport
  /** Open commitments with their state on the brief's date, the most pressing first. */
  open: Array<{ id: string; action: string; owner: string | null; dueDate: string | null; state: CommitmentState }>
}

export interface BriefFact extends FactTable {
  fresh: Freshness
}

export interface BriefData {
  lang: Lang
  /** The date the brief speaks of (its issue date, else today). */
  date: string
  trip: Trip
  home: LocalityTable | undefined
  destinations: LocalityTable[]
  countries: string[]
  people: Map<string, BriefPerson>
  organizations: Map<string, OrganizationTable>
  localities: Map<string, LocalityTable>
  successors: Map<string, SuccessorName[]>
  agreements: BriefAgreement[]
  facts: BriefFact[]
  /** Past engagements by the localities of the destinations and the meetings' partners, newest first. */
  engagements: Map<string, EngagementRow[]>
  /** Organizations based in each destination. */
  localOrganizations: Map<string, OrganizationTable[]>
  /** Gifts given to or received from the meetings' counterparts, newest first (issue 14). */
  gifts: Gift[]
}

/** The localities a programme item's counterparts belong to (a person's, an organization's, a place itself). */
export function partnerPlaces(d: Pick<BriefData, 'people' | 'organizations'>, item: ItineraryItem): string[] {
  const places = new Set<string>()
  for (const c of item.counterparts) {
    if (c.localityId) places.add(c.localityId)
    const p = c.personId ? d.people.get(c.personId) : undefined
    if (p?.localityId) places.add(p.localityId)
    const o = c.organizationId ? d.organizations.get(c.organizationId) : undefined
    if (o?.localityId) places.add(o.localityId)
  }
  return [...places]
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]))

async function recordsOf(db: Db, trip: Trip) {
  const refs = trip.items.flatMap((i) => i.counterparts.filter((c) => c.exists))
  const personIds = [...new Set(refs.flatMap((c) => (c.personId ? [c.personId] : [])))]
  const people = personIds.length ? await db.selectFrom('person').selectAll().where('id', 'in', personIds).execute() : []
  const orgIds = [...new Set([...refs.flatMap((c) => (c.organizationId ? [c.organizationId] : [])), ...people.flatMap((p) => (p.organizationId ? [p.organizationId] : []))])]
  const organizations = orgIds.length ? await db.selectFrom('organization').selectAll().where('id', 'in', orgIds).execute() : []
  const localityIds = [
    ...new Set([
      ...refs.flatMap((c) => (c.localityId ? [c.localityId] : [])),
      ...people.flatMap((p) => (p.localityId ? [p.localityId] : [])),
      ...organizations.flatMap((o) => (o.localityId ? [o.localityId] : [])),
      ...trip.destinations.map((d) => d.id),
      ...(trip.homeLocalityId ? [trip.homeLocalityId] : []),
    ]),
  ]
  const localities = localityIds.length ? await db.selectFrom('locality').selectAll().where('id', 'in', localityIds).execute() : []
  return { people, organizations: byId(organizations), localities: byId(localities) }
}

/** Agreements concerning the destinations (a predecessor unit's with its lineage), with their states on `date`. */
async function agreementsOf(db: Db, destinations: LocalityTable[], date: string): Promise<BriefAgreement[]> {
  const ids = new Set<string>()
  for (const d of destinations) for (const a of await agreementsOfLocality(db, d.id, date)) ids.add(a.id)
  const agreements: BriefAgreement[] = []
  for (const id of ids) {
    const a = await getAgreement(db, id, date)
    const open = a.commitments
      .map((c) => ({ id: c.id, action: c.action, owner: c.owner, dueDate: c.dueDate, state: commitmentState(c, date) }))
      .filter((c) => isOpen(c.state))
      .sort((x, y) => (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999'))
    agreements.push({ ...a, state: agreementState(a, date), report: lawReport(a, date), open })
  }
  return agreements.sort((a, b) => (b.signedDate ?? '').localeCompare(a.signedDate ?? ''))
}

async function factsOf(db: Db, destinations: LocalityTable[], home: LocalityTable | undefined, countries: string[], date: string): Promise<BriefFact[]> {
  const places = destinations.map((d) => d.id)
  const facts = await db
    .selectFrom('fact')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(places.length ? [eb('localityId', 'in', places), eb('partnerLocalityId', 'in', places)] : []),
        ...(home ? [eb('localityId', '=', home.id)] : []),
        ...(countries.length ? [eb.and([eb('scope', '=', 'country'), eb('country', 'in', countries)])] : []),
      ]),
    )
    .orderBy('asOf', 'desc')
    .execute()
    .catch(() => [])
  return facts.map((f) => ({ ...f, fresh: freshness(f, date) }))
}

export async function loadBriefData(db: Db, trip: Trip, lang: Lang, date: string): Promise<BriefData> {
  const { people, organizations, localities } = await recordsOf(db, trip)
  const destinations = trip.destinations.flatMap((d) => localities.get(d.id) ?? [])
  const home = trip.homeLocalityId ? localities.get(trip.homeLocalityId) : undefined
  const countries = [...new Set(destinations.map((d) => d.country))]
  const successors = await successorsOf(db, [...localities.keys()])
  const agreements = await agreementsOf(db, destinations, date)
  // The parties of those agreements are named too (lineage, English names).
  const partyIds = agreements.flatMap((a) => a.parties.flatMap((p) => (p.localityId && !localities.has(p.localityId) ? [p.localityId] : [])))
  if (partyIds.length) for (const l of await db.selectFrom('locality').selectAll().where('id', 'in', [...new Set(partyIds)]).execute()) localities.set(l.id, l)
  for (const [id, s] of await successorsOf(db, partyIds)) successors.set(id, s)
  const orgPartyIds = agreements.flatMap((a) => a.parties.flatMap((p) => (p.organizationId && !organizations.has(p.organizationId) ? [p.organizationId] : [])))
  if (orgPartyIds.length) for (const o of await db.selectFrom('organization').selectAll().where('id', 'in', [...new Set(orgPartyIds)]).execute()) organizations.set(o.id, o)
  const peopleById = new Map(
    people.map((p) => [
      p.id,
      { ...p, standing: standing(p, date), organization: p.organizationId ? (organizations.get(p.organizationId) ?? null) : null, locality: p.localityId ? (localities.get(p.localityId) ?? null) : null },
    ]),
  )
  const places = [...new Set([...destinations.map((x) => x.id), ...trip.items.flatMap((i) => partnerPlaces({ people: peopleById, organizations }, i))])]
  const engagements = new Map<string, EngagementRow[]>()
  for (const place of places) engagements.set(place, (await engagementsOf(db, 'localityId', [place])).filter((e) => e.startDate <= date))
  const localOrganizations = new Map<string, OrganizationTable[]>()
  for (const x of destinations) localOrganizations.set(x.id, await db.selectFrom('organization').selectAll().where('localityId', '=', x.id).orderBy('nameVi').execute())
  return {
    lang,
    date,
    trip,
    home,
    destinations,
    countries,
    engagements,
    localOrganizations,
    gifts: await giftsOf(db, trip.items.flatMap((i) => i.counterparts.flatMap((c) => [c.personId, c.organizationId, c.localityId].filter((x): x is string => !!x)))),
    people: peopleById,
    organizations,
    localities,
    successors,
    agreements,
    facts: await factsOf(db, destinations, home, countries, date),
  }
}

// ---- names, in the brief's language ---------------------------------------------------------

export function localityName(d: BriefData, l: LocalityTable): string {
  return placeWithLineage(l, d.successors.get(l.id), d.lang)
}

export function organizationName(d: BriefData, o: OrganizationTable): string {
  const name = d.lang === 'en' ? (o.nameEn ?? o.nameVi) : o.nameVi
  return o.abbreviation && !name.includes(o.abbreviation) ? `${name} (${o.abbreviation})` : name
}

/** The home province as the cover and the sentences name it: "tỉnh Thanh Hóa" / "Thanh Hoa Province". */
export function homeName(d: BriefData): string {
  return d.home ? placeInSentence(d.home, d.lang) : '…'
}

/** A party of an agreement as the register shows it, in the brief's language, lineage included. */
export function partyName(d: BriefData, p: Agreement['parties'][number]): string {
  const l = p.localityId ? d.localities.get(p.localityId) : undefined
  if (l) return localityName(d, l)
  const o = p.organizationId ? d.organizations.get(p.organizationId) : undefined
  return o ? organizationName(d, o) : p.displayName
}

export const partiesText = (d: BriefData, a: Agreement) => joinList(a.parties.map((p) => partyName(d, p)), d.lang)
export const titleOf = (d: BriefData, a: Agreement) => agreementTitle(a, d.lang)

/** The parties, unless the title already names every one of them ("… giữa tỉnh Thanh Hóa và tỉnh Yamanashi"). */
export function partiesUnlessNamed(d: BriefData, a: Agreement): string | null {
  const title = fold(titleOf(d, a))
  const named = a.parties.every((p) => {
    const l = p.localityId ? d.localities.get(p.localityId) : undefined
    const o = p.organizationId ? d.organizations.get(p.organizationId) : undefined
    const names = [l?.nameVi, l?.nameEn, o?.nameVi, o?.nameEn, o?.abbreviation].filter((n): n is string => !!n)
    return names.some((n) => title.includes(fold(n)))
  })
  return named ? null : partiesText(d, a)
}

/** A counterpart of a programme item in the brief's language: a person with their title on the date, an organization, a place. */
export function counterpartName(d: BriefData, c: ItineraryItem['counterparts'][number]): string {
  const p = c.personId ? d.people.get(c.personId) : undefined
  if (p) return personName(p)
  const o = c.organizationId ? d.organizations.get(c.organizationId) : undefined
  if (o) return organizationName(d, o)
  const l = c.localityId ? d.localities.get(c.localityId) : undefined
  if (l) return d.lang === 'en' ? englishPlace(l) : localityName(d, l)
  return c.name
}

/** "NAGASAKI Kotaro (長崎幸太郎) – nguyên Thống đốc tỉnh Yamanashi (đến 31/01/2027)". */
export function personLine(d: BriefData, p: BriefPerson): string {
  const title = titleOnDate(p.title, p.standing, d.lang)
  const where = p.organization ? organizationName(d, p.organization) : null
  return [personName(p), [title, where && !p.title?.includes(where) ? where : null].filter(Boolean).join(', ')].filter(Boolean).join(' – ')
}
