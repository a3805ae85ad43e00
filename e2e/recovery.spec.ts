/**
 * A damaged data file: the window opens on the recovery screen, lists the backups and
 * restores the chosen one (the damaged file is kept in damaged/); Settings shows the
 * health of the file and checks it on request.
 *
 * Screenshots: every run writes them into test-results (1400×900, and the same window at
 * 200 % zoom, a 700×450 CSS viewport at deviceScaleFactor 2) for a look; UPDATE_SCREENSHOTS
 * also refreshes docs/screenshots/recovery.png.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import { timestampForFile } from '../src/main/exchange/backup.ts'
import { expect, test, watchCspViolations } from './fixtures.ts'
import { apiInitScript, startHost, type Host } from './host/server.ts'
import { AppPage } from './pages/app-page.ts'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')
const update = !!process.env.UPDATE_SCREENSHOTS
const WINDOW = { width: 1400, height: 900 }
const DB = 'hanh-trang.sqlite'

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

interface Damaged {
  dataDir: string
  backupFile: string
  unreadableFile: string
  damagedSha: string
}

/**
 * A data folder whose register holds the demo data and one backup made by the officer,
 * beside an older daily "backup" that is no database at all; then the register's file is
 * damaged, its first 100 bytes overwritten (as session.test.ts does), with the host closed.
 */
async function damagedFolder(): Promise<Damaged> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hanh-trang-e2e-'))
  const first = await startHost({ dataDir })
  const demo = await first.session.dispatch('demo.load', undefined)
  const backup = await first.session.dispatch('backups.create', undefined)
  await first.close()
  if (!demo.ok || !backup.ok) throw new Error('the register could not be prepared')
  const unreadableFile = `hanh-trang-daily-${timestampForFile(new Date(Date.now() - 24 * 60 * 60 * 1000))}.sqlite`
  writeFileSync(join(dataDir, 'backups', unreadableFile), 'Đây không phải một tệp dữ liệu.'.repeat(19_000))
  const fd = openSync(join(dataDir, DB), 'r+')
  writeSync(fd, Buffer.from('Tệp này đã hỏng.'.repeat(8)), 0, 100, 0)
  closeSync(fd)
  return { dataDir, backupFile: (backup.value as { fileName: string }).fileName, unreadableFile, damagedSha: sha(join(dataDir, DB)) }
}

const damaged = test.extend<{ damage: Damaged }>({
  damage: async ({}, use) => {
    const d = await damagedFolder()
    await use(d)
    rmSync(d.dataDir, { recursive: true, force: true })
  },
  // The host starts on the damaged folder: the page gets the damaged status.
  host: async ({ damage }, use) => {
    const host = await startHost({ dataDir: damage.dataDir })
    await use(host)
    await host.close()
  },
})

/** The same window at 200 % zoom: half the CSS pixels, each drawn twice as large. */
async function atDoubleZoom(browser: Browser, host: Host, look: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: WINDOW.width / 2, height: WINDOW.height / 2 }, deviceScaleFactor: 2, locale: 'vi-VN' })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: apiInitScript() })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const violations = await watchCspViolations(page)
    await page.goto(host.url)
    await look(page)
    expect(errors).toEqual([])
    expect(violations).toEqual([])
  } finally {
    await context.close()
  }
}

/** Scrolls a block to the middle of the window, for a screenshot that shows what is around it. */
async function centre(block: Locator) {
  await block.evaluate((e) => e.scrollIntoView({ block: 'center' }))
}

/** Nothing is wider than the window (no sideways scrolling, no text cut at the edge). */
async function expectNoSidewaysOverflow(page: Page) {
  const { scroll, client } = await page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  )
  expect(scroll, 'page width').toBeLessThanOrEqual(client)
}

