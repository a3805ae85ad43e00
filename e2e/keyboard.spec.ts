/**
 * The keyboard alone: from the skip link through the sidebar's links, a list's rows, a
 * new agreement refused then saved, and the shortcuts. No click after the sample data.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { DEMO_TRIP, openRoute } from './routes.ts'

/** Presses Tab (or Shift+Tab) until `target` has the focus, as an officer would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    // (The e2e project is typed without the DOM.)
    if (await target.evaluate((e: { ownerDocument: { activeElement: unknown } }) => e === e.ownerDocument.activeElement)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${max} presses of Tab never reached ${target}`)
}

/** Picks an option of a searchable select from the keyboard: type, arrow down, Enter. */
async function chooseByKeys(page: Page, typed: string, option: RegExp) {
  await page.keyboard.type(typed)
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox')).toBeHidden()
}

const title = (page: Page) => page.locator('main h1')

// Every key is a round trip to the page: on a shared machine a test takes a while.
test.describe.configure({ timeout: 180_000 })

test('an agreement is created with the keyboard only', async ({ app, page }) => {
  await app.loadDemo()
  const before = await app.agreementCount()
  await page.reload()
  // The shell comes after the status and settings reads (the first-start gate): Tab once it is there.
  await expect(page.getByTestId('skip-link')).toBeAttached()

  // The first Tab shows the skip link; the next ones go through the header to the
  // sidebar, whose items are links: Enter on "Văn kiện", the focus lands on the new title.
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('skip-link')).toBeFocused()
  const agreementsLink = page.getByRole('navigation').getByRole('link', { name: 'Văn kiện', exact: true })
  await tabTo(page, agreementsLink)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/agreements$/)
  await expect(title(page)).toHaveText('Sổ văn kiện')
  await expect(title(page)).toBeFocused()

  // Ctrl+N opens the form on its first field. Saved empty, it is refused and the focus
  // goes back to the first field in error.
  await page.keyboard.press('Control+n')
  const dialog = app.dialog
  await expect(dialog).toBeVisible()
  const titleField = app.field('Tên văn kiện (tiếng Việt)')
  await expect(titleField).toBeFocused()
  await tabTo(page, app.field('Ngày ký'))
  await page.keyboard.type('12/05/2026')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('form-error')).toBeVisible()
  await expect(titleField).toHaveAttribute('aria-invalid', 'true')
  await expect(titleField).toBeFocused()

  await page.keyboard.type('Bản ghi nhớ gõ bằng bàn phím')
  for (const [n, typed, option] of [
    [1, 'thanh hoa', /^Thanh Hóa$/],
    [2, 'yamanashi', /^Yamanashi/],
  ] as const) {
    await tabTo(page, dialog.getByTestId('add-party'))
    await page.keyboard.press('Enter')
    await tabTo(page, app.field(`Bên ${n}`), { back: true })
    await chooseByKeys(page, typed, option)
  }
  await tabTo(page, dialog.getByTestId('save'))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  // The new record's page, its title focused.
  await expect(page).toHaveURL(/#\/agreements\/[0-9a-f-]+$/)
  await expect(title(page)).toHaveText('Bản ghi nhớ gõ bằng bàn phím')
  await expect(title(page)).toBeFocused()
  await expect(page.getByTestId('party')).toHaveText(['Thanh Hóa', 'Yamanashi'])
  expect(await app.agreementCount()).toBe(before + 1)
})

test('list rows and programme items open with Enter; arrows move between rows', async ({ app, page }) => {
  await app.loadDemo()
  await openRoute(page, '/agreements')
  // From a fresh start the first Tab is the skip link, which leads to the page's title.
  await page.reload()
  // The shell comes after the status and settings reads (the first-start gate): Tab once it is there.
  await expect(page.getByTestId('skip-link')).toBeAttached()
  // ...and once the page it skips to has its title: the shell now comes with the first
  // answers, and on a loaded machine the list's page can still be loading then.
  await expect(title(page)).toHaveText('Sổ văn kiện')
  await page.keyboard.press('Tab')
  const skip = page.getByTestId('skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(title(page)).toBeFocused()
  await expect(title(page)).toHaveText('Sổ văn kiện')

  const rows = app.rows('agreements-table')
  // The rows are one stop of the Tab order: the first row takes it.
  await tabTo(page, rows.first())
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()
  const second = (await rows.nth(1).locator('td').first().innerText()).trim()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/agreements\/[0-9a-f-]+$/)
  await expect(title(page)).toContainText(second.slice(0, 30))
  await expect(title(page)).toBeFocused()

  await openRoute(page, `/trips/${DEMO_TRIP}`)
  const item = page.getByTestId('programme-item').first()
  await tabTo(page, item)
  const itemTitle = (await item.locator('td').nth(1).locator('p').first().innerText()).trim()
  await page.keyboard.press('Enter')
  await expect(app.dialog).toBeVisible()
  await expect(app.field('Nội dung')).toHaveValue(itemTitle)
  await page.keyboard.press('Escape')
  await expect(app.dialog).toBeHidden()
})

test('the shortcuts: ? lists them, Ctrl+K searches, Ctrl+N is a list page’s, Ctrl+E exports the brief', async ({ app, page }) => {
  await app.loadDemo()
  await openRoute(page, '/')
  await page.locator('body').press('?')
  const shortcuts = page.getByTestId('shortcut-list')
  await expect(shortcuts).toBeVisible()
  for (const does of ['Tìm kiếm trong toàn bộ dữ liệu', 'Thêm bản ghi mới (trên trang danh sách)', 'Xuất tài liệu Word (trên trang tài liệu của đoàn)']) {
    await expect(shortcuts).toContainText(does)
  }
  await page.keyboard.press('Escape')
  await expect(app.dialog).toBeHidden()

  await page.keyboard.press('Control+k')
  await expect(page.getByTestId('search-input')).toBeFocused()
  await page.keyboard.press('Escape')

  // Ctrl+N does nothing where there is no list to add to…
  await page.keyboard.press('Control+n')
  await expect(app.dialog).toBeHidden()
  // …and opens the new-record form on a list page.
  await openRoute(page, '/trips')
  await page.keyboard.press('Control+n')
  await expect(app.dialog).toBeVisible()
  await page.keyboard.press('Escape')

  await openRoute(page, `/trips/${DEMO_TRIP}/brief`)
  await page.keyboard.press('Control+e')
  // The .docx is rendered on a worker: allow a loaded machine its time (CI saw over 30 s
  // with a benchmark running beside it).
  await expect(page.getByTestId('exported')).toContainText('.docx', { timeout: 90_000 })
})
