/**
 * `npm start` where Electron cannot start: the same app in the browser. The spec runs the
 * real command with Electron made unavailable (ELECTRON_OVERRIDE_DIST_PATH pointing at an
 * empty folder, as on a machine that could not download it), reads the address it prints,
 * and uses the app in Chromium through it: the page's own bridge, the secret from the
 * fragment, a file chosen in the browser's file input, an export arriving as a download.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { watchCspViolations } from './csp-violations.ts'

const ROOT = resolve(import.meta.dirname, '..')
let child: ChildProcess
let dir: string
let url: string
let stderr = ''

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hanh-trang-browser-mode-'))
  const env = { ...process.env, HANH_TRANG_DATA_DIR: join(dir, 'data'), ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron') }
  // Its own process group, so the test ends npm and everything it started, and nothing else.
  child = spawn('npm', ['start', '--', '--no-build', '--no-open'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`no address printed in 60 s:\n${stdout}\n${stderr}`)), 60_000)
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
      const m = /http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+/.exec(stdout)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[0])
      }
    })
    child.once('exit', (code) => reject(new Error(`npm start ended (${code}):\n${stdout}\n${stderr}`)))
  })
})

test.afterAll(async () => {
  if (child.exitCode === null) {
    const ended = new Promise((ok) => child.once('exit', ok))
    process.kill(-child.pid!, 'SIGTERM')
    await ended
  }
  rmSync(dir, { recursive: true, force: true })
})

test('npm start without Electron says why and opens the same app in the browser', async ({ page, context }) => {
  test.setTimeout(180_000)
  expect(stderr).toContain('Electron')
  expect(stderr).toContain('trình duyệt')
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const violations = await watchCspViolations(page)

  await page.goto(url)
  // A fresh data folder: the first start asks for the home province and the name, once.
  const welcome = page.getByTestId('welcome')
  await welcome.getByTestId('welcome-province').fill('thanh hoa')
  await page.getByRole('option', { name: 'Thanh Hóa' }).click()
  await welcome.getByTestId('welcome-name').fill('Nguyễn Thị Lan')
  await welcome.getByTestId('welcome-start').click()
  await expect(page.getByTestId('attention')).toBeVisible()
  // The secret leaves the address bar at once (it stays in the tab for a reload).
  expect(page.url()).toBe(`${new URL(url).origin}/#/`)
  await page.getByTestId('load-demo').click()
  // Loading the sample data asks first.
  await page.getByRole('dialog').getByRole('button', { name: 'Nạp', exact: true }).click()
  await expect(page.getByTestId('demo-loaded')).toBeVisible()
  await expect(page.getByTestId('count-agreements')).toContainText(/[1-9]/)

  // An export comes as the browser's download, under the name the desktop would save it as.
  await page.getByTestId('nav-agreements').click()
  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-register').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^So-theo-doi-van-kien-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK')

  // A file to import is chosen in the browser's file input.
  const csv = join(dir, 'van-kien.csv')
  writeFileSync(csv, 'Tên văn kiện,Loại văn kiện,Ngày ký,Bên Việt Nam,Đối tác\nBản ghi nhớ mở trong trình duyệt,MOU,01/06/2024,Thanh Hóa,Yamanashi\n')
  await page.getByTestId('nav-import').click()
  await page.getByTestId('import-kind').getByText('Văn kiện', { exact: true }).click()
  const choosing = page.waitForEvent('filechooser')
  await page.getByTestId('choose-file').click()
  await (await choosing).setFiles(csv)
  // The file goes up, then the preview is read from it: slower than the test host's path on a busy machine.
  await expect(page.getByText('van-kien.csv')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('commit-import').click()
  await expect(page.getByTestId('import-done')).toContainText('1 mới', { timeout: 30_000 })

  // A reload keeps working: the tab kept the secret.
  await page.reload()
  await page.getByTestId('nav-home').click()
  await expect(page.getByTestId('attention')).toBeVisible()
  expect(errors, 'errors thrown in the page').toEqual([])
  expect(violations, 'Content-Security-Policy violations').toEqual([])

  // Another tab without the address's secret gets nothing but the way to get in.
  const other = await context.browser()!.newPage()
  await other.goto(new URL(url).origin)
  await expect(other.getByText('mã truy cập')).toBeVisible()
  await other.close()
})
