/**
 * The office server's administration, on a real PostgreSQL (the suite's PostgreSQL half):
 * `server init` and `add-officer`, an officer's writes signed with their login, a viewer's
 * refused by the server itself, and a server the app cannot reach.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import type { ApiError } from '../shared/result.ts'
import { wordErrorBoth } from '../shared/messages/index.ts'
import { main } from './cli.ts'
import { openCore, type Core } from './core.ts'
import { RESOURCES, serverDatabase, testServer, tempDir, type ServerDatabase } from './test-support.ts'
import { join } from 'node:path'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

const run = async (...args: string[]) => {
  const lines: string[] = []
  const code = await main(args, (s) => lines.push(s))
  return { code, out: lines.join('\n') }
}

const as = (url: string, login: string, password: string) => {
  const u = new URL(url)
  u.username = login
  u.password = password
  return u.toString()
}

async function open(url: string): Promise<Core> {
  const core = await openCore({ dbPath: join(tempDir(), 'unused.sqlite'), databaseUrl: url, resourcesDir: RESOURCES, log: () => {} })
  cleanups.push(() => core.close())
  return core
}

describe.skipIf(!testServer)('the office server', () => {
  let db: ServerDatabase
  const suffix = Math.random().toString(36).slice(2, 8)
  const officer = `lan_${suffix}`
  const viewer = `minh_${suffix}`

  it('is set up by `server init`: schema, reference data, roles; then officers are added', async () => {
    db = await serverDatabase(true)
    cleanups.push(async () => {
      await db.drop()
      const c = new pg.Client(testServer)
      await c.connect()
      for (const r of [officer, viewer]) await c.query(`DROP ROLE IF EXISTS ${r}`)
      await c.end()
    })
    const place = ['--db', join(tempDir(), 'unused.sqlite'), '--server', db.url]
    const init = await run(...place, 'server', 'init')
    expect(init.code).toBe(0)
    expect(init.out).toMatch(/Đã khởi tạo sổ đăng ký trên máy chủ .* hanh_trang_officer/)
    // Run again, it changes nothing and says so again.
    expect((await run(...place, 'server', 'init')).code).toBe(0)

    const added = await run(...place, 'server', 'add-officer', officer)
    expect(added.out).toMatch(new RegExp(`Đã tạo tài khoản ${officer} \\(hanh_trang_officer\\)`))
    expect((await run(...place, 'server', 'add-officer', viewer, '--viewer')).out).toMatch(/hanh_trang_viewer/)
    await expect(run(...place, 'server', 'add-officer', officer)).rejects.toMatchObject({ code: 'conflict' })
    await expect(run(...place, 'server', 'add-officer', 'Nguyễn Lan')).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it("signs an officer's writes with their login, in the record and the audit log", async () => {
    const core = await open(as(db.url, officer, 'unused-with-trust-auth'))
    const created = await core.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Thành phố Kofu' })
    const { id } = (created as { ok: true; value: { id: string } }).value
    const row = await core.db.selectFrom('locality').select('updatedBy').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.updatedBy).toBe(officer)
    const audit = await core.db.selectFrom('auditLog').select('actor').where('entityId', '=', id).execute()
    expect(audit).toEqual([{ actor: officer }])
  })

  it("refuses a viewer's write at the server, in the officer's words, and changes nothing", async () => {
    const core = await open(as(db.url, viewer, 'unused-with-trust-auth'))
    const before = await core.dispatch('app.info', undefined)
    expect(before.ok).toBe(true)
    const r = await core.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Thành phố Fuefuki' })
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only', reason: 'server_viewer' } })
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM locality WHERE name_vi = 'Thành phố Fuefuki'`.execute(core.db)
    expect(rows[0]!.n).toBe(0)
  })

  it("merges a laptop's register in by the rules of a pack: `server import FILE.sqlite`", async () => {
    const laptopDir = tempDir()
    const laptop = await openCore({ dbPath: join(laptopDir, 'laptop.sqlite'), resourcesDir: RESOURCES, log: () => {} })
    expect((await laptop.dispatch('demo.load', undefined)).ok).toBe(true)
    const trips = (await laptop.dispatch('trips.list', undefined)) as { ok: true; value: Array<{ id: string; title: string }> }
    await laptop.close()
    const r = await run('--db', join(tempDir(), 'unused.sqlite'), '--server', db.url, 'server', 'import', join(laptopDir, 'laptop.sqlite'))
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Đã nhập sổ đăng ký .* vào máy chủ: \d+ mới/)
    const server = await open(db.url)
    const onServer = (await server.dispatch('trips.list', undefined)) as { ok: true; value: Array<{ id: string; title: string }> }
    expect(onServer.value.map((t) => t.id).sort()).toEqual(trips.value.map((t) => t.id).sort())
    // Run again, nothing is new.
    expect((await run('--db', join(tempDir(), 'unused.sqlite'), '--server', db.url, 'server', 'import', join(laptopDir, 'laptop.sqlite'))).out).toMatch(/: 0 mới/)
  })

  it('waits a moment for a server with no connection left, then says it is busy', async () => {
    const login = `hoa_${suffix}`
    await run('--db', join(tempDir(), 'unused.sqlite'), '--server', db.url, 'server', 'add-officer', login)
    const core = await open(as(db.url, login, 'unused-with-trust-auth'))
    expect((await core.dispatch('agreements.list', {})).ok).toBe(true)
    const admin = new pg.Client(testServer)
    await admin.connect()
    const connections = async () => (await admin.query<{ n: number; listening: number }>("SELECT count(*)::int AS n, count(*) FILTER (WHERE query LIKE 'LISTEN%')::int AS listening FROM pg_stat_activity WHERE usename = $1", [login])).rows[0]!
    // The app's connection for its colleagues' changes is opened beside the pool, once it has started.
    for (let i = 0; i < 100 && (await connections()).listening === 0; i++) await new Promise((r) => setTimeout(r, 20))
    const held: pg.Client[] = []
    const hold = async () => {
      const c = new pg.Client(as(db.url, login, 'unused-with-trust-auth'))
      await c.connect()
      held.push(c)
      return c
    }
    /** Some (or all) of the app's idle connections end (the server restarts them, say), and colleagues' apps take every free place. */
    const colleaguesTakePlaces = async (places: number | 'all') => {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND application_name = 'hanh-trang' AND state = 'idle' ${places === 'all' ? '' : `LIMIT ${places}`}`, [login])
      const taken: pg.Client[] = []
      for (;;) {
        try {
          taken.push(await hold())
        } catch (e) {
          if ((e as { code?: string }).code !== '53300') throw e
          return taken
        }
      }
    }
    try {
      // The login may have as many connections as the app holds now, no more.
      await admin.query(`ALTER ROLE ${login} CONNECTION LIMIT ${(await connections()).n}`)
      const colleagues = await colleaguesTakePlaces(1)
      expect(colleagues).toHaveLength(1)
      // The calls wait, and go through once the colleague leaves.
      const t = performance.now()
      const [calls] = await Promise.all([Promise.all([1, 2, 3, 4].map(() => core.dispatch('agreements.list', {}))), new Promise((r) => setTimeout(() => void colleagues[0]!.end().then(r), 400))])
      expect(calls.map((r) => r.ok)).toEqual([true, true, true, true])
      expect(performance.now() - t).toBeGreaterThan(350)
      // Colleagues who stay, in every place the app had: past the wait the officer reads that the server is busy.
      await colleaguesTakePlaces('all')
      const busy = await Promise.all([1, 2, 3, 4].map(() => core.dispatch('agreements.list', {})))
      const refused = busy.filter((r) => !r.ok)
      expect(refused.length).toBeGreaterThan(0)
      expect(refused[0]).toMatchObject({ ok: false, error: { code: 'busy', reason: 'server_busy' } })
      expect(wordErrorBoth((refused[0] as { error: ApiError }).error)).toMatch(/đang hết chỗ cho kết nối mới.*max_connections/)
    } finally {
      for (const c of held) await c.end().catch(() => {})
      await core.close()
      await admin.query(`DROP OWNED BY ${login}`)
      await admin.query(`DROP ROLE ${login}`)
      await admin.end()
    }
  }, 30_000)

  it('says when the server cannot be reached', async () => {
    const u = new URL(db.url)
    u.port = '1'
    await expect(open(u.toString())).rejects.toMatchObject({ code: 'server_unreachable', message: expect.stringMatching(/Không kết nối được máy chủ 127.0.0.1:1/) })
  })
})
