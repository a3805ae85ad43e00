/**
 * A pack applied on an office's register while a colleague edits one of its records
 * (issue 13). On a server the apply sees one snapshot (REPEATABLE READ): the colleague's
 * edit, committed while the apply waited for the record, fails that try, and the next try
 * sees the edit and reports the record as a conflict; nothing is lost. On a file the two
 * writes take turns, with the same outcome. Run on both databases.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordErrorBoth } from '../../../shared/messages/index.ts'
import { AppError } from '../../errors.ts'
import { updateRecord, write } from '../../records.ts'
import { twoOfficers, type Office } from '../../office-test-support.ts'
import { openTestCore, tempDir, testDialect, type TestCore } from '../../test-support.ts'
import { APPLY_TRIES, retried } from './merge.ts'
import { applyPackFile, exportPack } from './index.ts'

const HA_NAM_MOU = '01936d00-0000-7000-8000-000300000001'
let clock = new Date('2026-11-23T08:00:00Z')
const now = () => clock
const tick = () => (clock = new Date(clock.getTime() + 60_000))

let office: Office
let laptop: TestCore
beforeAll(async () => {
  office = await twoOfficers([{ now }, { now }])
  laptop = await openTestCore({ now, dir: tempDir() })
  await office.a.call('demo.load')
}, 60_000)
afterAll(async () => {
  await laptop.dispose()
  await office.dispose()
})

const packOf = async (core: TestCore) => {
  const path = join(tempDir(), 'pack.htpack')
  await exportPack(core.ctx, { kind: 'all' }, core.dir, path)
  return path
}
const summary = async (core: TestCore) => (await core.db.selectFrom('agreement').select('summary').where('id', '=', HA_NAM_MOU).executeTakeFirstOrThrow()).summary

/** Resolves once another session waits for a row lock on the server (a file's writers wait in the app instead). */
async function someoneWaits(): Promise<void> {
  if (testDialect !== 'postgres') return void (await sleep(300))
  const c = new pg.Client(office.url!)
  await c.connect()
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)
      if (rows[0].n > 0) return
      await sleep(50)
    }
  } finally {
    await c.end()
  }
}

describe('a pack applied while a colleague edits', () => {
  it("loses neither: the colleague's edit stays and the pack's version is a conflict", async () => {
    // The laptop has the office's register, and the office has heard from the laptop once.
    await applyPackFile(laptop.ctx, await packOf(office.a), laptop.dir)
    tick()
    expect((await applyPackFile(office.a.ctx, await packOf(laptop), office.a.dir)).conflicts).toEqual([])
    tick()
    // On the road, the laptop's officer edits the MOU's summary.
    await write(laptop.ctx, (trx) => updateRecord(trx, laptop.ctx, 'agreement', HA_NAM_MOU, { summary: 'Bản tóm tắt sửa trên máy xách tay' }))
    tick()
    const fromLaptop = await packOf(laptop)

    // The colleague's edit of the same record is in flight when the pack is applied.
    let applying: ReturnType<typeof applyPackFile> | undefined
    await write(office.b.ctx, async (trx) => {
      await updateRecord(trx, office.b.ctx, 'agreement', HA_NAM_MOU, { summary: 'Bản tóm tắt đồng nghiệp sửa tại cơ quan' })
      applying = applyPackFile(office.a.ctx, fromLaptop, office.a.dir)
      applying.catch(() => {})
      await someoneWaits()
    })
    const applied = await applying!
    expect(await summary(office.a)).toBe('Bản tóm tắt đồng nghiệp sửa tại cơ quan')
    expect(applied.conflicts.map((c) => [c.table, c.id, c.mine?.summary, c.theirs?.summary])).toEqual([
      ['agreement', HA_NAM_MOU, 'Bản tóm tắt đồng nghiệp sửa tại cơ quan', 'Bản tóm tắt sửa trên máy xách tay'],
    ])
  }, 120_000)

  it('gives up after a bounded number of tries, in words, having written nothing', async () => {
    let tries = 0
    const lost = Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' })
    const failing = () => {
      tries++
      return Promise.reject(lost)
    }
    const e = await retried(failing, (x) => (x as { code?: string }).code === '40001').catch((x: unknown) => x)
    expect(tries).toBe(APPLY_TRIES)
    expect(e).toBeInstanceOf(AppError)
    expect(wordErrorBoth((e as AppError).toApiError())).toMatch(/Đồng nghiệp đang sửa chính những bản ghi trong gói; đã thử nhập 4 lần/)
  })
})
