/**
 * Switching between the register file and the office's server, on a real PostgreSQL (the
 * suite's PostgreSQL half): the server's register is shown once connected and never mixed
 * with the file's, a write under way finishes where it began, the saved choice is used at
 * the next start, a server that does not answer at start is said (with the way back to the
 * file), and a viewer's login may not write.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../cli.ts'
import { openSession, type Session } from '../session.ts'
import { RESOURCES, serverDatabase, tempDir, testServer, type ServerDatabase } from '../test-support.ts'
import { officeFile, readOfficeConfig } from './config.ts'
import { memorySecretStore, type SecretStore } from './secrets.ts'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

const PASSWORD = 'khong-dung-voi-trust-auth-42'

async function session(dir: string, secrets: SecretStore): Promise<Session> {
  const s = await openSession({ dbPath: join(dir, 'hanh-trang.sqlite'), resourcesDir: RESOURCES, checkOutput: true, log: () => {}, secrets })
  cleanups.push(() => s.close())
  return s
}

const value = async <T = unknown>(s: Session, method: string, input?: unknown): Promise<T> => {
  const r = await s.dispatch(method, input)
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value as T
}
const names = async (s: Session) => (await value<Array<{ nameVi: string }>>(s, 'organizations.list')).map((o) => o.nameVi)

describe.skipIf(!testServer)('switching between the file and the office server', () => {
  let db: ServerDatabase
  let form: { host: string; port: number; database: string; user: string; password: string; tls: 'disable' }
  const suffix = Math.random().toString(36).slice(2, 8)
  const officer = `lan_${suffix}`
  const viewer = `minh_${suffix}`
  const dir = tempDir()
  const store = memorySecretStore()

  it('connects to the server after a test that reports its schema and the role; the file on disk has no password', async () => {
    db = await serverDatabase(false)
    cleanups.push(async () => {
      await db.drop()
      const c = new pg.Client(testServer)
      await c.connect()
      for (const r of [officer, viewer]) await c.query(`DROP ROLE IF EXISTS ${r}`)
      await c.end()
    })
    const place = ['--db', join(tempDir(), 'unused.sqlite'), '--server', db.url]
    expect(await main([...place, 'server', 'init'], () => {})).toBe(0)
    expect(await main([...place, 'server', 'add-officer', officer], () => {})).toBe(0)
    expect(await main([...place, 'server', 'add-officer', viewer, '--viewer'], () => {})).toBe(0)
    const u = new URL(db.url)
    form = { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: officer, password: PASSWORD, tls: 'disable' }

    const s = await session(dir, store)
    await value(s, 'organizations.create', { nameVi: 'Sở Ngoại vụ (tệp trên máy)', kind: 'agency', country: 'VN' })
    const report = await value(s, 'office.test', form)
    expect(report).toMatchObject({ where: `${form.host}:${form.port}/${form.database}`, login: officer, role: 'officer', mayWrite: true })
    expect((report as { serverSchema: number; appSchema: number }).serverSchema).toBe((report as { appSchema: number }).appSchema)
    // Testing changes nothing: still the file, nothing saved.
    expect(existsSync(officeFile(dir))).toBe(false)
    expect(await value(s, 'session.get')).toMatchObject({ mode: 'file' })

    await value(s, 'office.connect', form)
    expect(await value(s, 'session.get')).toEqual({ mode: 'server', where: `${form.host}:${form.port}/${form.database}`, host: form.host, database: form.database, login: officer, mayWrite: true, readOnly: null })
    // The server's register, not the file's.
    expect(await names(s)).not.toContain('Sở Ngoại vụ (tệp trên máy)')
    await value(s, 'organizations.create', { nameVi: 'Văn phòng trên máy chủ', kind: 'agency', country: 'VN' })
    const text = readFileSync(officeFile(dir), 'utf8')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'))
    expect(readOfficeConfig(dir)).toMatchObject({ use: 'server', server: { user: officer, tls: 'disable', password: { store: 'memory' } } })
    expect(await value(s, 'office.get')).toMatchObject({ use: 'server', server: { user: officer, passwordSaved: true } })
  })

  it('goes back to the file; a write under way when switching lands in the register it began on', async () => {
    const s = await session(tempDir(), store)
    await value(s, 'office.connect', { ...form, password: '' })
    // A write and the switch at once: the write was begun on the server and finishes there.
    const [created] = await Promise.all([value<{ id: string }>(s, 'organizations.create', { nameVi: 'Ghi khi đang chuyển', kind: 'agency', country: 'VN' }), value(s, 'office.useFile')])
    expect(await value(s, 'session.get')).toMatchObject({ mode: 'file', mayWrite: true })
    expect(await names(s)).not.toContain('Ghi khi đang chuyển')
    expect(await names(s)).not.toContain('Văn phòng trên máy chủ')
    const c = new pg.Client(db.url)
    await c.connect()
    const { rows } = await c.query('SELECT name_vi FROM organization WHERE id = $1', [created.id])
    await c.end()
    expect(rows).toEqual([{ name_vi: 'Ghi khi đang chuyển' }])
  })

  it('opens the saved choice at the next start', async () => {
    const first = await session(dir, store)
    expect(await value(first, 'session.get')).toMatchObject({ mode: 'server', login: officer })
    expect(await names(first)).toContain('Văn phòng trên máy chủ')
    await first.close()
  })

  it('says at start that the saved server does not answer, and goes back to the file when asked', async () => {
    const other = tempDir()
    const s = await session(other, store)
    await value(s, 'office.connect', form)
    await s.close()
    // The server "moves": the saved settings now name a port nobody listens on.
    const saved = readOfficeConfig(other)
    const { writeOfficeConfig } = await import('./config.ts')
    writeOfficeConfig(other, { ...saved, server: { ...saved.server!, port: 1 } })
    const again = await session(other, store)
    expect(await value(again, 'app.status')).toMatchObject({ state: 'unreachable', where: `${form.host}:1/${form.database}`, problem: { reason: 'server_unreachable' } })
    expect(await again.dispatch('organizations.list', undefined)).toMatchObject({ ok: false, error: { code: 'server_unreachable' } })
    await value(again, 'office.useFile')
    expect(await value(again, 'app.status')).toMatchObject({ state: 'ready' })
    expect(await value(again, 'session.get')).toMatchObject({ mode: 'file' })
    expect(readOfficeConfig(other).use).toBe('file')
  })

  it("knows a viewer's login: it may not write, and the server refuses anyway", async () => {
    const s = await session(tempDir(), store)
    expect(await value(s, 'office.test', { ...form, user: viewer })).toMatchObject({ role: 'viewer', mayWrite: false, login: viewer })
    await value(s, 'office.connect', { ...form, user: viewer })
    expect(await value(s, 'session.get')).toMatchObject({ mode: 'server', login: viewer, mayWrite: false, readOnly: 'viewer' })
    expect(await s.dispatch('organizations.create', { nameVi: 'Không được ghi', kind: 'agency', country: 'VN' })).toMatchObject({ ok: false, error: { reason: 'server_viewer' } })
  })

  it('words what a server that is not ready says', async () => {
    const s = await session(tempDir(), store)
    expect(await s.dispatch('office.test', { ...form, database: `khong_co_${suffix}` })).toMatchObject({ ok: false, error: { reason: 'server_no_database' } })
    expect(await s.dispatch('office.test', { ...form, user: `ai_do_${suffix}` })).toMatchObject({ ok: false, error: { reason: 'server_login_refused' } })
    const empty = await serverDatabase(true)
    cleanups.push(() => empty.drop())
    const e = new URL(empty.url)
    const bare = { ...form, user: decodeURIComponent(new URL(testServer!).username), database: e.pathname.slice(1) }
    expect(await s.dispatch('office.test', bare)).toMatchObject({ ok: false, error: { reason: 'server_not_set_up' } })
    // Nothing of it switched the register.
    expect(await value(s, 'session.get')).toMatchObject({ mode: 'file' })
  })
})
