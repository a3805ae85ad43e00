/**
 * The office-server settings of this computer: kept in a file of the data folder, the
 * password never in it as typed; a password the platform can only obfuscate is refused
 * until the officer agrees; `session.get` says who the window works as.
 */
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from '../session.ts'
import { openTestCore, RESOURCES, tempDir, testDialect, type TestCore } from '../test-support.ts'
import { openPassword, officeFile, readOfficeConfig, sealPassword, serverUrl, writeOfficeConfig } from './config.ts'
import { memorySecretStore } from './secrets.ts'

const PASSWORD = 'Mật-khẩu 1 bí mật!'
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** The file must hold neither the password nor any plain encoding of it. */
function expectNoPassword(path: string, password: string): void {
  const text = readFileSync(path, 'utf8')
  const bytes = Buffer.from(password, 'utf8')
  for (const form of [password, encodeURIComponent(password), bytes.toString('base64'), bytes.toString('hex'), bytes.toString('base64url')]) expect(text).not.toContain(form)
}

async function session(dir = tempDir(), secrets = memorySecretStore()): Promise<Session> {
  const s = await openSession({ dbPath: join(dir, 'hanh-trang.sqlite'), resourcesDir: RESOURCES, checkOutput: true, log: () => {}, secrets })
  cleanups.push(() => s.close())
  return s
}

describe('the settings file', () => {
  it('is written whole, the password sealed by the store and read back by it only', () => {
    const dir = tempDir()
    const store = memorySecretStore()
    const sealed = sealPassword(PASSWORD, store, false)
    writeOfficeConfig(dir, { version: 1, use: 'server', server: { host: 'db.so-ngoai-vu.local', port: 5432, database: 'hanh_trang', user: 'lan', tls: 'verify-full', caFile: '/etc/ca.pem', password: sealed } })
    expectNoPassword(officeFile(dir), PASSWORD)
    const back = readOfficeConfig(dir)
    expect(back.server).toMatchObject({ host: 'db.so-ngoai-vu.local', user: 'lan', tls: 'verify-full' })
    expect(openPassword(back.server!.password, store)).toBe(PASSWORD)
    // Another computer's (or another run's) keyring cannot read it.
    expect(openPassword(back.server!.password, memorySecretStore())).toBeNull()
  })

  it('refuses to obfuscate without the agreement, and obfuscates (not plain text) with it', () => {
    const none = memorySecretStore({ strength: 'none', backend: 'basic_text' })
    expect(() => sealPassword(PASSWORD, none, false)).toThrow()
    const sealed = sealPassword(PASSWORD, none, true)!
    expect(sealed.store).toBe('obfuscated')
    expect(sealed.data).not.toContain(Buffer.from(PASSWORD).toString('base64'))
    expect(openPassword(sealed, memorySecretStore())).toBe(PASSWORD)
  })

  it('is no settings at all when missing or unreadable: the register file is used', async () => {
    const dir = tempDir()
    expect(readOfficeConfig(dir).use).toBe('file')
    await import('node:fs').then((fs) => fs.writeFileSync(officeFile(dir), '{ not json'))
    expect(readOfficeConfig(dir)).toEqual({ version: 1, use: 'file', server: null })
  })

  it('names the server for pg with TLS verify-full and its CA file, or without TLS for a loopback server', () => {
    const base = { host: '10.0.0.5', port: 5433, database: 'so_ngoai_vu', user: 'lan' }
    const tls = new URL(serverUrl({ ...base, tls: 'verify-full', caFile: '/srv/ca.pem' }, 'p@ss/1'))
    expect(tls.searchParams.get('sslmode')).toBe('verify-full')
    expect(tls.searchParams.get('sslrootcert')).toBe('/srv/ca.pem')
    expect(decodeURIComponent(tls.password)).toBe('p@ss/1')
    expect(new URL(serverUrl({ ...base, tls: 'disable', caFile: '/srv/ca.pem' }, null)).search).toBe('?sslmode=disable')
  })
})

describe('Settings > the office server, from the window', () => {
  it('refuses a password to be obfuscated unless the officer agrees, and writes nothing', async () => {
    const dir = tempDir()
    const s = await session(dir, memorySecretStore({ strength: 'weak', backend: 'basic_text' }))
    const view = await s.dispatch('office.get', undefined)
    expect(view).toMatchObject({ ok: true, value: { use: 'file', server: null, secrets: { strength: 'weak', backend: 'basic_text' }, fileName: 'hanh-trang.sqlite' } })
    const r = await s.dispatch('office.connect', { host: '127.0.0.1', port: 1, database: 'x', user: 'lan', password: PASSWORD, tls: 'disable' })
    expect(r).toMatchObject({ ok: false, error: { reason: 'office_secret_weak', field: 'acceptWeakSecret' } })
    expect(existsSync(officeFile(dir))).toBe(false)
  })

  it('refuses bad input field by field, and a server that does not answer in words', async () => {
    const s = await session()
    const bad = await s.dispatch('office.test', { host: 'db host', port: 70000, database: '', user: 'lan', tls: 'disable' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const fields = (bad as { ok: false; error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field).sort()
    expect(fields).toEqual(['database', 'host', 'port'])
    const closed = await s.dispatch('office.test', { host: '127.0.0.1', port: 1, database: 'hanh_trang', user: 'lan', tls: 'disable' })
    expect(closed).toMatchObject({ ok: false, error: { code: 'server_unreachable', reason: 'server_unreachable', params: { where: '127.0.0.1:1/hanh_trang' } } })
    const noCa = await s.dispatch('office.test', { host: '127.0.0.1', port: 1, database: 'hanh_trang', user: 'lan', tls: 'verify-full', caFile: '/nowhere/ca.pem' })
    expect(noCa).toMatchObject({ ok: false, error: { reason: 'server_ca_missing', field: 'caFile' } })
    // The register shown is still the file.
    expect(await s.dispatch('session.get', undefined)).toMatchObject({ ok: true, value: { mode: 'file', mayWrite: true } })
  })
})

describe('session.get', () => {
  let core: TestCore
  afterEach(async () => core?.dispose())

  it(`says which register is open and that its officer may write (${testDialect})`, async () => {
    core = await openTestCore()
    await core.call('settings.setUserName', { userName: 'Nguyễn Thị Lan' })
    const who = await core.call('session.get')
    if (testDialect === 'sqlite') expect(who).toEqual({ mode: 'file', where: 'hanh-trang.sqlite', host: null, database: null, login: 'Nguyễn Thị Lan', mayWrite: true, readOnly: null })
    else expect(who).toMatchObject({ mode: 'server', host: '127.0.0.1', database: expect.stringMatching(/^t_/), mayWrite: true, readOnly: null })
  })

  it('is not a way to switch registers from the command line', async () => {
    core = await openTestCore()
    expect(await core.dispatch('office.useFile', undefined)).toMatchObject({ ok: false, error: { reason: 'office_in_app' } })
  })
})
