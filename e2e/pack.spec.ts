import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src/main/core.ts'
import { applyPackFile, exportPack } from '../src/main/exchange/pack/index.ts'
import { expect, test } from './fixtures.ts'

test('a data pack brings back a colleague’s version only when the officer chooses it', async ({ app, page, host }) => {
  await app.loadDemo()
  await app.goto('settings')
  await page.getByRole('button', { name: 'Xuất toàn bộ…' }).click()
  await expect(page.getByText(/Đã xuất Hanh-Trang-toan-bo-.*\.htpack/)).toBeVisible()
  const folder = join(host.dataDir, 'exports')
  host.filesToOpen.packToOpen = join(folder, readdirSync(folder).find((f) => f.endsWith('.htpack'))!)

  // The agreement is changed here after the pack was made.
  const hits = await app.search('van ban hop tac chinh thuc')
  await hits.first().click()
  await page.getByTestId('edit').click()
  await app.field('Tên văn kiện (tiếng Việt)').fill('Văn bản hợp tác Thanh Hóa – Yamanashi (bản sửa ở máy này)')
  await app.saveAndClose()

  await app.goto('settings')
  await page.getByTestId('open-pack').click()
  const conflict = page.getByTestId('conflict')
  await expect(conflict).toHaveCount(1)
  await expect(conflict).toContainText('Văn bản hợp tác Thanh Hóa – Yamanashi (bản sửa ở máy này)')
  await expect(conflict).toContainText('Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi')
  // The differing field is named as the form names it, not as the database does.
  await expect(conflict.getByRole('cell', { name: 'Tên văn kiện (tiếng Việt)' })).toBeVisible()
  await conflict.getByText('Lấy bản trong gói').click()
  await page.getByTestId('apply-pack').click()
  await expect(page.getByTestId('pack-applied')).toBeVisible()

  const after = await app.search('van ban hop tac chinh thuc')
  await expect(after.first()).toContainText('Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi')
})

test('a record a colleague deleted, but edited here, is shown as deleted there and goes only when chosen', async ({ app, page, host }, testInfo) => {
  const MOU = '01936d00-0000-7000-8000-000300000002'
  // A colleague's installation, with the same sample data; this one takes its pack first.
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-colleague-'))
  const colleague = await openCore({ dbPath: join(dir, 'hanh-trang.sqlite'), resourcesDir: join(import.meta.dirname, '..', 'resources'), log: () => {} })
  try {
    await colleague.dispatch('demo.load', undefined)
    const first = join(dir, 'first.htpack')
    await exportPack(colleague.ctx, { kind: 'all' }, dir, first)
    await applyPackFile(host.core.ctx, first, host.dataDir)
    // Here the agreement is edited; there it is deleted.
    const a = (await host.session.dispatch('agreements.get', { id: MOU })) as { ok: true; value: { kind: string; titleVi: string; status: string; parties: Array<{ side: string; localityId: string | null; organizationId: string | null }> } }
    const { kind, status, parties } = a.value
    await host.session.dispatch('agreements.update', { id: MOU, kind, status, titleVi: 'Văn bản hợp tác (đã bổ sung ở máy này)', parties: parties.map(({ side, localityId, organizationId }) => ({ side, localityId, organizationId })) })
    await colleague.dispatch('agreements.delete', { id: MOU })
    host.filesToOpen.packToOpen = join(dir, 'second.htpack')
    await exportPack(colleague.ctx, { kind: 'all' }, dir, host.filesToOpen.packToOpen)
  } finally {
    await colleague.close()
  }

  await app.goto('settings')
  await page.getByTestId('open-pack').click()
  const conflict = page.getByTestId('conflict').filter({ hasText: 'Văn bản hợp tác (đã bổ sung ở máy này)' })
  await expect(conflict).toHaveCount(1)
  await expect(conflict.getByTestId('conflict-deleted')).toContainText('Bản bên kia đã xóa')
  await expect(conflict.getByRole('cell', { name: 'Bản bên kia đã xóa' }).first()).toBeVisible()
  // As the officer sees it, in a 1400×900 window and at 200 % zoom (half the CSS pixels).
  for (const [name, size] of [['1400x900', { width: 1400, height: 900 }], ['200pct', { width: 700, height: 450 }]] as const) {
    await page.setViewportSize(size)
    await conflict.evaluate((e) => e.scrollIntoView({ block: 'center' }))
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath(`pack-deleted-${name}.png`) })
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true)
  }
  await page.setViewportSize({ width: 1400, height: 900 })
  await conflict.getByText('Xóa như bên kia').click()
  await page.getByTestId('apply-pack').click()
  await expect(page.getByTestId('pack-applied')).toBeVisible()
  expect(await host.session.dispatch('agreements.get', { id: MOU })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  rmSync(dir, { recursive: true, force: true })
})
