/**
 * Outgoing delegations: the trip, its destinations and members (ordered), the day-by-day
 * programme, and the talking-points library the programme draws on.
 */
import type { ParsedInput } from '../../shared/contract.ts'
import type { HostView, ItemTranslations, ItineraryItem, Snippet, Trip, TripRow } from '../../shared/domain/trips.ts'
import { formatPersonName } from '../../shared/text/names.ts'
import { type Ctx, type Db, stamp } from '../context.ts'
import { notFound, recordGone } from '../errors.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../records.ts'

type TripFields = ParsedInput<'trips.create'>
type ItemFields = ParsedInput<'itinerary.create'>
type CounterpartRef = { personId: string | null; organizationId: string | null; localityId: string | null }

const parseJson = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T
  } catch {
    return fallback
  }
}

export async function listTrips(db: Db): Promise<TripRow[]> {
  const trips = await db.selectFrom('trip').selectAll().orderBy('startDate', 'desc').execute()
  if (trips.length === 0) return []
  const ids = trips.map((t) => t.id)
  const [dests, members, items] = await Promise.all([
    db
      .selectFrom('tripDestination as d')
      .innerJoin('locality as l', 'l.id', 'd.localityId')
      .select(['d.tripId', 'l.nameVi'])
      .where('d.tripId', 'in', ids)
      .orderBy('d.position')
      .execute(),
    db.selectFrom('tripMember').select('tripId').where('tripId', 'in', ids).execute(),
    db.selectFrom('itineraryItem').select('tripId').where('tripId', 'in', ids).execute(),
  ])
  return trips.map((t) => ({
    id: t.id,
    title: t.title,
    direction: t.direction,
    startDate: t.startDate,
    endDate: t.endDate,
    destinations: dests.filter((d) => d.tripId === t.id).map((d) => d.nameVi).join(', '),
    members: members.filter((m) => m.tripId === t.id).length,
    items: items.filter((i) => i.tripId === t.id).length,
  }))
}

/**
 * Names of counterparts as a programme shows them ("tỉnh Yamanashi", "YAMAMOTO Ichita"),
 * one query per kind; ids with no record are absent from the map.
 */
export async function counterpartNames(db: Db, refs: CounterpartRef[]): Promise<Map<string, string>> {
  const ids = (k: keyof CounterpartRef) => [...new Set(refs.flatMap((r) => (r[k] ? [r[k]!] : [])))]
  const names = new Map<string, string>()
  const people = ids('personId')
  if (people.length) {
    for (const p of await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'nameOrder', 'country', 'title']).where('id', 'in', people).execute()) {
      names.set(p.id, formatPersonName({ ...p, givenName: p.givenName ?? '', countryCode: p.country }))
    }
  }
  const orgs = ids('organizationId')
  if (orgs.length) {
    for (const o of await db.selectFrom('organization').select(['id', 'nameVi', 'abbreviation']).where('id', 'in', orgs).execute()) {
      names.set(o.id, o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi)
    }
  }
  const locs = ids('localityId')
  if (locs.length) {
    for (const l of await db.selectFrom('locality').select(['id', 'nameVi', 'designationVi']).where('id', 'in', locs).execute()) {
      names.set(l.id, [l.designationVi, l.nameVi].filter(Boolean).join(' '))
    }
  }
  return names
}

export async function getItems(db: Db, tripId: string): Promise<ItineraryItem[]> {
  const rows = await db.selectFrom('itineraryItem').selectAll().where('tripId', '=', tripId).orderBy('start').execute()
  const refs = rows.flatMap((r) => parseJson<CounterpartRef[]>(r.counterparts, []))
  const names = await counterpartNames(db, refs)
  return rows.map((r) => ({
    ...r,
    translations: parseJson<ItemTranslations>(r.translations, {}),
    sectors: parseJson<string[]>(r.sectors, []),
    counterparts: parseJson<CounterpartRef[]>(r.counterparts, []).map((c) => {
      const refId = c.personId ?? c.organizationId ?? c.localityId ?? ''
      const name = names.get(refId)
      return { ...c, name: name ?? 'Đối tác đã bị xóa khỏi danh bạ / deleted counterpart', exists: name !== undefined }
    }),
  }))
}

