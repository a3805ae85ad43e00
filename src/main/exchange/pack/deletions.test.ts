/**
 * Deletions travel: a record deleted on one laptop does not come back with the next pack,
 * and a deletion meeting an edit made elsewhere is a conflict, never resolved silently.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { analyzePackFile, applyPackFile, exportPack, packView, type Choices } from './index.ts'

const HA_NAM_MOU = '01936d00-0000-7000-8000-000300000001'
const TH_YAMANASHI = '01936d00-0000-7000-8000-000300000002'

let a: TestCore
let b: TestCore
let clock = new Date('2026-11-23T08:00:00Z')
const now = () => clock
const tick = () => (clock = new Date(clock.getTime() + 60_000))
beforeEach(async () => {
  a = await openTestCore({ now })
  b = await openTestCore({ now })
  await a.call('demo.load')
  tick()
  // b has everything a has, from an earlier exchange.
  await move(a, b)
  tick()
  // Two registers and a whole pack between them: on a server, beyond the default ten seconds.
}, 30_000)
afterEach(async () => {
  await a.dispose()
  await b.dispose()
})

async function pack(from: TestCore): Promise<string> {
  const path = join(tempDir(), 'pack.htpack')
  await exportPack(from.ctx, { kind: 'all' }, from.dir, path)
  return path
}
async function move(from: TestCore, to: TestCore, choices: Choices = {}) {
  const r = await applyPackFile(to.ctx, await pack(from), to.dir, choices)
  tick()
  return r
}
const has = async (core: TestCore, id: string) => !!(await core.db.selectFrom('agreement').select('id').where('id', '=', id).executeTakeFirst())
async function retitle(core: TestCore, id: string, titleVi: string) {
  const x = await core.call('agreements.get', { id })
  await core.call('agreements.update', {
    id,
    kind: x.kind,
    titleVi,
    status: x.status,
    summary: x.summary,
    sources: x.sources,
    sectors: x.sectors,
    parties: x.parties.map((p) => ({ side: p.side, localityId: p.localityId, organizationId: p.organizationId })),
  })
}

describe('deletions in packs', () => {
  it('delete here what was deleted there and not edited here, with its commitments, audited under the pack', async () => {
    const commitments = (await b.call('agreements.get', { id: TH_YAMANASHI })).commitments.map((c) => c.id)
    expect(commitments.length).toBeGreaterThan(0)
    await a.call('agreements.delete', { id: TH_YAMANASHI })
    tick()
    const path = await pack(a)
    const preview = await analyzePackFile(b.ctx, path, b.dir)
    expect(preview).toMatchObject({ deleted: 1 + commitments.length, conflicts: [] })
    const r = await applyPackFile(b.ctx, path, b.dir, {}, 'Goi-cua-A.htpack')
    expect(r.deleted).toBe(1 + commitments.length)
    expect(await has(b, TH_YAMANASHI)).toBe(false)
    expect(await b.db.selectFrom('commitment').select('id').where('id', 'in', commitments).execute()).toEqual([])
    expect((await b.call('search.query', { q: 'van ban hop tac chinh thuc' })).map((h) => h.id)).not.toContain(TH_YAMANASHI)
    // The audit log says which pack, and which records.
    const event = await b.db.selectFrom('auditLog').selectAll().where('entity', '=', 'pack').orderBy('at', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(event.after!)).toMatchObject({ fileName: 'Goi-cua-A.htpack', exportedBy: a.ctx.actor })
    const rows = await b.db.selectFrom('auditLog').select(['entity', 'entityId', 'action']).where('source', '=', `pack:${event.id}`).execute()
    expect(rows).toEqual(expect.arrayContaining([{ entity: 'agreement', entityId: TH_YAMANASHI, action: 'delete' }, ...commitments.map((id) => ({ entity: 'commitment', entityId: id, action: 'delete' }))]))
    // And the window's change log reads so.
    const log = await b.call('audit.list')
    expect(log.find((e) => e.id === event.id)).toMatchObject({ entity: 'pack', action: 'import', detail: `Goi-cua-A.htpack · ${a.ctx.actor}` })
    expect(log.find((e) => e.entityId === TH_YAMANASHI && e.action === 'delete')).toMatchObject({ source: `pack:${event.id}` })
    // The deletion is b's now too, and keeps its author.
    expect(await b.db.selectFrom('tombstone').select(['deletedBy', 'origin']).where('id', '=', TH_YAMANASHI).executeTakeFirst()).toEqual({ deletedBy: a.ctx.actor, origin: a.ctx.origin })
  })

  it('does not bring back what was deleted here, when nothing changed there', async () => {
    await b.call('agreements.delete', { id: HA_NAM_MOU })
    tick()
    const r = await move(a, b)
    expect(r.created).toBe(0)
    expect(r.conflicts).toEqual([])
    expect(await has(b, HA_NAM_MOU)).toBe(false)
  })

  it('shows "deleted there, edited here" side by side, and keeps or deletes as the officer chooses', async () => {
    await a.call('agreements.delete', { id: TH_YAMANASHI })
    await retitle(b, TH_YAMANASHI, 'Tên máy B sửa sau lần trao đổi')
    tick()
    const path = await pack(a)
    const preview = await analyzePackFile(b.ctx, path, b.dir)
    const conflict = preview.conflicts.find((c) => c.id === TH_YAMANASHI)!
    expect(conflict).toMatchObject({ table: 'agreement', theirs: null, mine: { titleVi: 'Tên máy B sửa sau lần trao đổi' } })
    const view = packView('t', 'x.htpack', preview).conflicts.find((c) => c.key === conflict.key)!
    expect(view.deletedBy).toBe('theirs')
    expect(view.fields).toContainEqual(['titleVi', 'Tên máy B sửa sau lần trao đổi', ''])
    // Kept: nothing is deleted silently.
    await applyPackFile(b.ctx, path, b.dir)
    expect(await has(b, TH_YAMANASHI)).toBe(true)
    // The officer takes the deletion.
    const r = await applyPackFile(b.ctx, path, b.dir, { [conflict.key]: 'theirs' })
    expect(r.resolvedTheirs).toBeGreaterThanOrEqual(1)
    expect(await has(b, TH_YAMANASHI)).toBe(false)
  })

  it('shows "deleted here, edited there", and brings it back only when chosen', async () => {
    await b.call('agreements.delete', { id: HA_NAM_MOU })
    await retitle(a, HA_NAM_MOU, 'Bản ghi nhớ, tên mới của máy A')
    tick()
    const path = await pack(a)
    const preview = await analyzePackFile(b.ctx, path, b.dir)
    const conflict = preview.conflicts.find((c) => c.id === HA_NAM_MOU)!
    expect(conflict).toMatchObject({ mine: null, theirs: { titleVi: 'Bản ghi nhớ, tên mới của máy A' } })
    await applyPackFile(b.ctx, path, b.dir)
    expect(await has(b, HA_NAM_MOU)).toBe(false)
    await applyPackFile(b.ctx, path, b.dir, { [conflict.key]: 'theirs' })
    const back = await b.call('agreements.get', { id: HA_NAM_MOU })
    expect(back.titleVi).toBe('Bản ghi nhớ, tên mới của máy A')
    expect(back.parties).toHaveLength(2)
    expect(await b.db.selectFrom('tombstone').select('id').where('id', '=', HA_NAM_MOU).execute()).toEqual([])
  })

  it('carries a deletion on to a third laptop', async () => {
    const c = await openTestCore({ now })
    try {
      await move(a, c)
      await a.call('agreements.delete', { id: TH_YAMANASHI })
      tick()
      await move(a, b)
      expect(await has(c, TH_YAMANASHI)).toBe(true)
      await move(b, c)
      expect(await has(c, TH_YAMANASHI)).toBe(false)
    } finally {
      await c.dispose()
    }
  })

  it('keeps a deleted partner that a record made here still uses', async () => {
    const { id: localityId } = await a.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Kofu' })
    tick()
    await move(a, b)
    await b.call('organizations.create', { kind: 'company', nameVi: 'Công ty ở Kofu', country: 'JP', localityId })
    await a.call('localities.delete', { id: localityId })
    tick()
    const r = await move(a, b)
    expect(r.deleted).toBe(0)
    expect(await b.db.selectFrom('locality').select('id').where('id', '=', localityId).executeTakeFirst()).toBeTruthy()
  })
})
