/** Page objects: what an officer does, in the words of the UI. Waits are on UI state only. */
import { expect, type Locator, type Page } from '@playwright/test'
import { BRIDGE_GLOBAL, type Bridge } from '../../src/shared/client.ts'
import type { Input, Method, Output } from '../../src/shared/contract.ts'
import { wordErrorBoth } from '../../src/shared/messages/index.ts'
import type { Result } from '../../src/shared/result.ts'

export class AppPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  /**
   * Asks the core directly, through the page's own bridge (the preload's in Electron, the
   * host's in Chromium): for checks on what the core holds, never for what an officer does.
   */
  async call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> {
    const r = (await this.page.evaluate(
      ([name, m, i]) => (globalThis as unknown as Record<string, Bridge>)[name]!.invoke(m, i),
      [BRIDGE_GLOBAL, method, (input ?? null) as unknown] as const,
    )) as Result<Output<M>>
    if (!r.ok) throw new Error(`${method}: ${wordErrorBoth(r.error)}`)
    return r.value
  }

  /** How many agreements the core holds. */
  async agreementCount(): Promise<number> {
    return (await this.call('agreements.list', { limit: 1 })).total
  }

  nav(name: 'home' | 'localities' | 'organizations' | 'people' | 'agreements' | 'engagements' | 'trips' | 'snippets' | 'settings') {
    return this.page.getByTestId(`nav-${name}`)
  }

  async goto(name: Parameters<AppPage['nav']>[0]) {
    // In a narrow window (200 % zoom) the sidebar is a drawer: open it first.
    const burger = this.page.getByTestId('nav-burger')
    await this.nav(name).waitFor({ state: 'attached' })
    if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) !== 'true') await burger.click()
    await this.nav(name).click()
  }

  /** Opens the import wizard on a kind of data (the segment's label: its radio input is visually hidden). */
  async openImport(kind: 'Đối tác (tổ chức, doanh nghiệp)' | 'Nhân vật' | 'Văn kiện' | 'Cam kết') {
    await this.page.getByTestId('nav-import').click()
    await this.page.getByTestId('import-kind').getByText(kind, { exact: true }).click()
    await expect(this.page.getByRole('radio', { name: kind })).toBeChecked()
  }

  /** Answers the welcome step a fresh data folder shows once: the home province and the officer's name. */
  async answerWelcome(province = 'Thanh Hóa', name = 'Nguyễn Thị Lan') {
    const welcome = this.page.getByTestId('welcome')
    await expect(welcome).toBeVisible()
    await this.choose(welcome.getByTestId('welcome-province'), province, province)
    await welcome.getByTestId('welcome-name').fill(name)
    await welcome.getByTestId('welcome-start').click()
    await expect(welcome).toBeHidden()
  }

  /** Loads the sample data from the home page, answering its question. */
  async loadDemo() {
    await this.goto('home')
    await this.page.getByTestId('load-demo').click()
    // The question asked first, in either language.
    await this.dialog.getByRole('button', { name: /^(Nạp|Load)$/ }).click()
    try {
      await expect(this.page.getByTestId('demo-loaded')).toBeVisible()
    } catch (e) {
      // Say what the window showed instead (a refusal in the dialog, a notification), so a
      // failure on a busy CI machine names its cause rather than only the missing alert.
      const shown = await this.page.locator('[role="dialog"], [role="alert"], .mantine-Notification-root').allInnerTexts()
      throw new Error(`${(e as Error).message}\nOn screen instead: ${JSON.stringify(shown)} at ${this.page.url()}`)
    }
  }

  /** The open modal dialog. */
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  /** A form field of the open dialog by its label (a select's option list shares the label: take the input). */
  field(label: string | RegExp): Locator {
    // Required fields carry an asterisk in their accessible name.
    const name = typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`) : label
    return this.dialog.getByLabel(name).first()
  }

  async save() {
    await this.dialog.getByTestId('save').click()
  }

  async saveAndClose() {
    await this.save()
    await expect(this.dialog).toBeHidden()
  }

  /** Picks an option in a Mantine select, typing part of it first where the select is searchable. */
  async choose(select: Locator, typed: string, option: string | RegExp) {
    await select.click()
    if (typed && (await select.isEditable())) await select.fill(typed)
    await this.page.getByRole('option', { name: option }).first().click()
    await expect(this.page.getByRole('listbox')).toBeHidden()
  }

  async search(q: string) {
    // The shortcut works once the window's shell is up (after the first start's check).
    await expect(this.page.getByTestId('open-search')).toBeVisible()
    await this.page.keyboard.press('Control+k')
    const input = this.page.getByTestId('search-input')
    await expect(input).toBeVisible()
    await input.fill(q)
    return this.page.getByTestId('search-hit')
  }

  async closeSearch() {
    await this.page.keyboard.press('Escape')
    await expect(this.page.getByTestId('search-input')).toBeHidden()
  }

  /** Drags a handle onto the upper half of a target, in small pointer steps as a hand would. */
  async drag(handle: Locator, target: Locator) {
    const from = await handle.boundingBox()
    const to = await target.boundingBox()
    if (!from || !to) throw new Error('drag: element not visible')
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 })
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 4, { steps: 12 })
    await this.page.mouse.up()
  }

  rows(table: string): Locator {
    return this.page.getByTestId(table).getByTestId('row')
  }
}
