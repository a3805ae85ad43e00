/**
 * The register of commitments: every follow-up action across agreements, with its state on
 * today's date, filtered by owner, state, due period, partner or words.
 */
import { sql } from 'kysely'
import type { CommitmentFilter, CommitmentRegisterRow } from '../../shared/domain/commitments.ts'
import type { CommitmentStatus } from '../../shared/domain/labels.ts'
import { commitmentState } from '../../shared/time/commitments.ts'
import { addDays } from '../../shared/time/days.ts'
import { fold } from '../../shared/text/fold.ts'
import type { Ctx, Db } from '../context.ts'
import { updateRecord, write } from '../records.ts'
import { partyNames } from '../search/documents.ts'

function inPeriod(row: CommitmentRegisterRow, due: CommitmentFilter['due'], today: string): boolean {
  if (!due) return true
  if (due === 'undated') return !row.dueDate
  if (due === 'overdue') return row.state === 'overdue'
  const end = addDays(today, due === 'next30' ? 30 : 90)
  return !!row.dueDate && row.dueDate >= today && row.dueDate <= end
}

export async function listCommitments(db: Db, filter: CommitmentFilter, today: string): Promise<{ rows: CommitmentRegisterRow[]; owners: string[] }> {
  let q = db
    .selectFrom('commitment as c')
    .leftJoin('agreement as a', 'a.id', 'c.agreementId')
    // A commitment arising from a trip's meeting names it (migration 0016).
    .leftJoin('itineraryItem as i', 'i.id', 'c.itineraryItemId')
    .select(['c.id', 'c.agreementId', 'c.action', 'c.owner', 'c.dueDate', 'c.status', 'a.titleVi', 'a.signedDate', 'i.tripId', 'i.title as meeting'])
  if (filter.partnerId) {
    const partner = filter.partnerId
    q = q.where('c.agreementId', 'in', db.selectFrom('agreementParty').select('agreementId').where((eb) => eb.or([eb('localityId', '=', partner), eb('organizationId', '=', partner)])))
  }
  // By due date, those without one last.
  const found = await q.orderBy(sql`c.due_date IS NULL`).orderBy('c.dueDate').execute()
  const parties = await partyNames(db, [...new Set(found.flatMap((c) => (c.agreementId ? [c.agreementId] : [])))])
  const words = filter.q ? fold(filter.q) : ''
  const rows: CommitmentRegisterRow[] = []
  for (const c of found) {
    const s = commitmentState(c, today)
    const row: CommitmentRegisterRow = {
      id: c.id,
      agreementId: c.agreementId,
      agreementTitle: c.titleVi ?? c.meeting ?? '',
      agreementSigned: c.signedDate,
      tripId: c.tripId,
      meeting: c.meeting,
      partners: c.agreementId ? (parties.get(c.agreementId) ?? []).join(' – ') : '',
      action: c.action,
      owner: c.owner,
      dueDate: c.dueDate,
      status: c.status,
      state: s.state,
      days: s.state === 'overdue' ? s.daysLate : s.state === 'due_soon' ? s.daysLeft : null,
    }
    if (filter.owner && row.owner !== filter.owner) continue
    if (filter.state && row.state !== filter.state) continue
    if (!inPeriod(row, filter.due, today)) continue
    if (words && !fold(`${row.action} ${row.owner ?? ''} ${row.agreementTitle} ${row.partners}`).includes(words)) continue
    rows.push(row)
  }
  const owners = [...new Set(found.flatMap((c) => (c.owner ? [c.owner] : [])))].sort((x, y) => x.localeCompare(y, 'vi'))
  return { rows, owners }
}

/** A status changed from the register, as the commitment's form would change it. */
export function setCommitmentStatus(ctx: Ctx, id: string, status: CommitmentStatus): Promise<void> {
  return write(ctx, (trx) => updateRecord(trx, ctx, 'commitment', id, { status }))
}