export async function getTrip(db: Db, id: string): Promise<Trip> {
  const t = await db
    .selectFrom('trip as t')
    .leftJoin('locality as h', 'h.id', 't.homeLocalityId')
    .selectAll('t')
    .select('h.nameVi as homeLocalityName')
    .where('t.id', '=', id)
    .executeTakeFirst()
  if (!t) throw notFound('trip')
  const destinations = await db
    .selectFrom('tripDestination as d')
    .innerJoin('locality as l', 'l.id', 'd.localityId')
    .select(['l.id', 'l.nameVi', 'l.nameNative'])
    .where('d.tripId', '=', id)
    .orderBy('d.position')
    .execute()
  const members = await db
    .selectFrom('tripMember as m')
    .leftJoin('person as p', 'p.id', 'm.personId')
    .select(['m.personId', 'm.name', 'm.title', 'm.role', 'p.familyName', 'p.givenName', 'p.nameOrder', 'p.country', 'p.title as personTitle'])
    .where('m.tripId', '=', id)
    .orderBy('m.position')
    .execute()
  return {
    ...t,
    hosts: await hostsOf(db, t.hosts),
    destinations,
    members: members.map((m) => ({
      personId: m.personId,
      role: m.role,
      title: m.title ?? m.personTitle,
      name: m.familyName
        ? formatPersonName({ familyName: m.familyName, givenName: m.givenName ?? '', nameOrder: m.nameOrder ?? 'family_first', countryCode: m.country })
        : (m.name ?? ''),
    })),
    items: await getItems(db, id),
  }
}

type HostRef = Omit<HostView, 'name'> & { name: string | null }

/** Our participants of a visit in, named as the register names them now (a deleted person keeps the name typed, else a mark). */
async function hostsOf(db: Db, json: string): Promise<HostView[]> {
  const hosts = parseJson<HostRef[]>(json, [])
  const ids = hosts.flatMap((h) => (h.personId ? [h.personId] : []))
  const people = ids.length
    ? await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'nameOrder', 'country', 'title']).where('id', 'in', ids).execute()
    : []
  return hosts.map((h) => {
    const p = people.find((x) => x.id === h.personId)
    // A post with no one named yet has no name; a person deleted since keeps a mark.
    const gone = h.personId ? 'Người đã bị xóa khỏi danh bạ / deleted person' : ''
    const name = p ? formatPersonName({ ...p, givenName: p.givenName ?? '', countryCode: p.country }) : (h.name ?? gone)
    return { personId: h.personId ?? null, name, title: h.title ?? p?.title ?? null, role: h.role }
  })
}

async function assertIds(db: Db, table: 'locality' | 'person' | 'organization', ids: string[], path: string) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const found = await db.selectFrom(table).select('id').where('id', 'in', unique).execute()
  if (found.length !== unique.length) {
    throw recordGone(path)
  }
}

async function writeTripChildren(trx: Db, ctx: Ctx, tripId: string, input: TripFields) {
  await assertIds(trx, 'locality', [...input.destinationIds, ...(input.homeLocalityId ? [input.homeLocalityId] : [])], 'destinationIds')
  await assertIds(trx, 'person', input.members.flatMap((m) => (m.personId ? [m.personId] : [])), 'members')
  await assertIds(trx, 'person', input.hosts.flatMap((h) => (h.personId ? [h.personId] : [])), 'hosts')
  await trx.deleteFrom('tripDestination').where('tripId', '=', tripId).execute()
  await trx.deleteFrom('tripMember').where('tripId', '=', tripId).execute()
  for (const [position, localityId] of [...new Set(input.destinationIds)].entries()) {
    await trx.insertInto('tripDestination').values({ tripId, localityId, position }).execute()
  }
  for (const [position, m] of input.members.entries()) {
    await trx.insertInto('tripMember').values({ ...stamp(ctx), tripId, position, ...m }).execute()
  }
}

