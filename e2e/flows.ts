/**
 * What an officer does, written once and run twice: in Debian's Chromium against the test
 * host (register.spec.ts) and in the Electron app (electron.spec.ts).
 */
import { expect } from '@playwright/test'
import type { AppPage } from './pages/app-page.ts'

/** Profile, counterpart, agreement with two parties and a commitment, search, edit, refusals, delete. */
export async function keepTheRegister(app: AppPage) {
  const { page } = app
  // The reference data is there on first start.
  await app.goto('localities')
  await expect(page.getByText('47 bản ghi')).toBeVisible()
  await page.getByTestId('filter').fill('yama')
  await app.rows('localities-table').filter({ hasText: 'Yamanashi' }).click()
  await expect(page.getByTestId('locality-title')).toHaveText('Yamanashi')
  await expect(page.getByText('山梨県').first()).toBeVisible()

  // Fill in the prefecture's profile.
  await page.getByTestId('edit').click()
  await app.field('Lãnh đạo (Thống đốc, Chủ tịch…)').fill('Thống đốc tỉnh Yamanashi')
  await app.field('Ngành thế mạnh').fill('Nông nghiệp công nghệ cao; chế biến nông sản; năng lượng hydro')
  await app.field('Hiệu lực từ').fill('31/02/2025')
  await app.save()
  // The core refuses the impossible date; the message stands beside the field.
  await expect(app.field('Hiệu lực từ')).toHaveAccessibleDescription(/Ngày không hợp lệ/)
  await expect(app.dialog.getByTestId('form-error')).toContainText('Hiệu lực từ')
  await app.field('Hiệu lực từ').fill('')
  await app.saveAndClose()
  await expect(page.getByText('Nông nghiệp công nghệ cao; chế biến nông sản; năng lượng hydro')).toBeVisible()

  // Add a counterpart official.
  await page.getByRole('tab', { name: /Nhân vật/ }).click()
  await page.getByTestId('add-person').click()
  await app.field('Họ (chữ Latinh)').fill('Nagasaki')
  await app.field('Tên (chữ Latinh)').fill('Kotaro')
  await app.field('Họ (bản ngữ, ví dụ 山本)').fill('長崎')
  await app.field('Tên (bản ngữ, ví dụ 一太)').fill('幸太郎')
  await app.field('Chức danh').fill('Thống đốc tỉnh Yamanashi')
  await app.saveAndClose()
  await expect(page.getByTestId('people-list')).toContainText('NAGASAKI Kotaro')
  await expect(page.getByTestId('people-list')).toContainText('長崎 幸太郎')

  // Record an agreement with two parties.
  await app.goto('agreements')
  await page.getByTestId('new-agreement').click()
  await app.field('Tên văn kiện (tiếng Việt)').fill('Bản ghi nhớ hợp tác giữa tỉnh Thanh Hóa và tỉnh Yamanashi')
  await app.field('Ngày ký').fill('10/05/2026')
  await app.choose(app.field('Tình trạng'), 'da ky', 'Đã ký')
  await page.getByTestId('add-party').click()
  await app.choose(app.field('Bên 1'), 'thanh hoa', /^Thanh Hóa$/)
  await page.getByTestId('add-party').click()
  await app.choose(app.field('Bên 2'), 'yamanashi', /^Yamanashi/)
  await app.saveAndClose()
  await expect(page.getByTestId('agreement-title')).toHaveText('Bản ghi nhớ hợp tác giữa tỉnh Thanh Hóa và tỉnh Yamanashi')
  await expect(page.getByTestId('party')).toHaveText(['Thanh Hóa', 'Yamanashi'])

  // ...and a commitment.
  await page.getByTestId('add-commitment').click()
  await app.field('Nội dung').fill('Trao đổi đoàn doanh nghiệp nông nghiệp')
  await app.field('Đơn vị thực hiện').fill('Sở Nông nghiệp và Môi trường')
  await app.field('Hạn').fill('30/09/2026')
  await app.saveAndClose()
  await expect(page.getByTestId('commitments')).toContainText('Trao đổi đoàn doanh nghiệp nông nghiệp')
  await expect(page.getByTestId('commitments')).toContainText('30/09/2026')

  // Search without diacritics.
  const hits = await app.search('ban ghi nho thanh hoa yamanashi')
  await expect(hits.first()).toContainText('Bản ghi nhớ hợp tác giữa tỉnh Thanh Hóa và tỉnh Yamanashi')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('agreement-title')).toBeVisible()

  // Edit it.
  await page.getByTestId('edit').click()
  await app.choose(app.field('Tình trạng'), 'hieu luc', 'Đang hiệu lực')
  await app.saveAndClose()
  await expect(page.getByText('Đang hiệu lực').first()).toBeVisible()

  // An agreement with no parties is refused, clearly, and nothing is saved.
  const before = await app.agreementCount()
  await app.goto('agreements')
  await page.getByTestId('new-agreement').click()
  await app.field('Tên văn kiện (tiếng Việt)').fill('Văn kiện chưa có bên ký')
  await app.save()
  await expect(app.dialog.getByTestId('parties-error')).toHaveText(/ít nhất một bên ký kết/)
  await expect(app.dialog.getByTestId('form-error')).toContainText('Các bên ký kết')
  expect(await app.agreementCount()).toBe(before)
  await app.dialog.getByRole('button', { name: 'Hủy' }).click()

  // The partner cannot be deleted while records point at it.
  const yamanashi = await app.search('山梨')
  await yamanashi.first().click()
  await page.getByRole('button', { name: 'Xóa' }).click()
  await page.getByTestId('confirm-delete').click()
  await expect(app.dialog.getByTestId('form-error')).toContainText('Không thể xóa địa phương')
  await app.dialog.getByRole('button', { name: 'Hủy' }).click()

  // Delete the agreement, with confirmation.
  await app.goto('agreements')
  await app.rows('agreements-table').filter({ hasText: 'Thanh Hóa và tỉnh Yamanashi' }).click()
  await page.getByRole('button', { name: 'Xóa' }).click()
  await expect(app.dialog).toContainText('Xóa “Bản ghi nhớ hợp tác giữa tỉnh Thanh Hóa và tỉnh Yamanashi”?')
  await page.getByTestId('confirm-delete').click()
  await expect(page).toHaveURL(/#\/agreements$/)
  // The empty register says so, and offers the first record and the sample data.
  await expect(page.getByTestId('empty-state')).toContainText('Chưa có văn kiện nào.')
  await expect(page.getByTestId('empty-state').getByRole('button', { name: 'Thêm văn kiện' })).toBeVisible()
  expect(await app.agreementCount()).toBe(0)
}

