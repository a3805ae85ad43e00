/**
 * The change log as Settings shows it: each row with the name of its record (from the
 * audit row itself, so a deleted record keeps its name) and the record to open, if it is
 * still there. A sample-data load (or its undoing) is one line with the number of records
 * it wrote (`event` lists them); a record's own history (`entityId`) lists every row.
 */
import { sql } from 'kysely'
import type { AuditEntry, AuditRecordKind } from '../../shared/contract.ts'
import { recordName } from '../attention/queries.ts'
import type { Db } from '../context.ts'

const LIMIT = 200

const parse = (json: string | null): Record<string, unknown> => {
  if (!json) return {}
  try {
    const v = JSON.parse(json) as unknown
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Rows that are events, not one record's change: their line says what happened, not a record's name. */
const EVENTS = new Set(['pack', 'database', 'demo', 'settings'])

/** What an event of the change log came from: a pack's file and sender, a restored backup; the settings changed. */
function eventDetail(entity: string, after: string | null): string | null {
  if (entity === 'settings') return Object.keys(parse(after)).join(',') || null
  if (!after || (entity !== 'pack' && entity !== 'database')) return null
  try {
    const d = JSON.parse(after) as { fileName?: string; exportedBy?: string; from?: string | null }
    return [d.fileName ?? d.from, d.exportedBy].filter(Boolean).join(' · ') || null
  } catch {
    return null
  }
}

/** Audit entities (the tables' Kysely names) whose records have a page of their own. */
const OWN_PAGE: Record<string, AuditRecordKind> = {
  agreement: 'agreement',
  locality: 'locality',
  organization: 'organization',
  person: 'person',
  engagement: 'engagement',
  trip: 'trip',
  snippet: 'snippet',
}
const TABLE: Record<AuditRecordKind, 'agreement' | 'locality' | 'organization' | 'person' | 'engagement' | 'trip' | 'snippet'> = {
  agreement: 'agreement',
  locality: 'locality',
  organization: 'organization',
  person: 'person',
  engagement: 'engagement',
  trip: 'trip',
  brief: 'trip',
  snippet: 'snippet',
}

/** The page that shows a changed record: its own, or its parent's (a commitment's agreement, an item's trip). */
function target(entity: string, entityId: string, row: Record<string, unknown>): { kind: AuditRecordKind; id: string } | null {
  const own = OWN_PAGE[entity]
  if (own) return { kind: own, id: entityId }
  const ref = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : null)
  const of = (kind: AuditRecordKind, id: string | null) => (id ? { kind, id } : null)
  switch (entity) {
    case 'commitment':
      return of('agreement', ref('agreementId'))
    case 'itineraryItem':
      return of('trip', ref('tripId'))
    case 'brief':
      return of('brief', ref('tripId'))
    case 'fact':
      return of('locality', ref('localityId') ?? ref('partnerLocalityId'))
    case 'attachment':
      return ref('entity') === 'agreement' || ref('entity') === 'person' ? of(ref('entity') as AuditRecordKind, ref('entityId')) : null
    default:
      return null
  }
}

export async function listAudit(db: Db, input: { entityId?: string | undefined; event?: string | undefined } | undefined): Promise<AuditEntry[]> {
  let q = db.selectFrom('auditLog').select(['id', 'entity', 'entityId', 'action', 'at', 'actor', 'source', 'before', 'after'])
  if (input?.entityId) q = q.where('entityId', '=', input.entityId)
  // The rows one sample load (or removal) wrote: its line unfolded.
  else if (input?.event) q = q.where('source', '=', `demo:${input.event}`)
  // The rows of a sample load are folded into its event's line.
  else q = q.where((eb) => eb.or([eb('source', 'is', null), eb('source', 'not like', 'demo:%')]))
  const rows = await q.orderBy('at', 'desc').orderBy(sql`rowid`, 'desc').limit(LIMIT).execute()

  const events = rows.filter((r) => r.entity === 'demo').map((r) => `demo:${r.id}`)
  const counts = new Map<string, number>()
  if (events.length && !input?.entityId && !input?.event) {
    const n = await db
      .selectFrom('auditLog')
      .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
      .where('source', 'in', events)
      .groupBy('source')
      .execute()
    for (const r of n) counts.set(r.source!, Number(r.n))
  }

  const entries = rows.map(({ before, after, ...r }) => {
    const record = r.action === 'delete' ? null : target(r.entity, r.entityId, parse(after ?? before))
    return {
      ...r,
      name: EVENTS.has(r.entity) ? null : recordName(after ?? before),
      detail: eventDetail(r.entity, after),
      record,
      count: r.entity === 'demo' ? (counts.get(`demo:${r.id}`) ?? 0) : null,
    }
  })
  // Only records still there can be opened.
  const existing = new Set<string>()
  for (const table of new Set(Object.values(TABLE))) {
    const ids = [...new Set(entries.flatMap((e) => (e.record && TABLE[e.record.kind] === table ? [e.record.id] : [])))]
    if (ids.length) for (const r of await db.selectFrom(table).select('id').where('id', 'in', ids).execute()) existing.add(r.id)
  }
  return entries.map((e) => ({ ...e, record: e.record && existing.has(e.record.id) ? e.record : null }))
}
