/**
 * The sample data pack ("Nạp dữ liệu mẫu"), written from the seed articles. Every record
 * passes the same contract schemas as a form would, and the whole pack is written in one
 * transaction: all of it or none. Records keep their ids, so loading twice adds nothing.
 * References to reference data are written "ref:<ref_key>" in the pack. `removeDemo`
 * (remove.ts) takes it back.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { agreementInput, commitmentInput } from '../../shared/domain/agreements.ts'
import { id, optionalText } from '../../shared/domain/common.ts'
import { engagementInput } from '../../shared/domain/engagements.ts'
import { factInput, organizationInput, personInput } from '../../shared/domain/partners.ts'
import { itemInput, snippetInput, tripInput } from '../../shared/domain/trips.ts'
import { insertItem, insertSnippet, insertTrip } from '../trips/queries.ts'
import { insertAgreement, insertCommitment } from '../agreements/queries.ts'
import type { Ctx, Db } from '../context.ts'
import { insertEngagement } from '../engagements/queries.ts'
import { AppError } from '../errors.ts'
import { insertFact, insertOrganization, insertPerson } from '../partners/queries.ts'
import { auditEvent, updateRecord, write } from '../records.ts'
import { toDetails } from '../api/dispatcher.ts'

const withId = <T extends z.ZodType>(schema: T) => z.intersection(z.object({ id: id() }), schema)

const demoPack = z.object({
  format: z.literal('hanh-trang-demo'),
  version: z.literal(1),
  localityNotes: z.array(z.object({ locality: id(), notes: optionalText(), industries: optionalText(), source: optionalText() })),
  organizations: z.array(withId(organizationInput)),
  people: z.array(withId(personInput)),
  agreements: z.array(withId(agreementInput)),
  commitments: z.array(withId(commitmentInput)),
  engagements: z.array(withId(engagementInput)),
  facts: z.array(withId(factInput)),
  trips: z.array(withId(tripInput)).default([]),
  itinerary: z.array(withId(itemInput)).default([]),
  snippets: z.array(withId(snippetInput)).default([]),
  /** Commitments arising from the sample trip's meetings (issue 14), written after its items. */
  itemCommitments: z.array(withId(commitmentInput)).default([]),
})

/** Replaces "ref:<ref_key>" strings with the ids of the reference records. */
async function resolveRefs(db: Db, value: unknown): Promise<unknown> {
  const keys = new Map<string, string>()
  for (const table of ['locality', 'organization'] as const) {
    for (const r of await db.selectFrom(table).select(['id', 'refKey']).where('refKey', 'is not', null).execute()) {
      keys.set(`ref:${r.refKey}`, r.id)
    }
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith('ref:')) {
      const resolved = keys.get(v)
      if (!resolved) throw new AppError('demo_unknown_reference', { ref: v })
      return resolved
    }
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value)
}

export type DemoPack = z.output<typeof demoPack>

/** The sample pack, its references resolved against this db and checked as a form's input would be. */
export async function readDemoPack(db: Db, resourcesDir: string): Promise<DemoPack> {
  const raw = JSON.parse(readFileSync(join(resourcesDir, 'demo', 'demo-pack.json'), 'utf8')) as unknown
  const parsed = demoPack.safeParse(await resolveRefs(db, raw))
  if (!parsed.success) {
    throw new AppError('demo_invalid', {}, { details: toDetails(parsed.error) })
  }
  return parsed.data
}

/** The note a reference locality gains from the articles ("… (Nguồn: …)"). */
export const localityNote = (n: DemoPack['localityNotes'][number]) => (n.notes && n.source ? `${n.notes} (Nguồn: ${n.source})` : n.notes)

/** The audit source of the rows a sample load (or its undoing) wrote: "demo:<event id>". */
export const demoSource = (event: string) => `demo:${event}`

/**
 * Loads the sample pack. The load is one event of the audit log ("demo" / "load"), and
 * every record it writes carries that event as its source, so the change log shows the
 * load as one line and `removeDemo` can take back exactly what it added.
 */
export async function loadDemo(ctx: Ctx, resourcesDir: string): Promise<{ created: number; skipped: number }> {
  return write(ctx, async (trx) => {
    const pack = await readDemoPack(trx, resourcesDir)
    const event = await auditEvent(trx, ctx, 'demo', 'load', { fileName: 'demo-pack.json' })
    const demoCtx: Ctx = { ...ctx, source: demoSource(event) }
    let created = 0
    let skipped = 0
    type Table = 'organization' | 'person' | 'agreement' | 'commitment' | 'engagement' | 'fact' | 'trip' | 'itineraryItem' | 'snippet'
    const exists = async (table: Table, recordId: string) =>
      !!(await trx.selectFrom(table).select('id').where('id', '=', recordId).executeTakeFirst())
    const each = async <T extends { id: string }>(
      table: Table,
      items: T[],
      insert: (item: T) => Promise<unknown>,
    ) => {
      for (const item of items) {
        if (await exists(table, item.id)) {
          skipped++
          continue
        }
        await insert(item)
        created++
      }
    }
    // Profiles of reference localities gain what the articles say, where still empty.
    for (const n of pack.localityNotes) {
      const l = await trx.selectFrom('locality').select(['notes', 'industries']).where('id', '=', n.locality).executeTakeFirstOrThrow()
      const note = localityNote(n)
      const changes = {
        ...(!l.notes && note && { notes: note }),
        ...(!l.industries && n.industries && { industries: n.industries }),
      }
      if (Object.keys(changes).length) {
        await updateRecord(trx, demoCtx, 'locality', n.locality, changes)
      }
    }
    await each('organization', pack.organizations, ({ id: fixed, ...o }) => insertOrganization(trx, demoCtx, o, fixed))
    await each('person', pack.people, ({ id: fixed, ...p }) => insertPerson(trx, demoCtx, p, fixed))
    await each('agreement', pack.agreements, ({ id: fixed, ...a }) => insertAgreement(trx, demoCtx, a, fixed))
    await each('commitment', pack.commitments, ({ id: fixed, ...c }) => insertCommitment(trx, demoCtx, c, fixed))
    await each('engagement', pack.engagements, ({ id: fixed, ...e }) => insertEngagement(trx, demoCtx, e, fixed))
    await each('fact', pack.facts, ({ id: fixed, ...f }) => insertFact(trx, demoCtx, f, fixed))
    await each('trip', pack.trips, ({ id: fixed, ...t }) => insertTrip(trx, demoCtx, t, fixed))
    await each('itineraryItem', pack.itinerary, ({ id: fixed, ...i }) => insertItem(trx, demoCtx, i, fixed))
    await each('snippet', pack.snippets, ({ id: fixed, ...s }) => insertSnippet(trx, demoCtx, s, fixed))
    await each('commitment', pack.itemCommitments, ({ id: fixed, ...c }) => insertCommitment(trx, demoCtx, c, fixed))
    // The approval request's sample rate table, legal bases and the sample trip's request (issue 14).
    created += await (await import('../documents/approval/sample.ts')).loadSampleApproval(trx, demoCtx)
    await trx
      .insertInto('appMeta')
      .values({ key: 'demo_loaded_at', value: ctx.now() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: ctx.now() }))
      .execute()
    return { created, skipped }
  })
}