/** The sample data as the README shows it; `shot` saves a screenshot when given. */
export async function tourTheDemo(app: AppPage, shot: (name: string) => Promise<unknown> = async () => {}) {
  const { page } = app
  await app.loadDemo()
  await expect(page.getByTestId('count-agreements')).toContainText('3')

  const hits = await app.search('thanh hoa')
  await expect(hits.first()).toContainText('Thanh Hóa')
  await shot('search.png')
  await app.closeSearch()

  const yamanashi = await app.search('山梨')
  await expect(yamanashi.first()).toContainText('Yamanashi')
  await yamanashi.first().click()
  await expect(page.getByTestId('locality-title')).toHaveText('Yamanashi')
  await expect(page.getByText('Sản phẩm nông nghiệp chất lượng cao')).toBeVisible()
  await shot('partner.png')

  // Hà Nam no longer exists: its MOU shows the lineage and belongs to Ninh Bình's history.
  const haNam = await app.search('ha nam')
  await expect(haNam.first()).toContainText('Hà Nam (nay thuộc tỉnh Ninh Bình)')
  await haNam.filter({ hasText: 'Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma' }).click()
  await expect(page.getByTestId('party').first()).toHaveText('Hà Nam (nay thuộc tỉnh Ninh Bình)')
  await shot('agreement.png')

  await app.goto('localities')
  await page.getByTestId('filter').fill('ninh binh')
  await app.choose(page.getByRole('combobox', { name: 'Quốc gia' }), '', 'Việt Nam')
  await app.rows('localities-table').filter({ hasText: 'Ninh Bình' }).click()
  await page.getByRole('tab', { name: /Văn kiện/ }).click()
  await expect(page.getByTestId('agreement-list')).toContainText('qua Hà Nam')

  await app.goto('agreements')
  await expect(app.rows('agreements-table')).toHaveCount(3)
  await shot('agreements.png')

  await page.getByTestId('nav-engagements').click()
  await app.page.getByText('Diễn đàn hợp tác địa phương Việt – Nhật lần thứ nhất').click()
  await expect(page.getByText('Trao đổi tại phiên toàn thể').first()).toBeVisible()
  await shot('engagement.png')

  await app.goto('trips')
  await app.rows('trips-table').first().click()
  await expect(page.getByTestId('trip-title')).toContainText('Yamanashi')
  await shot('trip.png')
  await page.getByTestId('open-brief').click()
  await expect(page.getByTestId('preview-heading').first()).toHaveText('I. TÓM TẮT CHO LÃNH ĐẠO')
  await shot('brief-builder.png')
}