const tripColumns = ({ destinationIds: _d, members: _m, hosts, ...rest }: TripFields) => ({ ...rest, hosts: JSON.stringify(hosts) })

export async function insertTrip(trx: Db, ctx: Ctx, input: TripFields, fixedId?: string): Promise<string> {
  const id = await insertRecord(trx, ctx, 'trip', { ...tripColumns(input), ...(fixedId && { id: fixedId }) })
  await writeTripChildren(trx, ctx, id, input)
  return id
}

export function createTrip(ctx: Ctx, input: TripFields) {
  return write(ctx, async (trx) => ({ id: await insertTrip(trx, ctx, input) }))
}

export function updateTrip(ctx: Ctx, id: string, input: TripFields, expectedUpdatedAt?: string) {
  return write(ctx, async (trx) => {
    await updateRecord(trx, ctx, 'trip', { id, expectedUpdatedAt }, tripColumns(input))
    await writeTripChildren(trx, ctx, id, input)
  })
}

/** Members, programme and brief go with the trip; the confirmation says so. */
export function deleteTrip(ctx: Ctx, id: string) {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'trip', id))
}

/** A past trip as the starting point of a new one: same destinations, members, programme and brief settings. */
export function duplicateTrip(ctx: Ctx, id: string): Promise<{ id: string }> {
  return write(ctx, async (trx) => {
    const t = await getTrip(trx, id)
    const copy = await insertTrip(trx, ctx, {
      title: `${t.title} (bản sao)`,
      direction: t.direction,
      hosts: t.hosts.map((h) => ({ personId: h.personId, name: h.personId ? null : h.name, title: h.title, role: h.role })),
      homeLocalityId: t.homeLocalityId,
      startDate: t.startDate,
      endDate: t.endDate,
      objectives: t.objectives,
      notes: t.notes,
      destinationIds: t.destinations.map((d) => d.id),
      members: t.members.map((m) => ({ personId: m.personId, name: m.personId ? null : m.name, title: m.title, role: m.role })),
    })
    const items = await trx.selectFrom('itineraryItem').selectAll().where('tripId', '=', id).execute()
    for (const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, ...item } of items) {
      await insertRecord(trx, ctx, 'itineraryItem', { ...item, tripId: copy })
    }
    const brief = await trx.selectFrom('brief').select('settings').where('tripId', '=', id).executeTakeFirst()
    if (brief) await insertRecord(trx, ctx, 'brief', { tripId: copy, settings: brief.settings })
    return { id: copy }
  })
}

async function assertTrip(db: Db, tripId: string) {
  if (!(await db.selectFrom('trip').select('id').where('id', '=', tripId).executeTakeFirst())) {
    throw recordGone('tripId')
  }
}

function itemColumns({ counterparts, sectors, translations, ...rest }: ItemFields) {
  return { ...rest, counterparts: JSON.stringify(counterparts), sectors: JSON.stringify([...new Set(sectors)]), translations: JSON.stringify(translations) }
}

async function assertCounterparts(db: Db, input: ItemFields) {
  await assertTrip(db, input.tripId)
  await assertIds(db, 'person', input.counterparts.flatMap((c) => (c.personId ? [c.personId] : [])), 'counterparts')
  await assertIds(db, 'organization', input.counterparts.flatMap((c) => (c.organizationId ? [c.organizationId] : [])), 'counterparts')
  await assertIds(db, 'locality', input.counterparts.flatMap((c) => (c.localityId ? [c.localityId] : [])), 'counterparts')
}

export async function insertItem(trx: Db, ctx: Ctx, input: ItemFields, fixedId?: string): Promise<string> {
  await assertCounterparts(trx, input)
  return insertRecord(trx, ctx, 'itineraryItem', { ...itemColumns(input), ...(fixedId && { id: fixedId }) })
}

