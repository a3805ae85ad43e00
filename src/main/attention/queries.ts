/**
 * What needs the officer's attention today, for the home page. The states are always
 * decided by src/shared/time, the same functions the brief and the lists use; the groups
 * drawn from the whole register are counted in SQL (register.ts), the rest come from the
 * few trips ahead.
 */
import { dialectOf } from '../db/dialect/index.ts'
import type { AttentionSummary } from '../../shared/domain/attention.ts'
import { freshness } from '../../shared/time/figures.ts'
import { standing } from '../../shared/time/people.ts'
import { tripPhase } from '../../shared/time/trips.ts'
import { formatPersonName } from '../../shared/text/names.ts'
import type { Db } from '../context.ts'
import { assembleBrief } from '../briefs/model.ts'
import { loadSettings } from '../briefs/settings.ts'
import { getTrip } from '../trips/queries.ts'
import { agreementGroups, commitmentGroup, SHOWN } from './register.ts'
import { tripReportGroup } from './trip-reports.ts'

const TRIPS_SHOWN = 5

const group = <T>(all: T[]) => ({ total: all.length, items: all.slice(0, SHOWN) })

/** Trips not yet over: days to departure, and how ready the brief is (its warnings counted). */
async function tripGroups(db: Db, today: string, now: Date) {
  const rows = await db.selectFrom('trip').select(['id']).where('endDate', '>=', today).orderBy('startDate').execute()
  const trips: AttentionSummary['trips']['items'] = []
  const formerCounterparts: AttentionSummary['formerCounterparts']['items'] = []
  const oldFigures: AttentionSummary['oldFigures']['items'] = []
  for (const { id } of rows.slice(0, TRIPS_SHOWN)) {
    const trip = await getTrip(db, id)
    const phase = tripPhase(trip, today)
    if (phase.phase === 'returned') continue
    const model = await assembleBrief(db, trip, await loadSettings(db, id), now, today)
    trips.push({
      id,
      title: trip.title,
      startDate: trip.startDate,
      endDate: trip.endDate,
      destinations: trip.destinations.map((d) => d.nameVi).join(', '),
      phase: phase.phase,
      daysToDeparture: phase.phase === 'preparing' ? phase.daysToDeparture : 0,
      toFix: model.warnings.filter((w) => w.level === 'warning').length,
      notes: model.warnings.filter((w) => w.level === 'info').length,
    })
    formerCounterparts.push(...(await formerAt(db, trip)))
    oldFigures.push(...(await staleFor(db, trip)))
  }
  return { trips: { total: rows.length, items: trips }, formerCounterparts: group(formerCounterparts), oldFigures: group(oldFigures) }
}

/** Counterparts of the trip's meetings who no longer hold their post on the meeting's day. */
async function formerAt(db: Db, trip: Awaited<ReturnType<typeof getTrip>>) {
  const out: AttentionSummary['formerCounterparts']['items'] = []
  const ids = [...new Set(trip.items.flatMap((i) => i.counterparts.flatMap((c) => (c.personId && c.exists ? [c.personId] : []))))]
  if (ids.length === 0) return out
  const people = new Map((await db.selectFrom('person').selectAll().where('id', 'in', ids).execute()).map((p) => [p.id, p]))
  const seen = new Set<string>()
  for (const item of trip.items) {
    for (const c of item.counterparts) {
      const p = c.personId ? people.get(c.personId) : undefined
      if (!p || seen.has(p.id)) continue
      const s = standing(p, item.start.slice(0, 10))
      if (s.state !== 'former') continue
      seen.add(p.id)
      out.push({ personId: p.id, name: formatPersonName({ ...p, givenName: p.givenName ?? '', countryCode: p.country }), title: p.title, until: s.until, tripId: trip.id, meeting: item.title })
    }
  }
  return out
}

/** Figures of the trip's destinations that will be old when the delegation leaves. */
async function staleFor(db: Db, trip: Awaited<ReturnType<typeof getTrip>>) {
  const places = trip.destinations.map((d) => d.id)
  if (places.length === 0) return []
  const facts = await db
    .selectFrom('fact as f')
    .leftJoin('locality as l', 'l.id', 'f.localityId')
    .select(['f.id', 'f.label', 'f.asOf', 'f.localityId', 'l.nameVi'])
    .where((eb) => eb.or([eb('f.localityId', 'in', places), eb('f.partnerLocalityId', 'in', places)]))
    .execute()
  return facts.flatMap((f) => {
    const s = freshness(f, trip.startDate)
    return s.state === 'stale' ? [{ id: f.id, label: f.label, asOf: s.asOf, localityId: f.localityId, place: f.nameVi, tripId: trip.id }] : []
  })
}

/** The last changes, each with the name of its record (from the audit row itself: deleted records keep theirs). */
async function recentChanges(db: Db) {
  const rows = await db
    .selectFrom('auditLog')
    .select(['id', 'entity', 'entityId', 'action', 'at', 'actor', 'source', 'before', 'after'])
    .orderBy('at', 'desc')
    .orderBy(dialectOf(db).auditOrder, 'desc')
    .limit(10)
    .execute()
  return rows.map(({ before, after, ...r }) => ({ ...r, name: recordName(after ?? before) }))
}

export function recordName(json: string | null): string | null {
  if (!json) return null
  try {
    const r = JSON.parse(json) as Record<string, unknown>
    // A person has a title (their post) too: their name comes first.
    const person = typeof r.familyName === 'string' ? [r.familyName, r.givenName].filter(Boolean).join(' ') : null
    const name = person ?? r.titleVi ?? r.nameVi ?? r.title ?? r.label ?? r.action ?? r.fileName ?? null
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

export async function attentionSummary(db: Db, today: string, now: Date): Promise<AttentionSummary> {
  return {
    date: today,
    ...(await tripGroups(db, today, now)),
    ...(await agreementGroups(db, today)),
    commitments: await commitmentGroup(db, today),
    tripReports: await tripReportGroup(db, today),
    recent: await recentChanges(db),
  }
}
