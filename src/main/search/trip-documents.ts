/**
 * Search documents of a delegation's work: the trip, each item of its programme, and the
 * talking points of the library. An officer names them by their titles, by a word of
 * their objectives, talking points or asks, by a destination or a counterpart.
 */
import { sql, type RawBuilder } from 'kysely'
import { ITEM_KINDS, labelOf } from '../../shared/domain/labels.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { formatNativeName, formatPersonName } from '../../shared/text/names.ts'
import type { Db } from '../context.ts'
import type { ItineraryItemTable, SnippetTable, TripTable } from '../db/schema.ts'
import { type Doc, type EntityIds, groupBy, inList, listed, type Text } from './doc.ts'

interface Named {
  name: string
  native: Text
}

/** A talking point's first words, as a subtitle shows them. */
const excerpt = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text)

/** "2026-12-08T09:30" as "08/12/2026 09:30" (programme times are local, as typed). */
const itemTime = (start: string) => `${formatDate(start.slice(0, 10))} ${start.slice(11, 16)}`.trim()

// ---- documents (pure) -----------------------------------------------------------------

interface TripRelated {
  destinations: Named[]
  home: Text
  members: Array<{ name: Text; title: Text }>
}

function tripDoc(t: TripTable, { destinations, home, members }: TripRelated): Doc {
  const places = destinations.map((d) => d.name)
  return {
    kind: 'trip',
    entityId: t.id,
    title: t.title,
    subtitle: listed([`${formatDate(t.startDate)} – ${formatDate(t.endDate)}`, places.join(', ')]),
    names: [t.title],
    body: [places.join(' '), home, t.objectives, t.notes, ...members.flatMap((m) => [m.name, m.title])],
    native: [t.title, t.objectives, t.notes, ...destinations.map((d) => d.native)],
  }
}

function itemDoc(i: ItineraryItemTable, counterparts: Named[]): Doc {
  const text = [i.attendees, i.purpose, i.talkingPoints, i.asks, i.offers, i.sensitivities, i.logistics]
  return {
    kind: 'itineraryItem',
    entityId: i.id,
    title: i.title,
    subtitle: listed([labelOf(ITEM_KINDS, i.kind), itemTime(i.start), i.place]),
    names: [i.title],
    body: [i.place, ...counterparts.map((c) => c.name), ...text],
    native: [i.title, i.place, ...counterparts.map((c) => c.native), ...text],
  }
}

function snippetDoc(s: SnippetTable, scope: Named | null): Doc {
  return {
    kind: 'snippet',
    entityId: s.id,
    title: s.title,
    subtitle: listed([scope?.name, excerpt(s.text)]),
    names: [s.title],
    body: [s.text, scope?.name],
    native: [s.title, s.text, scope?.native],
  }
}

// ---- read in bulk: every record when `ids` is omitted, in date order -----------------------

export async function tripDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let trips = db.selectFrom('trip as t').leftJoin('locality as h', 'h.id', 't.homeLocalityId').selectAll('t').select('h.nameVi as homeName').orderBy('t.startDate')
  let dests = db
    .selectFrom('tripDestination as d')
    .innerJoin('locality as l', 'l.id', 'd.localityId')
    .select(['d.tripId', 'l.nameVi', 'l.nameNative'])
    .orderBy('d.tripId')
    .orderBy('d.position')
  let members = db.selectFrom('tripMember').select(['tripId', 'name', 'title']).orderBy('tripId').orderBy('position')
  if (ids) {
    trips = trips.where(inList('t.id', ids))
    dests = dests.where(inList('d.trip_id', ids))
    members = members.where(inList('trip_id', ids))
  }
  const [rows, destRows, memberRows] = await Promise.all([trips.execute(), dests.execute(), members.execute()])
  const destinations = groupBy(destRows, (d) => d.tripId)
  const byTrip = groupBy(memberRows, (m) => m.tripId)
  return rows.map(({ homeName, ...t }) =>
    tripDoc(t, {
      destinations: (destinations.get(t.id) ?? []).map((d) => ({ name: d.nameVi, native: d.nameNative })),
      home: homeName,
      members: byTrip.get(t.id) ?? [],
    }),
  )
}