damaged('a damaged register is restored from its backup, the damaged file kept aside', async ({ app, page, host, damage, browser }, testInfo) => {
  await page.setViewportSize(WINDOW)
  const screen = page.getByTestId('recovery')
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Tệp dữ liệu bị hỏng')
  await expect(screen.getByTestId('recovery-path')).toHaveText(join(host.dataDir, DB))
  await expect(screen).toContainText('Tệp hỏng sẽ được chuyển sang thư mục damaged bên cạnh, không bị xóa.')
  // The core's own words, in the interface's language only.
  await expect(screen.getByTestId('recovery-message')).toContainText('bị hỏng')
  await expect(screen).not.toContainText('The database is damaged')
  // No sidebar, no page of the register: they would ask the core what it refuses now.
  await expect(app.nav('home')).toHaveCount(0)

  const table = page.getByRole('table', { name: 'Các bản sao lưu có thể khôi phục, mới nhất ở trên cùng' })
  const rows = app.rows('recovery-backups')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('Sao lưu thủ công')
  await expect(rows.nth(0)).toContainText('Mới nhất')
  await expect(rows.nth(0)).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
  await expect(rows.nth(0)).toContainText(/\d+,\d+ MB/)
  await expect(rows.nth(1)).toContainText('Sao lưu hằng ngày')
  await expect(table).toBeVisible()
  await expectNoSidewaysOverflow(page)

  await page.mouse.move(0, WINDOW.height - 1)
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('recovery-1400x900.png') })
  if (update) {
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'recovery.png') })
  }
  await atDoubleZoom(browser, host, async (zoomed) => {
    await expect(zoomed.getByRole('heading', { name: 'Tệp dữ liệu bị hỏng' })).toBeVisible()
    await expectNoSidewaysOverflow(zoomed)
    await zoomed.screenshot({ animations: 'disabled', path: testInfo.outputPath('recovery-200pct.png'), fullPage: true })
    await zoomed.getByRole('button', { name: /^Khôi phục bản này/ }).first().click()
    await expect(zoomed.getByRole('dialog')).toBeVisible()
    await zoomed.screenshot({ animations: 'disabled', path: testInfo.outputPath('recovery-dialog-200pct.png') })
  })

  // A backup that is itself unreadable is refused in the dialog, and nothing happens.
  await rows.nth(1).getByRole('button', { name: /^Khôi phục bản này \(sao lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/ }).click()
  await expect(app.dialog).toContainText(/Khôi phục dữ liệu từ bản sao lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\?/)
  await expect(app.dialog.getByRole('heading', { name: 'Khôi phục bản sao lưu' })).toBeVisible()
  const confirm = app.dialog.getByRole('button', { name: 'Khôi phục', exact: true })
  await expect(confirm).toBeFocused()
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('recovery-dialog-1400x900.png') })
  await confirm.click()
  await expect(app.dialog.getByRole('alert')).toContainText(`${damage.unreadableFile} không phải tệp dữ liệu Hành Trang`)
  expect(sha(join(host.dataDir, DB))).toBe(damage.damagedSha)
  expect(existsSync(join(host.dataDir, 'damaged'))).toBe(false)
  await app.dialog.getByRole('button', { name: 'Hủy' }).click()
  await expect(app.dialog).toBeHidden()
  await expect(screen).toBeVisible()

  // The officer's own backup brings the register back.
  await rows.nth(0).getByRole('button', { name: /^Khôi phục bản này/ }).click()
  await app.dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click()
  await expect(page.getByText(/^Đã khôi phục dữ liệu từ bản sao lưu\. Tệp hỏng được chuyển sang .*damaged/)).toBeVisible()
  await expect(screen).toBeHidden()
  await app.goto('agreements')
  await expect(app.rows('agreements-table')).toHaveCount(3)
  await expect(app.rows('agreements-table').filter({ hasText: 'Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma' })).toHaveCount(1)

  const aside = readdirSync(join(host.dataDir, 'damaged'))
  expect(aside).toHaveLength(1)
  expect(sha(join(host.dataDir, 'damaged', aside[0]!))).toBe(damage.damagedSha)
  expect(await app.call('backups.list')).toEqual(expect.arrayContaining([expect.objectContaining({ fileName: damage.backupFile })]))
})

test('Settings checks the data file on request; a fault found is shown over every page', async ({ app, page, host, browser }, testInfo) => {
  await page.setViewportSize(WINDOW)
  await app.goto('settings')
  const health = page.getByTestId('health')
  await expect(health).toContainText('Chưa kiểm tra lần nào.')
  await health.getByRole('button', { name: 'Kiểm tra ngay' }).click()
  await expect(health.getByTestId('health-result')).toHaveText('Tốt')
  await expect(health).toContainText('Kiểm tra theo yêu cầu')
  await expect(health).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
  await expect(page.getByTestId('health-banner')).toHaveCount(0)
  await centre(health)
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('settings-health-1400x900.png') })
  await atDoubleZoom(browser, host, async (zoomed) => {
    await new AppPage(zoomed).goto('settings')
    const block = zoomed.getByTestId('health')
    await expect(block.getByTestId('health-result')).toHaveText('Tốt')
    await centre(block)
    await expectNoSidewaysOverflow(zoomed)
    await zoomed.screenshot({ animations: 'disabled', path: testInfo.outputPath('settings-health-200pct.png') })
  })

  // A background check that found faults (its result as the core keeps it beside the database).
  const at = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  writeFileSync(join(host.dataDir, `${DB}.health.json`), JSON.stringify({ at, ok: false, detail: '*** in database main *** Page 12: btreeInitPage() returns error code 11', ms: 2140, trigger: 'background' }))
  await page.reload()
  await app.goto('agreements')
  const banner = page.getByTestId('health-banner')
  await expect(banner).toContainText(/Lần kiểm tra tệp dữ liệu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} phát hiện lỗi\. Hãy xuất gói dữ liệu những gì mới nhập gần đây, rồi khởi động lại/)
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('health-banner-1400x900.png') })
  await banner.getByRole('button', { name: 'Mở Cài đặt' }).click()
  await expect(health.getByTestId('health-result')).toHaveText(/^Có lỗi: \*\*\* in database main/)
  await expect(health).toContainText('Tự động hằng ngày')
  await expect(health).toContainText('2,1 giây')
  await expect(health).toBeInViewport()
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('settings-health-fault-1400x900.png') })
  await health.getByRole('button', { name: 'Kiểm tra ngay' }).click()
  await expect(health.getByTestId('health-result')).toHaveText('Tốt')
  await expect(banner).toHaveCount(0)
})
