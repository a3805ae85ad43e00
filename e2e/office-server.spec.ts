/**
 * Settings > "Máy chủ của cơ quan" against a real throwaway PostgreSQL (scripts/pg-cluster.ts):
 * the form is filled, "Kiểm tra kết nối" says the server's schema version and the login's
 * role, connecting asks first and then shows the server's register from the home page (the
 * settings file keeps no password), and a viewer's login sees no write control.
 * Skipped, with the reason, where PostgreSQL's server binaries are not installed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import pg from 'pg'
import { serverBinaries, startCluster, type Cluster } from '../scripts/pg-cluster.ts'
import { main } from '../src/main/cli.ts'
import { openCore } from '../src/main/core.ts'
import { officeFile, writeOfficeConfig } from '../src/main/office/config.ts'
import { expect, test } from './fixtures.ts'
import type { AppPage } from './pages/app-page.ts'
import { apiInitScript, startHost } from './host/server.ts'

const RESOURCES = join(import.meta.dirname, '..', 'resources')
const DATABASE = 'so_ngoai_vu'
const OFFICER = 'lan_officer'
const VIEWER = 'minh_viewer'
const PASSWORD = 'Mat-khau-cua-Lan-2026'
const ON_SERVER = 'Văn phòng đại diện trên máy chủ'

let cluster: Cluster | null = null
let port = 0

test.skip(!serverBinaries(), 'PostgreSQL server binaries are not installed (apt-get install postgresql)')
test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  cluster = await startCluster()
  port = cluster.port
  const admin = new pg.Client(cluster.url)
  await admin.connect()
  await admin.query(`CREATE DATABASE ${DATABASE}`)
  await admin.end()
  const url = cluster.url.replace(/\/postgres$/, `/${DATABASE}`)
  const place = ['--db', join(cluster.dir, 'unused.sqlite'), '--server', url]
  const quiet = () => {}
  expect(await main([...place, 'server', 'init'], quiet)).toBe(0)
  expect(await main([...place, 'server', 'add-officer', OFFICER], quiet)).toBe(0)
  expect(await main([...place, 'server', 'add-officer', VIEWER, '--viewer'], quiet)).toBe(0)
  // The office's register holds what no laptop's file does.
  const core = await openCore({ dbPath: join(cluster.dir, 'unused.sqlite'), databaseUrl: url, resourcesDir: RESOURCES, log: quiet })
  const r = await core.dispatch('organizations.create', { nameVi: ON_SERVER, kind: 'agency', country: 'VN' })
  expect(r.ok).toBe(true)
  await core.close()
})

test.afterAll(() => cluster?.stop())

async function fillServer(app: AppPage, page: Page, user: string) {
  await app.goto('settings')
  const form = page.getByTestId('server-settings')
  await form.getByTestId('server-host').fill('127.0.0.1')
  await form.getByTestId('server-port').fill(String(port))
  await form.getByTestId('server-database').fill(DATABASE)
  await form.getByTestId('server-user').fill(user)
  await form.getByTestId('server-password').fill(PASSWORD)
  await form.getByText('Không dùng TLS', { exact: false }).click()
  return form
}

async function connect(page: Page) {
  await page.getByTestId('server-connect').click()
  const dialog = page.getByRole('dialog', { name: 'Chuyển sang sổ đăng ký trên máy chủ?' })
  await expect(dialog).toContainText(`127.0.0.1:${port}/${DATABASE}`)
  await expect(dialog).toContainText('Không có dữ liệu nào được sao chép giữa hai sổ')
  await dialog.getByTestId('switch-confirm').click()
  await expect(dialog).toBeHidden()
}

test("an officer tests the server, connects and sees the server's register", async ({ app, page, host }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await app.goto('organizations')
  await expect(page.getByText(ON_SERVER)).toHaveCount(0)
  const form = await fillServer(app, page, OFFICER)
  await form.getByTestId('server-test').click()
  const report = form.getByTestId('server-report')
  await expect(report).toContainText(`Kết nối được với 127.0.0.1:${port}/${DATABASE}`)
  await expect(report).toContainText(`Tài khoản ${OFFICER}: cán bộ, được xem và sửa.`)
  await expect(report).toContainText(/Phiên bản lược đồ trên máy chủ: \d+ \(ứng dụng: \d+\)/)
  await report.scrollIntoViewIfNeeded()
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('office-server-1400x900.png') })

  await connect(page)
  // The home page of the other register, named in the sidebar.
  await expect(page.getByTestId('nav-home')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('register-place')).toContainText(`Máy chủ 127.0.0.1/${DATABASE} · ${OFFICER}`)
  await app.goto('organizations')
  await expect(page.getByText(ON_SERVER)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Thêm tổ chức' })).toBeVisible()
  await expect(page.getByTestId('read-only-badge')).toHaveCount(0)
  const saved = readFileSync(officeFile(host.dataDir), 'utf8')
  expect(saved).toContain(OFFICER)
  expect(saved).not.toContain(PASSWORD)
  expect(saved).not.toContain(Buffer.from(PASSWORD).toString('base64'))

  // And back to the file on this computer, asked first too.
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('server-use-file').click()
  const back = page.getByRole('dialog', { name: 'Quay về tệp trên máy này?' })
  await back.getByTestId('switch-confirm').click()
  await expect(page.getByTestId('register-place')).toContainText('Tệp hanh-trang.sqlite')
  await app.goto('organizations')
  await expect(page.getByText(ON_SERVER)).toHaveCount(0)
})

test('a wrong database is said in words, and nothing switches', async ({ app, page }) => {
  const form = await fillServer(app, page, OFFICER)
  await form.getByTestId('server-database').fill('khong_co')
  await form.getByTestId('server-test').click()
  await expect(form.getByTestId('form-error')).toContainText(`không có cơ sở dữ liệu “khong_co”`)
  await expect(page.getByTestId('register-place')).toContainText('Tệp hanh-trang.sqlite')
})

test("a viewer's login sees the register, read only, with no write control", async ({ app, page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await fillServer(app, page, VIEWER)
  await page.getByTestId('server-test').click()
  await expect(page.getByTestId('server-report')).toContainText(`Tài khoản ${VIEWER}: chỉ được xem.`)
  await connect(page)
  await expect(page.getByTestId('read-only-badge')).toHaveText('Chỉ xem')
  await app.goto('organizations')
  await expect(page.getByText(ON_SERVER)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Thêm tổ chức' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Tổ chức', level: 1 })).toBeVisible()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('viewer-organizations-1400x900.png') })
  await page.getByText(ON_SERVER).click()
  await expect(page.getByRole('heading', { name: ON_SERVER })).toBeVisible()
  await expect(page.getByTestId('edit')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Xóa' })).toHaveCount(0)
  for (const [nav, name] of [
    ['agreements', 'Thêm văn kiện'],
    ['trips', 'Thêm đoàn công tác'],
    ['localities', 'Thêm địa phương'],
    ['people', 'Thêm nhân vật'],
  ] as const) {
    await app.goto(nav)
    await expect(page.getByRole('button', { name })).toHaveCount(0)
  }
  await page.getByTestId('nav-import').click()
  await expect(page.getByTestId('choose-file')).toHaveCount(0)
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('open-pack')).toHaveCount(0)
  await expect(page.getByTestId('load-demo')).toHaveCount(0)
})

test('a saved server that does not answer at start is said, with the way back to the file', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  const dataDir = mkdtempSync(join(tmpdir(), 'hanh-trang-e2e-'))
  // Saved on an earlier day: the server, at a port nobody listens on now.
  writeOfficeConfig(dataDir, { version: 1, use: 'server', server: { host: '127.0.0.1', port: 1, database: DATABASE, user: OFFICER, tls: 'disable', caFile: null, password: null } })
  const host = await startHost({ dataDir })
  try {
    await page.addInitScript({ content: apiInitScript() })
    await page.goto(host.url)
    const screen = page.getByTestId('server-unreachable')
    await expect(screen).toContainText('Không kết nối được máy chủ của cơ quan')
    await expect(screen).toContainText(`127.0.0.1:1/${DATABASE}`)
    await expect(screen).toContainText('không có gì được sao chép giữa chúng')
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('server-unreachable-1400x900.png') })
    await page.getByTestId('server-retry').click()
    await expect(screen.getByTestId('form-error')).toContainText('Không kết nối được máy chủ 127.0.0.1:1')
    await page.getByTestId('server-use-file').click()
    // The file of this data folder was never opened before: its first start asks its two questions.
    await expect(page.getByTestId('welcome')).toBeVisible()
    await expect(screen).toHaveCount(0)
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test.describe('at 200 %', () => {
  test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 })
  test('the section fits the window', async ({ app, page }, testInfo) => {
    const form = await fillServer(app, page, OFFICER)
    await form.getByTestId('server-test').click()
    await expect(form.getByTestId('server-report')).toBeVisible()
    const overflow = await page.evaluate('(() => { const e = document.scrollingElement; return e.scrollWidth - e.clientWidth })()')
    expect(overflow).toBe(0)
    await form.getByTestId('server-host').scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('office-server-200pct-top.png') })
    await form.getByTestId('server-connect').scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('office-server-200pct-bottom.png') })
  })
})