export function createItem(ctx: Ctx, input: ItemFields) {
  return write(ctx, async (trx) => ({ id: await insertItem(trx, ctx, input) }))
}

export function updateItem(ctx: Ctx, id: string, input: ItemFields, expectedUpdatedAt?: string) {
  return write(ctx, async (trx) => {
    await assertCounterparts(trx, input)
    await updateRecord(trx, ctx, 'itineraryItem', { id, expectedUpdatedAt }, itemColumns(input))
  })
}

export function deleteItem(ctx: Ctx, id: string) {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'itineraryItem', id))
}

// ---- talking points ----------------------------------------------------------------------

type SnippetFields = ParsedInput<'snippets.create'>
const snippetColumns = ({ sectors, ...rest }: SnippetFields) => ({ ...rest, sectors: JSON.stringify([...new Set(sectors)]) })

export async function listSnippets(db: Db): Promise<Snippet[]> {
  const rows = await db
    .selectFrom('snippet as s')
    .leftJoin('locality as l', 'l.id', 's.localityId')
    .leftJoin('organization as o', 'o.id', 's.organizationId')
    .selectAll('s')
    .select(['l.nameVi as lName', 'o.nameVi as oName'])
    .orderBy('s.title')
    .execute()
  return rows.map(({ lName, oName, ...s }) => ({ ...s, sectors: parseJson<string[]>(s.sectors, []), scopeName: lName ?? oName ?? null }))
}

export async function insertSnippet(trx: Db, ctx: Ctx, input: SnippetFields, fixedId?: string) {
  await assertIds(trx, 'locality', input.localityId ? [input.localityId] : [], 'localityId')
  await assertIds(trx, 'organization', input.organizationId ? [input.organizationId] : [], 'organizationId')
  return insertRecord(trx, ctx, 'snippet', { ...snippetColumns(input), ...(fixedId && { id: fixedId }) })
}

export function createSnippet(ctx: Ctx, input: SnippetFields) {
  return write(ctx, async (trx) => ({ id: await insertSnippet(trx, ctx, input) }))
}

export function updateSnippet(ctx: Ctx, id: string, input: SnippetFields, expectedUpdatedAt?: string) {
  return write(ctx, async (trx) => {
    await assertIds(trx, 'locality', input.localityId ? [input.localityId] : [], 'localityId')
    await assertIds(trx, 'organization', input.organizationId ? [input.organizationId] : [], 'organizationId')
    await updateRecord(trx, ctx, 'snippet', { id, expectedUpdatedAt }, snippetColumns(input))
  })
}

export function deleteSnippet(ctx: Ctx, id: string) {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'snippet', id))
}

/**
 * Talking points for a meeting: those scoped to one of its counterparts (or the
 * counterpart's locality), then those sharing a sector, then general ones; best first.
 */
export async function suggestSnippets(db: Db, input: { counterparts: CounterpartRef[]; sectors: string[] }): Promise<Snippet[]> {
  const partnerIds = new Set(input.counterparts.flatMap((c) => [c.localityId, c.organizationId].filter((x): x is string => !!x)))
  const people = input.counterparts.flatMap((c) => (c.personId ? [c.personId] : []))
  if (people.length) {
    for (const p of await db.selectFrom('person').select(['localityId', 'organizationId']).where('id', 'in', people).execute()) {
      if (p.localityId) partnerIds.add(p.localityId)
      if (p.organizationId) partnerIds.add(p.organizationId)
    }
  }
  const sectors = new Set(input.sectors)
  const scored = (await listSnippets(db)).map((s) => {
    const scope = s.localityId ?? s.organizationId
    const partner = scope ? (partnerIds.has(scope) ? 2 : -1) : 0
    const shared = s.sectors.filter((x) => sectors.has(x)).length
    return { s, score: partner * 10 + shared }
  })
  return scored
    .filter((x) => x.score > 0 || (x.score === 0 && x.s.sectors.length === 0))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.s)
}

