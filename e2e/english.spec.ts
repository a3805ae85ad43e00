/**
 * The English UI is English: on every route, in the dialogs, the search and the import
 * wizard, no visible text holds Vietnamese letters once the register's own texts (record
 * names, titles, notes) are taken out. And a refused form says what is wrong with every
 * field, in the UI's language, with the first field in error brought into view.
 */
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { recordTexts, vietnameseOnPage, type Finding } from './english-scan.ts'
import type { Host } from './host/server.ts'

/** Proper names of the interface that stay as they are in English. */
const PROPER_NAMES = ['Hành Trang']

const LISTS = ['/', '/localities', '/organizations', '/people', '/agreements', '/commitments', '/engagements', '/trips', '/snippets', '/import', '/settings']

const NEW_DIALOGS = [
  ['/localities', 'Add locality'],
  ['/organizations', 'Add organization'],
  ['/people', 'Add person'],
  ['/engagements', 'Add engagement'],
  ['/trips', 'Add delegation'],
  ['/snippets', 'Add talking point'],
] as const

function detailRoutes(host: Host): string[] {
  const ids = (q: string) => (host.core.register.file!.sqlite.prepare(q).all() as { id: string }[]).map((r) => r.id)
  return [
    // A unit that ceased (lineage), a current one, a Japanese prefecture.
    ...ids("SELECT id FROM locality WHERE name_vi IN ('Yamanashi', 'Hà Nam', 'Thanh Hóa')").map((id) => `/localities/${id}`),
    ...ids('SELECT id FROM organization LIMIT 2').map((id) => `/organizations/${id}`),
    ...ids('SELECT id FROM person LIMIT 3').map((id) => `/people/${id}`),
    ...ids('SELECT id FROM agreement').map((id) => `/agreements/${id}`),
    ...ids('SELECT id FROM engagement').map((id) => `/engagements/${id}`),
    ...ids('SELECT id FROM trip').flatMap((id) => [`/trips/${id}`, `/trips/${id}/brief`, `/trips/${id}/approval`]),
  ]
}

async function scan(page: Page, host: Host, where: string): Promise<string[]> {
  const found: Finding[] = await vietnameseOnPage(page, recordTexts(host.core.register.file!.sqlite, PROPER_NAMES))
  return found.map((f) => `${where}: ${f.text}  <${f.where}>`)
}

