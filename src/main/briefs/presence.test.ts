/**
 * "Đang mở cùng lúc": two officers with the same brief open see each other (issue 13), on
 * a server (two logins) and on a file (two windows); a page that left, or has not been
 * heard from for 45 s, is no longer shown; and a heartbeat is no change of the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialectOf } from '../db/dialect/index.ts'
import { join } from 'node:path'
import pg from 'pg'
import { openCore } from '../core.ts'
import { addOfficer, initServerRoles } from '../db/dialect/postgres/roles.ts'
import { RESOURCES, tempDir, testDialect, testServer } from '../test-support.ts'
import { twoOfficers, type Office } from '../office-test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const OTHER_TRIP = '01936d00-0000-7000-8000-0007000000ff'
let clock = new Date('2026-12-02T02:00:00Z')
const now = () => clock
const later = (s: number) => (clock = new Date(clock.getTime() + s * 1000))

let office: Office
beforeAll(async () => {
  office = await twoOfficers([{ now }, { now }])
}, 60_000)
afterAll(() => office.dispose())

const beat = (core: Office['a'], session: string, tripId = TRIP) => core.call('briefs.presence', { tripId, session })

describe('who else has the brief open', () => {
  it('two officers see each other, each not themselves; a page that leaves or goes quiet is dropped', async () => {
    const [lan, minh] = office.logins
    const mark = () => dialectOf(office.a.db).changeMark(office.a.db)
    const before = await mark()
    expect(await beat(office.a, 'page-lan-0001')).toEqual([])
    later(5)
    expect(await beat(office.b, 'page-minh-0001')).toEqual([{ login: lan, seenAt: '2026-12-02T02:00:00.000Z', sameOfficer: false }])
    later(10)
    expect(await beat(office.a, 'page-lan-0001')).toEqual([{ login: minh, seenAt: '2026-12-02T02:00:05.000Z', sameOfficer: false }])
    // Another brief is another room.
    expect(await beat(office.b, 'page-minh-0002', OTHER_TRIP)).toEqual([])
    // The officer's own second window is named as such.
    expect(await beat(office.a, 'page-lan-0002')).toEqual([
      { login: lan, seenAt: '2026-12-02T02:00:15.000Z', sameOfficer: true },
      { login: minh, seenAt: '2026-12-02T02:00:05.000Z', sameOfficer: false },
    ])
    await office.a.call('briefs.presence', { tripId: TRIP, session: 'page-lan-0002', leave: true })
    // Minh's page has been quiet for 46 s: gone.
    later(36)
    expect(await beat(office.a, 'page-lan-0001')).toEqual([])
    expect(await beat(office.b, 'page-minh-0001')).toEqual([{ login: lan, seenAt: '2026-12-02T02:00:51.000Z', sameOfficer: false }])
    // Heartbeats are not records: nothing audited, no change for the windows to refresh.
    expect(await mark()).toBe(before)
    expect(await office.a.db.selectFrom('auditLog').select('id').where('entity', '=', 'presence').execute()).toEqual([])
  })

  it('refuses a session that could name a path, in words, and records nothing', async () => {
    const r = await office.a.dispatch('briefs.presence', { tripId: TRIP, session: '../../hanh-trang' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it.skipIf(testDialect !== 'postgres')('a viewer reading the brief is seen by the officers, though the viewer may write nothing else', async () => {
    // The administrator adds a viewer to the office's server and grants again, as `server init` does.
    const admin = new URL(testServer!)
    admin.pathname = new URL(office.url!).pathname
    const viewer = `xem_${Math.random().toString(36).slice(2, 8)}`
    const root = await openCore({ dbPath: join(tempDir(), 'admin.sqlite'), databaseUrl: admin.toString(), resourcesDir: RESOURCES, log: () => {} })
    try {
      await initServerRoles(root.db)
      await addOfficer(root.db, viewer, { viewer: true })
    } finally {
      await root.close()
    }
    const asViewer = new URL(office.url!)
    asViewer.username = viewer
    const reader = await openCore({ dbPath: join(tempDir(), 'viewer.sqlite'), databaseUrl: asViewer.toString(), resourcesDir: RESOURCES, log: () => {} })
    try {
      const seen = await reader.dispatch('briefs.presence', { tripId: TRIP, session: 'page-viewer-01' })
      expect(seen.ok).toBe(true)
      expect((await beat(office.a, 'page-lan-0009')).map((e) => e.login)).toContain(viewer)
      expect(await reader.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Thành phố Kofu' })).toMatchObject({ ok: false, error: { reason: 'server_viewer' } })
    } finally {
      await reader.close()
      const c = new pg.Client(testServer)
      await c.connect()
      await c.query(`DROP ROLE IF EXISTS ${viewer}`)
      await c.end()
    }
  })
})
