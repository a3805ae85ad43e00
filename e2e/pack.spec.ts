import { readdirSync } from 'node:fs'
import { join } from 'node:path'
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
