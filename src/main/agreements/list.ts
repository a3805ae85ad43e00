/**
 * The agreements register as the list shows it: filtered by words, kind, status on today's
 * date, partner, sector and year of signing, sorted by any column, a page at a time.
 *
 * Everything is decided in SQL over indexes, so a register of 100,000 agreements answers
 * a filter as fast as one of a hundred; only the Vietnamese order of titles and parties is
 * worked out in code, once per change of the database (order.ts).
 */
import { sql, type SqlBool, type Expression, type SelectQueryBuilder } from 'kysely'
import type { AgreementListInput, AgreementRow } from '../../shared/domain/agreements.ts'
import { agreementListInput } from '../../shared/domain/agreements.ts'
import { AGREEMENT_KINDS, agreementKinds, agreementStatuses } from '../../shared/domain/labels.ts'
import { compareVi } from '../../shared/text/collate.ts'
import type { Db } from '../context.ts'
import type { DB } from '../db/schema.ts'
import { matchesText } from '../search/match.ts'
import { agreementRows } from './queries.ts'
import { AgreementOrder } from './order.ts'
import { effectiveStatusSql } from './status-sql.ts'

type Filter = ReturnType<typeof agreementListInput.parse>
type Query = SelectQueryBuilder<DB, 'agreement', { id: string }>

/** The units a locality succeeded (Hà Nam for Ninh Bình): their agreements are its history. */
async function partnerCondition(db: Db, partnerId: string): Promise<Expression<SqlBool>> {
  const locality = await db.selectFrom('locality').select('id').where('id', '=', partnerId).executeTakeFirst()
  if (!locality) return sql<SqlBool>`agreement.id IN (SELECT agreement_id FROM agreement_party WHERE organization_id = ${partnerId})`
  const predecessors = await db.selectFrom('localityLineage').select('predecessorId').where('successorId', '=', partnerId).execute()
  const ids = [partnerId, ...predecessors.map((p) => p.predecessorId)]
  return sql<SqlBool>`agreement.id IN (SELECT agreement_id FROM agreement_party WHERE locality_id IN (${sql.join(ids)}))`
}

async function filtered(db: Db, f: Filter, today: string): Promise<Query> {
  let q: Query = db.selectFrom('agreement').select('agreement.id')
  if (f.kind) q = q.where('agreement.kind', '=', f.kind)
  if (f.status) q = q.where(sql<SqlBool>`${effectiveStatusSql(today, 'agreement.')} = ${f.status}`)
  if (f.year) q = q.where('agreement.signedDate', '>=', `${f.year}-01-01`).where('agreement.signedDate', '<=', `${f.year}-12-31`)
  if (f.sector) {
    const sector = f.sector
    q = q.where('agreement.id', 'in', db.selectFrom('agreementSector').select('agreementId').where('sectorCode', '=', sector))
  }
  if (f.partnerId) q = q.where(await partnerCondition(db, f.partnerId))
  const words = f.q ? matchesText(f.q, 'agreement', 'agreement.id', 'agreement.title_ja') : null
  if (words) q = q.where(words)
  return q
}

/** Kinds in the alphabetical order of their labels in `lang`. */
function kindRank(lang: 'vi' | 'en') {
  const order = [...agreementKinds].sort((a, b) => (lang === 'vi' ? compareVi(AGREEMENT_KINDS[a].vi, AGREEMENT_KINDS[b].vi) : AGREEMENT_KINDS[a].en.localeCompare(AGREEMENT_KINDS[b].en, 'en')))
  return sql`(CASE agreement.kind ${sql.join(order.map((k, i) => sql`WHEN ${k} THEN ${i}`), sql` `)} ELSE ${order.length} END)`
}

/** Statuses in the order an agreement lives them: proposed … terminated. */
const statusRank = (today: string) =>
  sql`(CASE ${effectiveStatusSql(today, 'agreement.')} ${sql.join(agreementStatuses.map((s, i) => sql`WHEN ${s} THEN ${i}`), sql` `)} END)`

/** A page in an order SQL can give: signed, valid, kind, status; empty values last either way. */
async function sqlPage(q: Query, f: Filter, today: string): Promise<string[]> {
  const desc = f.sort?.dir === 'desc'
  const dir = sql.raw(desc ? 'DESC' : 'ASC')
  let ordered = q
  switch (f.sort?.key ?? null) {
    case 'valid':
      ordered = q.orderBy(sql`agreement.valid_until IS NULL`).orderBy(sql`agreement.valid_until ${dir}`)
      break
    case 'kind':
      ordered = q.orderBy(sql`${kindRank(f.lang)} ${dir}`)
      break
    case 'status':
      ordered = q.orderBy(sql`${statusRank(today)} ${dir}`)
      break
    case 'signed':
      ordered = q.orderBy(sql`agreement.signed_date IS NULL`).orderBy(sql`agreement.signed_date ${dir}`)
      break
  }
  // Newest first within any other order, and as the register's own order.
  const rows = await ordered
    .orderBy('agreement.signedDate', (ob) => ob.desc().nullsLast())
    .orderBy('agreement.id', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute()
  return rows.map((r) => r.id)
}

const unfiltered = (f: Filter) => !f.kind && !f.status && !f.year && !f.sector && !f.partnerId && !(f.q && f.q.trim())

/** The years agreements were signed in, newest first: two index lookups. */
async function signedYears(db: Db): Promise<number[]> {
  const r = await db
    .selectFrom('agreement')
    .select((eb) => [eb.fn.min('signedDate').as('first'), eb.fn.max('signedDate').as('last')])
    .executeTakeFirst()
  if (!r?.first || !r.last) return []
  const [first, last] = [Number(r.first.slice(0, 4)), Number(r.last.slice(0, 4))]
  return Array.from({ length: last - first + 1 }, (_, i) => last - i)
}

export async function listAgreements(
  db: Db,
  input: AgreementListInput | undefined,
  today: string,
  order: AgreementOrder = new AgreementOrder(),
): Promise<{ total: number; rows: AgreementRow[]; years: number[] }> {
  const f = agreementListInput.parse(input ?? {})
  const q = await filtered(db, f, today)
  let total: number
  let page: string[]
  const key = f.sort?.key
  if (key === 'title' || key === 'parties') {
    // The whole register in Vietnamese order, narrowed to what passes the filters.
    const all = await order.ids(db, key)
    const passing = unfiltered(f) ? all : filterOrder(all, new Set((await q.execute()).map((r) => r.id)))
    const ordered = f.sort?.dir === 'desc' ? passing.toReversed() : passing
    total = ordered.length
    page = ordered.slice(f.offset, f.offset + f.limit)
  } else {
    const counted = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow()
    total = Number(counted.total)
    page = await sqlPage(q, f, today)
  }
  return { total, rows: await agreementRows(db, page, today), years: await signedYears(db) }
}

const filterOrder = (ids: string[], passing: Set<string>) => ids.filter((id) => passing.has(id))