type CounterpartRef = { personId?: string | null; organizationId?: string | null; localityId?: string | null }
const refsOf = (json: string): CounterpartRef[] => {
  try {
    const parsed = JSON.parse(json) as unknown
    return Array.isArray(parsed) ? (parsed as CounterpartRef[]) : []
  } catch {
    return []
  }
}

/** Counterparts' names as a programme shows them, with their native forms, by id. */
async function counterpartNames(db: Db, refs: CounterpartRef[]): Promise<Map<string, Named>> {
  const ids = (k: keyof CounterpartRef) => [...new Set(refs.flatMap((r) => (r[k] ? [r[k]] : [])))]
  const names = new Map<string, Named>()
  const [people, orgs, places] = [ids('personId'), ids('organizationId'), ids('localityId')]
  if (people.length) {
    const rows = await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'familyNameNative', 'givenNameNative', 'nameOrder', 'country']).where(inList('id', people)).execute()
    for (const p of rows) {
      const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
      names.set(p.id, { name: formatPersonName(name), native: formatNativeName(name) })
    }
  }
  if (orgs.length) {
    for (const o of await db.selectFrom('organization').select(['id', 'nameVi', 'abbreviation', 'nameNative']).where(inList('id', orgs)).execute()) {
      names.set(o.id, { name: o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi, native: o.nameNative })
    }
  }
  if (places.length) {
    for (const l of await db.selectFrom('locality').select(['id', 'nameVi', 'designationVi', 'nameNative']).where(inList('id', places)).execute()) {
      names.set(l.id, { name: [l.designationVi, l.nameVi].filter(Boolean).join(' '), native: l.nameNative })
    }
  }
  return names
}

export async function itemDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let items = db.selectFrom('itineraryItem').selectAll().orderBy('start')
  if (ids) items = items.where(inList('id', ids))
  const rows = await items.execute()
  const refs = new Map(rows.map((r) => [r.id, refsOf(r.counterparts)]))
  const names = await counterpartNames(db, [...refs.values()].flat())
  return rows.map((r) => {
    const counterparts = refs.get(r.id)!.flatMap((c) => names.get(c.personId ?? c.organizationId ?? c.localityId ?? '') ?? [])
    return itemDoc(r, counterparts)
  })
}

export async function snippetDocs(db: Db, ids?: readonly string[]): Promise<Doc[]> {
  let q = db
    .selectFrom('snippet as s')
    .leftJoin('locality as l', 'l.id', 's.localityId')
    .leftJoin('organization as o', 'o.id', 's.organizationId')
    .selectAll('s')
    .select(['l.nameVi as lName', 'l.nameNative as lNative', 'o.nameVi as oName', 'o.abbreviation', 'o.nameNative as oNative'])
    .orderBy('s.createdAt')
  if (ids) q = q.where(inList('s.id', ids))
  return (await q.execute()).map(({ lName, lNative, oName, abbreviation, oNative, ...s }) =>
    snippetDoc(s, lName ? { name: lName, native: lNative } : oName ? { name: abbreviation ? `${oName} (${abbreviation})` : oName, native: oNative } : null),
  )
}

/** The trips, programme items and talking points that show one of these partners' names. */
export async function tripDependentsOf(db: Db, partyIds: readonly string[]): Promise<EntityIds> {
  const ids = JSON.stringify(partyIds)
  const found = async (query: RawBuilder<{ id: string }>) => [...new Set((await query.execute(db)).rows.map((r) => r.id))]
  return {
    trip: await found(sql`SELECT trip_id AS id FROM trip_destination WHERE locality_id IN (SELECT value FROM json_each(${ids}))
      UNION SELECT id FROM trip WHERE home_locality_id IN (SELECT value FROM json_each(${ids}))`),
    // Counterparts are a JSON list in each item: a scan of the programme, which is small.
    itineraryItem: await found(sql`SELECT DISTINCT i.id FROM itinerary_item i, json_each(i.counterparts) c
      WHERE coalesce(json_extract(c.value, '$.personId'), json_extract(c.value, '$.organizationId'), json_extract(c.value, '$.localityId')) IN (SELECT value FROM json_each(${ids}))`),
    snippet: await found(sql`SELECT id FROM snippet WHERE locality_id IN (SELECT value FROM json_each(${ids}))
      UNION SELECT id FROM snippet WHERE organization_id IN (SELECT value FROM json_each(${ids}))`),
  }
}
