import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { expect, test } from './fixtures.ts'

test('an officer builds the demo brief, reorders two sections, edits a talking point and exports it', async ({ app, page, host }) => {
  await app.loadDemo()
  await page.getByTestId('nav-trips').click()
  await app.rows('trips-table').first().click()
  await expect(page.getByTestId('trip-title')).toContainText('Yamanashi')
  await page.getByTestId('open-brief').click()

  const headings = page.getByTestId('preview-heading')
  await expect(headings.first()).toHaveText('I. TÓM TẮT CHO LÃNH ĐẠO')
  await expect(headings.nth(1)).toHaveText('II. THÀNH PHẦN ĐOÀN VÀ MỤC TIÊU')
  // The officer's to-dos are grouped and counted; none of them is in the document.
  const stale = page.getByTestId('warnings-stale_figure')
  await expect(stale).toContainText('Số liệu đã cũ')
  await expect(stale.locator('.mantine-Badge-root')).toHaveText('4')

  // Drag "Chương trình công tác" above "Thành phần đoàn".
  await app.drag(page.getByTestId('drag-programme'), page.getByTestId('section-delegation'))
  await expect(headings.nth(1)).toHaveText('II. CHƯƠNG TRÌNH CÔNG TÁC')
  await expect(headings.nth(2)).toHaveText('III. THÀNH PHẦN ĐOÀN VÀ MỤC TIÊU')

  // Switch the protocol notes off.
  await page.getByTestId('toggle-protocol').click({ force: true })
  await expect(page.getByTestId('preview-protocol')).toHaveCount(0)

  // Edit a generated talking point in the preview; the programme itself is not changed.
  const block = page.locator('[data-block$=".talkingPoints"]').first()
  await block.hover()
  await block.getByRole('button', { name: /Sửa đoạn này/ }).click()
  const editor = page.locator('textarea[data-testid$=".talkingPoints"]').first()
  await editor.fill('Cảm ơn tỉnh Yamanashi đã đón đoàn – luận điểm do chuyên viên sửa.')
  await page.getByTestId('save-block').click()
  await expect(page.getByText('Cảm ơn tỉnh Yamanashi đã đón đoàn – luận điểm do chuyên viên sửa.')).toBeVisible()

  await page.getByTestId('export-brief').click()
  await expect(page.getByTestId('exported')).toContainText('Tai-lieu-doan-cong-tac-Thanh-Hoa-Yamanashi-2026.docx')

  const folder = join(host.dataDir, 'exports')
  const [file] = readdirSync(folder).filter((f) => f.endsWith('.docx'))
  const text = (await mammoth.extractRawText({ path: join(folder, file!) })).value
  expect(text).toContain('Cảm ơn tỉnh Yamanashi đã đón đoàn – luận điểm do chuyên viên sửa.')
  expect(text.indexOf('II. CHƯƠNG TRÌNH CÔNG TÁC')).toBeGreaterThan(0)
  expect(text.indexOf('II. CHƯƠNG TRÌNH CÔNG TÁC')).toBeLessThan(text.indexOf('III. THÀNH PHẦN ĐOÀN VÀ MỤC TIÊU'))
  expect(text).not.toContain('LƯU Ý LỄ TÂN')

  const trip = await app.call('trips.get', { id: '01936d00-0000-7000-8000-000700000001' })
  expect(trip.items.map((i) => i.talkingPoints ?? '').join('\n')).not.toContain('luận điểm do chuyên viên sửa')
})
