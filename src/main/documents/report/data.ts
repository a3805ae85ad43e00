/**
 * What the post-trip report is made of, read from the register: the trip and its
 * programme with outcomes, the agreements signed during it (linked to one of its items, or
 * signed in its dates by one of its destinations), and the commitments arising (from its
 * meetings, or from those agreements).
 */
import type { Trip } from '../../../shared/domain/trips.ts'
import type { Db } from '../../context.ts'
import { partyNames } from '../../search/documents.ts'
import { getTrip } from '../../trips/queries.ts'

export interface ReportData {
  trip: Trip
  proposals: string | null
  home: { nameVi: string; designationVi: string | null } | null
  places: Array<{ nameVi: string; nameEn: string | null; designationVi: string | null; country: string; level: string; validTo: string | null }>
  agreements: Array<{ id: string; titleVi: string; signedDate: string | null; signedPlace: string | null; parties: string[]; itemId: string | null }>
  commitments: Array<{ id: string; action: string; owner: string | null; dueDate: string | null; source: string }>
}

export async function loadReportData(db: Db, tripId: string): Promise<ReportData> {
  const trip = await getTrip(db, tripId)
  const row = await db.selectFrom('trip').select('reportProposals').where('id', '=', tripId).executeTakeFirstOrThrow()
  const home = trip.homeLocalityId ? ((await db.selectFrom('locality').select(['nameVi', 'designationVi']).where('id', '=', trip.homeLocalityId).executeTakeFirst()) ?? null) : null
  const destIds = trip.destinations.map((d) => d.id)
  const places = destIds.length
    ? (await db.selectFrom('locality').select(['id', 'nameVi', 'nameEn', 'designationVi', 'country', 'level', 'validTo']).where('id', 'in', destIds).execute()).sort((a, b) => destIds.indexOf(a.id) - destIds.indexOf(b.id))
    : []
  const itemIds = trip.items.map((i) => i.id)
  const itemTitle = new Map(trip.items.map((i) => [i.id, i.title]))

  // Signed at one of the trip's items, or in its dates by one of its destinations.
  const found =
    itemIds.length || destIds.length
      ? await db
          .selectFrom('agreement')
          .select(['id', 'titleVi', 'signedDate', 'signedPlace', 'itineraryItemId'])
          .where((eb) =>
            eb.or([
              ...(itemIds.length ? [eb('itineraryItemId', 'in', itemIds)] : []),
              ...(destIds.length
                ? [
                    eb.and([
                      eb('signedDate', '>=', trip.startDate),
                      eb('signedDate', '<=', trip.endDate),
                      eb('id', 'in', eb.selectFrom('agreementParty').select('agreementId').where('localityId', 'in', destIds)),
                    ]),
                  ]
                : []),
            ]),
          )
          .orderBy('signedDate')
          .orderBy('titleVi')
          .execute()
      : []
  const parties = await partyNames(db, found.map((a) => a.id))
  const agreements = found.map((a) => ({ id: a.id, titleVi: a.titleVi, signedDate: a.signedDate, signedPlace: a.signedPlace, parties: parties.get(a.id) ?? [], itemId: a.itineraryItemId }))
  const agreementTitle = new Map(agreements.map((a) => [a.id, a.titleVi]))

  const holders = [...itemIds.map((i) => ['itineraryItemId', i] as const), ...agreements.map((a) => ['agreementId', a.id] as const)]
  const rows = holders.length
    ? await db
        .selectFrom('commitment')
        .select(['id', 'action', 'owner', 'dueDate', 'agreementId', 'itineraryItemId', 'status'])
        .where((eb) =>
          eb.or([
            ...(itemIds.length ? [eb('itineraryItemId', 'in', itemIds)] : []),
            ...(agreements.length ? [eb('agreementId', 'in', agreements.map((a) => a.id))] : []),
          ]),
        )
        .where('status', '!=', 'cancelled')
        .execute()
    : []
  // By due date, those without one last; then by what they arose from.
  rows.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.action.localeCompare(b.action, 'vi'))
  const commitments = rows.map((c) => ({
    id: c.id,
    action: c.action,
    owner: c.owner,
    dueDate: c.dueDate,
    source: (c.itineraryItemId && itemTitle.get(c.itineraryItemId)) || (c.agreementId && agreementTitle.get(c.agreementId)) || '',
  }))
  return { trip, proposals: row.reportProposals, home, places, agreements, commitments }
}
