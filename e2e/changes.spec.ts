/**
 * What another program writes to the register (here a second core on the same register,
 * as a second window, the CLI or, on a server, a colleague would be) appears in the open
 * window without a reload.
 */
import { join } from 'node:path'
import { openCore } from '../src/main/core.ts'
import { expect, test } from './fixtures.ts'

test("another window's change appears in this one without a reload", async ({ app, page, host }) => {
  await app.goto('agreements')
  await expect(page).toHaveURL(/#\/agreements/)
  const other = await openCore({ ...host.place, resourcesDir: join(import.meta.dirname, '..', 'resources'), log: () => {} })
  try {
    const ref = async (key: string) => (await other.db.selectFrom('locality').select('id').where('refKey', '=', key).executeTakeFirstOrThrow()).id
    const parties = [
      { side: 'home', localityId: await ref('vn-2025-thanh-hoa') },
      { side: 'partner', localityId: await ref('jp-pref-19') },
    ]
    const r = await other.dispatch('agreements.create', { kind: 'mou', titleVi: 'Biên bản ghi nhớ do cửa sổ khác ghi', status: 'signed', signedDate: '2026-11-20', parties })
    expect(r.ok).toBe(true)
    // Within 2 s as the core's test measures; the default wait here, for a loaded CI machine.
    await expect(page.getByText('Biên bản ghi nhớ do cửa sổ khác ghi')).toBeVisible()
  } finally {
    await other.close()
  }
})
