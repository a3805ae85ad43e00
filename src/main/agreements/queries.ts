/**
 * Agreements, their parties, signatories, sectors and follow-up commitments.
 */
import { agreementInput, type Agreement, type AgreementRow, type Commitment, type PartyView } from '../../shared/domain/agreements.ts'
import type { ParsedInput } from '../../shared/contract.ts'
import type { CommitmentStatus } from '../../shared/domain/labels.ts'
import { formatPersonName } from '../../shared/text/names.ts'
import { compareVi } from '../../shared/text/collate.ts'
import { AppError, notFound, recordGone } from '../errors.ts'
import { type Ctx, type Db, stamp } from '../context.ts'
import { successorsOf, withLineage } from '../partners/lineage.ts'
import { partyNames } from '../search/documents.ts'
import { dialectOf } from '../db/dialect/index.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../records.ts'
import { agreementState, lawReport } from '../../shared/time/agreements.ts'
import type { SaveWarning } from '../../shared/domain/common.ts'

type AgreementFields = ParsedInput<'agreements.create'>

const OPEN_COMMITMENT: CommitmentStatus[] = ['open', 'in_progress']

/** Signing date + 15 days (Law on International Agreements 2020: report to the Prime Minister). */
export function pmReportDueDate(signedDate: string | null): string | null {
  if (!signedDate) return null
  const d = new Date(`${signedDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 15)
  return d.toISOString().slice(0, 10)
}

/** Rows for lists, in one query per aspect (never one per agreement). */
export async function agreementRows(db: Db, ids: readonly string[], today: string, via?: Map<string, string>): Promise<AgreementRow[]> {
  if (ids.length === 0) return []
  const rows: AgreementRow[] = []
  // SQLite limits bound parameters; large registers are read in slices.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500)
    const [agreements, parties, sectors, commitments] = await Promise.all([
      db
        .selectFrom('agreement')
        .select(['id', 'kind', 'titleVi', 'status', 'signedDate', 'validFrom', 'validUntil', 'pmReportSentDate', 'mofaCopySentDate'])
        .where('id', 'in', slice)
        .execute(),
      partyNames(db, slice),
      db.selectFrom('agreementSector').select(['agreementId', 'sectorCode']).where('agreementId', 'in', slice).orderBy('sectorCode').execute(),
      db
        .selectFrom('commitment')
        .select(['agreementId', 'dueDate'])
        .where('agreementId', 'in', slice)
        .where('status', 'in', OPEN_COMMITMENT)
        .execute(),
    ])
    const byId = new Map(agreements.map((a) => [a.id, a]))
    for (const id of slice) {
      const a = byId.get(id)
      if (!a) continue
      const open = commitments.filter((c) => c.agreementId === id)
      const { validFrom: _f, pmReportSentDate: _p, mofaCopySentDate: _m, ...shown } = a
      const pm = lawReport(a, today).pm
      rows.push({
        ...shown,
        effectiveStatus: agreementState(a, today).status,
        pmReportLate: pm.state === 'overdue' || pm.state === 'sent_late' ? { state: pm.state, due: pm.due, daysLate: pm.daysLate } : null,
        sectors: sectors.filter((s) => s.agreementId === id).map((s) => s.sectorCode),
        partiesText: (parties.get(id) ?? []).join(' – '),
        openCommitments: open.length,
        overdueCommitments: open.filter((c) => c.dueDate && c.dueDate < today).length,
        viaPredecessor: via?.get(id) ?? null,
      })
    }
  }
  return rows
}

const byNewest = (a: { signedDate: string | null; titleVi: string }, b: { signedDate: string | null; titleVi: string }) =>
  (b.signedDate ?? '').localeCompare(a.signedDate ?? '') || compareVi(a.titleVi, b.titleVi)

/** Agreements a locality is party to, and those of the units it succeeded. */
export async function agreementsOfLocality(db: Db, localityId: string, today: string): Promise<AgreementRow[]> {
  const predecessors = await db
    .selectFrom('localityLineage as l')
    .innerJoin('locality as p', 'p.id', 'l.predecessorId')
    .select(['p.id', 'p.nameVi'])
    .where('l.successorId', '=', localityId)
    .execute()
  const parties = await db
    .selectFrom('agreementParty')
    .select(['agreementId', 'localityId'])
    .where('localityId', 'in', [localityId, ...predecessors.map((p) => p.id)])
    .execute()
  const via = new Map<string, string>()
  for (const p of parties) {
    const pred = predecessors.find((x) => x.id === p.localityId)
    if (pred && !via.has(p.agreementId)) via.set(p.agreementId, pred.nameVi)
  }
  const rows = await agreementRows(db, [...new Set(parties.map((p) => p.agreementId))], today, via)
  return rows.sort(byNewest)
}

export async function agreementsOfOrganization(db: Db, organizationId: string, today: string): Promise<AgreementRow[]> {
  const ids = await db.selectFrom('agreementParty').select('agreementId').where('organizationId', '=', organizationId).distinct().execute()
  return (await agreementRows(db, ids.map((r) => r.agreementId), today)).sort(byNewest)
}

export async function agreementsOfPerson(db: Db, personId: string, today: string): Promise<AgreementRow[]> {
  const ids = await db.selectFrom('agreementSignatory').select('agreementId').where('personId', '=', personId).distinct().execute()
  return (await agreementRows(db, ids.map((r) => r.agreementId), today)).sort(byNewest)
}

function commitmentView(c: Omit<Commitment, 'overdue'>, today: string): Commitment {
  return { ...c, overdue: !!c.dueDate && c.dueDate < today && OPEN_COMMITMENT.includes(c.status) }
}

export async function getAgreement(db: Db, id: string, today: string): Promise<Agreement> {
  const a = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw notFound('agreement')
  const parties = await db
    .selectFrom('agreementParty as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .select(['p.side', 'p.localityId', 'p.organizationId', 'l.nameVi as lName', 'l.validTo', 'l.country as lCountry', 'o.nameVi as oName', 'o.country as oCountry'])
    .where('p.agreementId', '=', id)
    .orderBy('p.position')
    .execute()
  const successors = await successorsOf(db, parties.filter((p) => p.localityId).map((p) => p.localityId!))
  const partyViews: PartyView[] = parties.map((p) => {
    const name = p.lName ?? p.oName ?? ''
    return {
      side: p.side,
      localityId: p.localityId,
      organizationId: p.organizationId,
      name,
      displayName: p.localityId ? withLineage({ nameVi: name, validTo: p.validTo }, successors.get(p.localityId)) : name,
      country: p.lCountry ?? p.oCountry,
    }
  })
  const signatories = await db
    .selectFrom('agreementSignatory as s')
    .innerJoin('person as p', 'p.id', 's.personId')
    .select(['s.personId', 's.side', 's.titleAtSigning', 'p.familyName', 'p.givenName', 'p.nameOrder', 'p.country'])
    .where('s.agreementId', '=', id)
    .orderBy('s.position')
    .execute()
  const sectors = await db.selectFrom('agreementSector').select('sectorCode').where('agreementId', '=', id).orderBy('sectorCode').execute()
  const commitments = await db.selectFrom('commitment').selectAll().where('agreementId', '=', id).orderBy('dueDate').execute()
  const engagements = await db
    .selectFrom('engagementAgreement as ea')
    .innerJoin('engagement as e', 'e.id', 'ea.engagementId')
    .select(['e.id', 'e.title', 'e.startDate', 'e.kind'])
    .where('ea.agreementId', '=', id)
    .orderBy('e.startDate', 'desc')
    .execute()
  const due = pmReportDueDate(a.signedDate)
  const reportable = ['signed', 'in_force', 'expired', 'terminated'].includes(a.status)
  return {
    ...a,
    shortenedProcedure: a.shortenedProcedure === 1,
    sectors: sectors.map((s) => s.sectorCode),
    pmReportDue: due,
    pmReportLate: reportable && !!due && (a.pmReportSentDate ? a.pmReportSentDate > due : today > due),
    parties: partyViews,
    signatories: signatories.map((s) => ({
      personId: s.personId,
      side: s.side,
      titleAtSigning: s.titleAtSigning,
      name: formatPersonName({ ...s, givenName: s.givenName ?? '', countryCode: s.country }),
    })),
    commitments: commitments.map((c) => commitmentView(c, today)),
    engagements,
  }
}

async function assertExist(db: Db, table: 'locality' | 'organization' | 'person', ids: string[], field: string) {
  if (ids.length === 0) return
  const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
  const missing = ids.filter((i) => !found.some((f) => f.id === i))
  if (missing.length) {
    throw recordGone(field)
  }
}

async function assertSectors(db: Db, codes: string[]) {
  if (codes.length === 0) return
  const found = await db.selectFrom('sector').select('code').where('code', 'in', codes).execute()
  const unknown = codes.filter((c) => !found.some((f) => f.code === c))
  if (unknown.length) {
    throw new AppError('unknown_sector', { codes: unknown }, { details: [{ field: 'sectors', code: 'unknown_sector', params: { codes: unknown } }] })
  }
}

function agreementColumns(input: AgreementFields) {
  const { parties: _p, signatories: _s, sectors: _sec, shortenedProcedure, ...rest } = input
  return { ...rest, shortenedProcedure: shortenedProcedure ? 1 : 0 }
}

/**
 * `bulk`: a new agreement whose references the caller has just resolved from this db (a
 * spreadsheet import): nothing to delete, and the foreign keys still guard every id.
 */
async function writeChildren(trx: Db, ctx: Ctx, agreementId: string, input: AgreementFields, bulk = false) {
  const sectors = [...new Set(input.sectors)]
  if (!bulk) {
    await assertExist(trx, 'locality', input.parties.flatMap((p) => (p.localityId ? [p.localityId] : [])), 'parties')
    await assertExist(trx, 'organization', input.parties.flatMap((p) => (p.organizationId ? [p.organizationId] : [])), 'parties')
    await assertExist(trx, 'person', input.signatories.map((s) => s.personId), 'signatories')
    await assertSectors(trx, sectors)
    await trx.deleteFrom('agreementParty').where('agreementId', '=', agreementId).execute()
    await trx.deleteFrom('agreementSignatory').where('agreementId', '=', agreementId).execute()
    await trx.deleteFrom('agreementSector').where('agreementId', '=', agreementId).execute()
  }
  if (input.parties.length) {
    await trx.insertInto('agreementParty').values(input.parties.map((p, position) => ({ ...stamp(ctx), agreementId, position, ...p }))).execute()
  }
  for (const [position, s] of input.signatories.entries()) {
    await trx.insertInto('agreementSignatory').values({ ...stamp(ctx), agreementId, position, ...s }).execute()
  }
  if (sectors.length) await trx.insertInto('agreementSector').values(sectors.map((sectorCode) => ({ agreementId, sectorCode }))).execute()
}

/** `fixedId` keeps a record's id when it comes from the sample data; `bulk` see writeChildren. */
export async function insertAgreement(trx: Db, ctx: Ctx, input: AgreementFields, fixedId?: string, options: { bulk?: boolean } = {}): Promise<string> {
  const id = await insertRecord(trx, ctx, 'agreement', { ...agreementColumns(input), ...(fixedId && { id: fixedId }) })
  await writeChildren(trx, ctx, id, input, options.bulk)
  return id
}

/** What a saved agreement may say that is not true today: a status its dates contradict. */
export function agreementWarnings(input: AgreementFields, today: string): SaveWarning[] {
  const dis = agreementState(input, today).disagreement
  if (!dis) return []
  const { kind, ...params } = dis
  return [{ code: kind, field: 'status', params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ''])) }]
}

export async function createAgreement(ctx: Ctx, input: AgreementFields): Promise<{ id: string; warnings: SaveWarning[] }> {
  const id = await write(ctx, (trx) => insertAgreement(trx, ctx, input))
  return { id, warnings: agreementWarnings(input, ctx.today()) }
}

export async function updateAgreement(ctx: Ctx, id: string, input: AgreementFields, expectedUpdatedAt?: string): Promise<SaveWarning[]> {
  await write(ctx, (trx) => writeAgreementUpdate(trx, ctx, id, input, expectedUpdatedAt))
  return agreementWarnings(input, ctx.today())
}

/** An edit inside the caller's transaction: columns, parties, signatories, sectors. */
export async function writeAgreementUpdate(trx: Db, ctx: Ctx, id: string, input: AgreementFields, expectedUpdatedAt?: string): Promise<void> {
  await updateRecord(trx, ctx, 'agreement', { id, expectedUpdatedAt }, agreementColumns(input))
  await writeChildren(trx, ctx, id, input)
}

/** Agreements as their edit form sends them, by id (a spreadsheet row's columns are written over these). */
export async function agreementFields(db: Db, ids: readonly string[]): Promise<Map<string, AgreementFields>> {
  const byAgreement = <T extends { agreementId: string }>(rows: T[]) => Map.groupBy(rows, (r) => r.agreementId)
  const agreements = await db.selectFrom('agreement').selectAll().where(dialectOf(db).inList('id', ids)).execute()
  const parties = byAgreement(await db.selectFrom('agreementParty').select(['agreementId', 'side', 'localityId', 'organizationId']).where(dialectOf(db).inList('agreementId', ids)).orderBy('position').execute())
  const signatories = byAgreement(await db.selectFrom('agreementSignatory').select(['agreementId', 'personId', 'side', 'titleAtSigning']).where(dialectOf(db).inList('agreementId', ids)).orderBy('position').execute())
  const sectors = byAgreement(await db.selectFrom('agreementSector').select(['agreementId', 'sectorCode']).where(dialectOf(db).inList('agreementId', ids)).orderBy('sectorCode').execute())
  const result = new Map<string, AgreementFields>()
  for (const a of agreements) {
    const fields = {
      ...a,
      shortenedProcedure: a.shortenedProcedure === 1,
      parties: (parties.get(a.id) ?? []).map(({ agreementId: _, ...p }) => p),
      signatories: (signatories.get(a.id) ?? []).map(({ agreementId: _, ...s }) => s),
      sectors: (sectors.get(a.id) ?? []).map((s) => s.sectorCode),
    }
    // A record this version's form would refuse (it came in a pack) is returned as it is: the
    // caller's own check then says what is wrong with it.
    const parsed = agreementInput.safeParse(fields)
    result.set(a.id, parsed.success ? parsed.data : (fields as unknown as AgreementFields))
  }
  return result
}

/** Commitments belong to their agreement and go with it; the confirmation says how many. */
export function deleteAgreement(ctx: Ctx, id: string): Promise<void> {
  return write(ctx, async (trx) => {
    await deleteRecord(trx, ctx, 'agreement', id)
  })
}

type CommitmentFields = ParsedInput<'commitments.create'>

async function assertAgreement(db: Db, id: string) {
  const found = await db.selectFrom('agreement').select('id').where('id', '=', id).executeTakeFirst()
  if (!found) {
    throw recordGone('agreementId')
  }
}

/** An agreement or, for a commitment arising from a meeting without one, the programme item (0016). */
async function assertHolder(db: Db, input: CommitmentFields) {
  if (input.agreementId) await assertAgreement(db, input.agreementId)
  if (input.itineraryItemId && !(await db.selectFrom('itineraryItem').select('id').where('id', '=', input.itineraryItemId).executeTakeFirst())) throw recordGone('itineraryItemId')
}

export async function insertCommitment(trx: Db, ctx: Ctx, input: CommitmentFields, fixedId?: string): Promise<string> {
  await assertHolder(trx, input)
  return insertRecord(trx, ctx, 'commitment', { ...input, ...(fixedId && { id: fixedId }) })
}

/** A commitment due before its agreement was signed may be a slip of the date. */
async function commitmentWarnings(db: Db, input: CommitmentFields): Promise<SaveWarning[]> {
  if (!input.agreementId) return []
  const a = await db.selectFrom('agreement').select('signedDate').where('id', '=', input.agreementId).executeTakeFirst()
  return a?.signedDate && input.dueDate && input.dueDate < a.signedDate ? [{ code: 'due_before_signing', field: 'dueDate', params: { due: input.dueDate, signed: a.signedDate } }] : []
}

export async function createCommitment(ctx: Ctx, input: CommitmentFields): Promise<{ id: string; warnings: SaveWarning[] }> {
  const id = await write(ctx, (trx) => insertCommitment(trx, ctx, input))
  return { id, warnings: await commitmentWarnings(ctx.db, input) }
}

export async function updateCommitment(ctx: Ctx, id: string, input: CommitmentFields, expectedUpdatedAt?: string): Promise<SaveWarning[]> {
  await write(ctx, (trx) => writeCommitmentUpdate(trx, ctx, id, input, expectedUpdatedAt))
  return commitmentWarnings(ctx.db, input)
}

export async function writeCommitmentUpdate(trx: Db, ctx: Ctx, id: string, input: CommitmentFields, expectedUpdatedAt?: string): Promise<void> {
  await assertHolder(trx, input)
  await updateRecord(trx, ctx, 'commitment', { id, expectedUpdatedAt }, input)
}

export function deleteCommitment(ctx: Ctx, id: string): Promise<void> {
  return write(ctx, (trx) => deleteRecord(trx, ctx, 'commitment', id))
}
