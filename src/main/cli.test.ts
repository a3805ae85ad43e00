import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from './cli.ts'
import { openTestCore, tempDir } from './test-support.ts'

const dir = tempDir()
const db = join(dir, 'demo.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(...args: string[]) {
  const lines: string[] = []
  const code = await main(args, (s) => lines.push(s))
  return { code, out: lines.join('\n') }
}

describe('cli', () => {
  it('loads the demo data, searches it and checks the file', async () => {
    expect((await run('--db', db, 'demo', 'load')).out).toMatch(/Đã nạp dữ liệu mẫu/)
    const search = async (q: string) => JSON.parse((await run('--db', db, 'search', q, '--json')).out) as Array<{ kind: string; title: string }>
    expect((await search('thanh hoa'))[0]).toMatchObject({ kind: 'locality', title: 'Thanh Hóa' })
    expect((await search('da nang'))[0]).toMatchObject({ title: 'Đà Nẵng' })
    expect((await search('山梨'))[0]).toMatchObject({ title: 'Yamanashi' })
    expect(await search('ha nam')).toContainEqual(expect.objectContaining({ kind: 'agreement' }))
    // Trips, programme items (with the trip they open in) and talking points.
    const trips = JSON.parse((await run('--db', db, 'trip', 'list', '--json')).out) as Array<{ id: string }>
    expect((await search('lam viec voi lanh dao tinh yamanashi'))[0]).toMatchObject({ kind: 'itineraryItem', title: 'Làm việc với lãnh đạo tỉnh Yamanashi', tripId: trips[0]!.id })
    const text = (await run('--db', db, 'search', 'lam viec voi lanh dao tinh yamanashi')).out.split('\n')
    expect(text[0]).toMatch(new RegExp(`^Mục chương trình  Làm việc với lãnh đạo tỉnh Yamanashi — .* \\(đoàn / trip ${trips[0]!.id}\\)$`))
    expect((await search('tiem nang loi the cua thanh hoa'))[0]).toMatchObject({ kind: 'snippet', title: 'Tiềm năng, lợi thế của Thanh Hóa' })
    const check = await run('--db', db, 'check')
    expect(check.code).toBe(0)
    expect(check.out).toMatch(/tốt/)
  })

  it('refuses a db from a newer version in check, without touching it', async () => {
    const future = join(dir, 'future.sqlite')
    const raw = new Database(future)
    raw.pragma('user_version = 999')
    raw.close()
    await expect(main(['--db', future, 'check'], () => {})).rejects.toMatchObject({ code: 'db_from_future' })
    const again = new Database(future, { readonly: true })
    expect(again.pragma('user_version', { simple: true })).toBe(999)
    again.close()
  })

  it('exports a trip brief and prints its warnings grouped by kind', async () => {
    const trips = JSON.parse((await run('--db', db, 'trip', 'list', '--json')).out) as Array<{ id: string }>
    const outPath = join(dir, 'brief.docx')
    const r = await run('--db', db, 'brief', 'export', '--trip', trips[0]!.id, '--out', outPath)
    expect(r.code).toBe(0)
    expect(existsSync(outPath)).toBe(true)
    expect(r.out).toMatch(/Đã xuất .*brief\.docx/)
    // Each kind once, named in both languages, with its count, its messages indented under it.
    const heads = r.out.split('\n').filter((l) => /^[!i] \S.* \/ \S.* \(\d+\)$/.test(l))
    expect(heads.length).toBeGreaterThan(0)
    expect(r.out).not.toMatch(/^[!i] [a-z_]+ \(/m)
    expect(new Set(heads).size).toBe(heads.length)
    const firstHead = r.out.split('\n').indexOf(heads[0]!)
    expect(r.out.split('\n')[firstHead + 1]).toMatch(/^    \S/)
  })

  it('shows the first few warnings of a kind and says how many more, all of them on request', async () => {
    const core = await openTestCore({ dbPath: db })
    const trip = (await core.call('trips.create', { title: 'Đoàn dự diễn đàn', startDate: '2027-03-12', endDate: '2027-03-14', destinationIds: [], members: [] })).id
    // 13/03/2027 is a Saturday: seven meetings that day, seven lines of one kind.
    for (let k = 1; k <= 7; k++) await core.call('itinerary.create', { tripId: trip, kind: 'meeting', title: `Cuộc gặp số ${k}`, start: `2027-03-13T0${k + 1}:00`, counterparts: [] })
    await core.close()
    const outPath = join(dir, 'forum.docx')
    const lines = (await run('--db', db, 'brief', 'export', '--trip', trip, '--out', outPath)).out.split('\n')
    const head = lines.indexOf('i Làm việc vào cuối tuần / Meetings at a weekend (7)')
    expect(head).toBeGreaterThanOrEqual(0)
    expect(lines.slice(head + 1, head + 6).every((l) => /^    “Cuộc gặp số \d” vào 13\/03\/2027, ngày cuối tuần/.test(l))).toBe(true)
    expect(lines[head + 6]).toBe('    … và 2 mục khác (--all-warnings để xem hết) / 2 more (--all-warnings shows them all)')
    expect(lines.filter((l) => l.includes('Cuộc gặp số'))).toHaveLength(5)
    const all = (await run('--db', db, 'brief', 'export', '--trip', trip, '--out', outPath, '--all-warnings')).out.split('\n')
    expect(all.filter((l) => l.includes('Cuộc gặp số'))).toHaveLength(7)
    expect(all.join('\n')).not.toContain('mục khác')
    expect(existsSync(outPath)).toBe(true)
  })

  it('prints its usage for an unknown command', async () => {
    await expect(main(['frobnicate'], () => {})).rejects.toThrow(/Lệnh không hợp lệ/)
  })
})