async function english(page: Page) {
  await page.getByText('English', { exact: true }).first().click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

test('the whole app in English shows no Vietnamese interface text', async ({ app, page, host }) => {
  test.setTimeout(420_000)
  await english(page)
  const findings: string[] = []

  // An empty register: every list's empty state.
  for (const route of LISTS) {
    await page.goto(`${host.url}/#${route}`)
    await expect(page.locator('main h1, main h2, main h3').first()).toBeVisible()
    // Not 'networkidle': the window's change feed keeps one request waiting.
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    findings.push(...(await scan(page, host, `${route} (empty)`)))
  }
  await app.loadDemo()

  for (const route of [...LISTS, ...detailRoutes(host)]) {
    await page.goto(`${host.url}/#${route}`)
    await expect(page.locator('main h1, main h2, main h3').first()).toBeVisible()
    // Not 'networkidle': the window's change feed keeps one request waiting.
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    findings.push(...(await scan(page, host, route)))
  }

  // Each list's new-record dialog.
  for (const [route, button] of NEW_DIALOGS) {
    await page.goto(`${host.url}/#${route}`)
    await page.getByRole('button', { name: button, exact: true }).click()
    await expect(app.dialog).toBeVisible()
    // Not 'networkidle': the window's change feed keeps one request waiting.
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    findings.push(...(await scan(page, host, `${route}: ${button}`)))
    await page.keyboard.press('Escape')
    await expect(app.dialog).toBeHidden()
  }

  // A refused dialog: its fields, its error box.
  await page.goto(`${host.url}/#/agreements`)
  await page.getByTestId('new-agreement').click()
  await app.save()
  await expect(page.getByTestId('form-error')).toBeVisible()
  findings.push(...(await scan(page, host, 'new agreement, refused')))
  await page.keyboard.press('Escape')

  // Search: a unit that ceased, agreements, engagements, with their subtitles.
  for (const q of ['Hà Nam', 'Yamanashi', 'diễn đàn']) {
    const hits = await app.search(q)
    await expect(hits.first()).toBeVisible()
    findings.push(...(await scan(page, host, `search “${q}”`)))
    await app.closeSearch()
  }

  // The import wizard: its field names and each row's problems.
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sổ văn kiện')
  ws.addRow(['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Tỉnh', 'Đối tác'])
  ws.addRow(['Văn kiện có ngày sai', 'MOU', '31/02/2025', 'Thanh Hóa', 'Gunma'])
  ws.addRow(['Văn kiện với tỉnh không có', 'Loại lạ', '01/03/2024', 'Tỉnh Không Có', 'Gunma'])
  ws.addRow(['', 'MOU', '01/03/2024', 'Thanh Hóa', 'Gunma'])
  const file = join(host.dataDir, 'so-van-kien.xlsx')
  await wb.xlsx.writeFile(file)
  host.filesToOpen.spreadsheetToOpen = file
  await page.goto(`${host.url}/#/import`)
  await page.getByTestId('import-kind').getByText('Agreements', { exact: true }).click()
  await page.getByTestId('choose-file').click()
  const problems = page.getByTestId('row-problems')
  await expect(problems.nth(0)).toContainText('"31/02/2025" is not a date')
  await expect(problems.nth(1)).toContainText('No locality or organization "Tỉnh Không Có" in the register')
  // What the sheet holds is data, even where no record has it yet.
  const sheet = ['Sổ văn kiện', 'Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Tỉnh', 'Đối tác', 'Văn kiện có ngày sai', 'Văn kiện với tỉnh không có', 'Loại lạ', 'Tỉnh Không Có']
  const found = await vietnameseOnPage(page, recordTexts(host.core.register.file!.sqlite, [...PROPER_NAMES, ...sheet]))
  findings.push(...found.map((f) => `import: ${f.text}  <${f.where}>`))

  expect(findings).toEqual([])
})

test('a refused form names every problem in the UI’s language and goes to the first', async ({ app, page }) => {
  test.setTimeout(180_000)
  await app.loadDemo()
  for (const [lang, required, title, parties, ends] of [
    ['vi', 'Bắt buộc', 'Tên văn kiện (tiếng Việt)', 'Văn kiện phải có ít nhất một bên ký kết', 'Ngày hết hiệu lực phải sau ngày bắt đầu'],
    ['en', 'Required', 'Title (Vietnamese)', 'An agreement needs at least one party', 'The validity ends before it starts'],
  ] as const) {
    if (lang === 'en') await english(page)
    await app.goto('agreements')
    await page.getByTestId('new-agreement').click()
    // Three problems: no title, no party, a validity that ends before it starts.
    await app.field(lang === 'vi' ? 'Hiệu lực từ' : 'Valid from').fill('01/06/2025')
    await app.field(lang === 'vi' ? 'Hiệu lực đến' : 'Valid until').fill('01/01/2025')
    await app.save()

    const list = page.getByTestId('form-error-list')
    await expect(list.getByRole('listitem')).toHaveCount(3)
    await expect(list).toContainText(`${title}: ${required}`)
    await expect(list).toContainText(parties)
    await expect(list).toContainText(ends)
    await expect(page.getByTestId('form-error')).not.toContainText(lang === 'vi' ? 'Phải là chuỗi' : 'must be text')

    // The title says so beside itself, and has the focus, in view.
    const titleInput = app.field(title)
    await expect(titleInput).toBeFocused()
    await expect(titleInput).toBeInViewport()
    await expect(titleInput).toHaveAttribute('aria-invalid', 'true')
    await expect(app.dialog.getByText(required, { exact: true })).toBeVisible()

    // Each problem in the box goes to its field.
    await list.getByRole('button', { name: lang === 'vi' ? 'Hiệu lực đến' : 'Valid until' }).click()
    await expect(app.field(lang === 'vi' ? 'Hiệu lực đến' : 'Valid until')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(app.dialog).toBeHidden()
  }
})
