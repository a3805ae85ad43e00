/**
 * On an office's server the officer's login signs every write (issue 13 item 6), also after
 * the officer types a name in Settings or at the first start: before, that name took over
 * until the app was restarted, so who did what depended on when the app last started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, refId, testServer, type TestCore } from '../test-support.ts'

let core: TestCore
beforeEach(async () => {
  if (testServer) core = await openTestCore()
})
afterEach(() => core?.dispose())

const signatures = async (id: string) => ({
  updatedBy: (await core.db.selectFrom('organization').select('updatedBy').where('id', '=', id).executeTakeFirstOrThrow()).updatedBy,
  actors: (await core.db.selectFrom('auditLog').select('actor').where('entityId', '=', id).execute()).map((r) => r.actor),
})

describe.skipIf(!testServer)("the officer's login on a server", () => {
  it('signs the writes made after Settings names the officer, and the settings change itself', async () => {
    const login = core.register.login!
    expect(login).toBeTruthy()
    await core.call('settings.update', { userName: 'Trần Văn Minh' })
    expect(core.ctx.actor).toBe(login)
    const { id } = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Cổ phần Sao Việt', country: 'VN' })
    expect(await signatures(id)).toEqual({ updatedBy: login, actors: [login] })
    const settingsRows = await core.db.selectFrom('auditLog').select('actor').where('entity', '=', 'settings').execute()
    expect(settingsRows.map((r) => r.actor)).toEqual([login])
    // The name is kept as the office's setting all the same.
    expect(await core.call('settings.get')).toMatchObject({ userName: 'Trần Văn Minh' })
  })

  it('signs the writes made after the first start is answered', async () => {
    const login = core.register.login!
    await core.call('settings.completeFirstStart', { userName: 'Nguyễn Thị Lan', homeLocalityId: await refId(core, 'vn-2025-thanh-hoa') })
    const { id } = await core.call('organizations.create', { kind: 'company', nameVi: 'Công ty Fuji Việt Nam', country: 'VN' })
    expect(await signatures(id)).toEqual({ updatedBy: login, actors: [login] })
  })
})
