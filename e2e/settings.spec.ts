/**
 * The first start and Settings: a fresh data folder asks once for the home province and
 * the officer's name; what Settings changes takes effect (the name in the change log, the
 * language, the light or dark theme) and stays after a reload.
 *
 * Screenshots of each screen at 1400×900 and at 200 % zoom (700×450 CSS px) go to
 * test-results for a look.
 */
import { rmSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test as base } from './fixtures.ts'
import { startHost, type Host } from './host/server.ts'

const SIZES = [
  ['1400x900', { width: 1400, height: 900 }],
  ['200pct', { width: 700, height: 450 }],
] as const

/** The page at both sizes, saved into the test's output; the window is left at 1400×900. */
async function shots(page: Page, testInfo: TestInfo, name: string) {
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport)
    const width = await page.evaluate<number>('document.documentElement.scrollWidth')
    expect(width, `${name} at ${size}: no sideways scrolling`).toBeLessThanOrEqual(viewport.width)
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath(`${name}-${size}.png`) })
  }
  await page.setViewportSize(SIZES[0][1])
}

/** A fresh data folder, whose first start nobody has answered yet. */
const fresh = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost({ firstStart: true })
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
})

fresh('a fresh data folder asks once for the home province and the name, then never again', async ({ app, page, host }, testInfo) => {
  // A long walk with screenshots at two sizes: three times the usual time.
  testInfo.setTimeout(testInfo.timeout * 3)
  await page.setViewportSize(SIZES[0][1])
  const welcome = page.getByTestId('welcome')
  await expect(welcome.getByRole('heading', { name: 'Chào mừng đến với Hành Trang' })).toBeVisible()
  // Nothing of the register behind it yet.
  await expect(app.nav('home')).toHaveCount(0)
  // The computer's user name is offered; the province is to be chosen.
  const name = welcome.getByTestId('welcome-name')
  await expect(name).not.toHaveValue('')
  await shots(page, testInfo, 'welcome')

  // Starting without a province says what is missing.
  await welcome.getByTestId('welcome-start').click()
  await expect(welcome).toContainText('Hãy chọn tỉnh, thành phố')
  await expect(app.nav('home')).toHaveCount(0)

  // Only Viet Nam's 34 provinces are offered: no prefecture, no unit merged away in 2025.
  const province = welcome.getByTestId('welcome-province')
  await province.click()
  await expect(page.getByRole('option')).toHaveCount(34)
  await province.fill('yamanashi')
  await expect(page.getByRole('option')).toHaveCount(0)
  await province.fill('ha nam')
  await expect(page.getByRole('option')).toHaveCount(0)
  await app.choose(province, 'thanh hoa', 'Thanh Hóa')
  await name.fill('Nguyễn Thị Lan')
  await welcome.getByTestId('welcome-start').click()
  await expect(app.nav('home')).toBeVisible()
  await expect(welcome).toHaveCount(0)

  // Asked once: a reload, and a new window on the same data, go straight to the register.
  await page.reload()
  await expect(app.nav('home')).toBeVisible()
  await expect(page.getByTestId('welcome')).toHaveCount(0)
  const settings = await app.call('settings.get')
  expect(settings).toMatchObject({ firstStartDone: true, userName: 'Nguyễn Thị Lan', homeLocalityName: 'Thanh Hóa' })

  // Settings shows the answers; the change log says who set them up.
  await app.goto('settings')
  await expect(page.getByTestId('settings-user-name')).toHaveValue('Nguyễn Thị Lan')
  await expect(page.getByTestId('settings-home-province')).toHaveValue('Thanh Hóa')
  await expect(page.getByTestId('settings-parent-agency')).toHaveAttribute('placeholder', 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA')
  const first = page.getByTestId('audit-row').first()
  // On an office's server the officer's login signs the writes, not the name typed here.
  await expect(first).toContainText(host.core.register.login ?? 'Nguyễn Thị Lan')
  await expect(first).toContainText('Thiết lập lần đầu')
})

base('what Settings changes takes effect: the name in the change log, the language, the theme', async ({ app, page, host }, testInfo) => {
  // A long walk with screenshots at two sizes: three times the usual time.
  testInfo.setTimeout(testInfo.timeout * 3)
  await page.setViewportSize(SIZES[0][1])
  await app.goto('settings')
  const office = page.getByTestId('office-settings')
  await expect(office).toBeVisible()
  await shots(page, testInfo, 'settings')

  // The officer's name and the home province.
  await page.getByTestId('settings-user-name').fill('Trần Văn Minh')
  await app.choose(page.getByTestId('settings-home-province'), 'ninh binh', 'Ninh Bình')
  await page.getByTestId('settings-agency').fill('VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH')
  await page.getByTestId('save-settings').click()
  await expect(page.getByText('Đã lưu')).toBeVisible()
  await expect(page.getByTestId('settings-parent-agency')).toHaveAttribute('placeholder', 'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH')
  expect(await app.call('settings.get')).toMatchObject({ userName: 'Trần Văn Minh', homeLocalityName: 'Ninh Bình', agency: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' })

  // A new trip is sent by the home province, chosen among Viet Nam's provinces only.
  await app.goto('trips')
  await page.getByRole('button', { name: 'Thêm đoàn công tác' }).first().click()
  const sending = app.dialog.getByTestId('trip-home-province')
  await expect(sending).toHaveValue('Ninh Bình')
  await sending.click()
  await expect(page.getByRole('option')).toHaveCount(34)
  await sending.fill('yamanashi')
  await expect(page.getByRole('option')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await app.dialog.getByRole('button', { name: 'Hủy' }).click()
  await expect(app.dialog).toBeHidden()

  // A record made now carries the new name, in the change log and in updated_by.
  await app.goto('organizations')
  await page.getByRole('button', { name: 'Thêm tổ chức' }).first().click()
  await app.field('Tên tiếng Việt').fill('Công ty Cổ phần Sao Việt')
  await app.saveAndClose()
  await app.goto('settings')
  // (On an office's server, the officer's login instead.)
  const signer = host.core.register.login ?? 'Trần Văn Minh'
  const row = page.getByTestId('audit-row').filter({ hasText: 'Công ty Cổ phần Sao Việt' })
  await expect(row).toContainText(signer)
  await expect(row).toContainText('Tạo')
  const settingsRow = page.getByTestId('audit-row').filter({ hasText: 'Cài đặt: tên cán bộ, tỉnh nhà, cơ quan ban hành' })
  await expect(settingsRow).toContainText(signer)
  const [org] = (await app.call('organizations.list')).filter((o) => o.nameVi === 'Công ty Cổ phần Sao Việt')
  expect(org).toBeDefined()

  // Dark, and still dark after a reload.
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
  await page.getByTestId('theme-switch').getByText('Tối', { exact: true }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await shots(page, testInfo, 'settings-dark')
  await page.reload()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await app.goto('home')
  await shots(page, testInfo, 'home-dark')
  await app.goto('settings')
  await page.getByTestId('theme-switch').getByText('Sáng', { exact: true }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')

  // English, and still English after a reload.
  await page.getByTestId('office-settings').scrollIntoViewIfNeeded()
  await page.getByText('English', { exact: true }).last().click()
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.getByText('Office and officer')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Công ty Cổ phần Sao Việt' })).toContainText('Organization')
  await shots(page, testInfo, 'settings-en')
  await page.getByText('Tiếng Việt', { exact: true }).last().click()
  await expect(page.getByRole('heading', { name: 'Cài đặt', exact: true })).toBeVisible()
})
