/** Page objects: what an officer does, in the words of the UI. Waits are on UI state only. */
import { expect, type Locator, type Page } from '@playwright/test'
import type { Api } from '../../src/shared/client.ts'

export class AppPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  /** How many agreements the core holds, asked through the app's own window.api. */
  async agreementCount(): Promise<number> {
    return this.page.evaluate(async () => {
      const { api } = globalThis as unknown as { api: Api }
      const r = await api.agreements.list({ limit: 1 })
      if (!r.ok) throw new Error(r.error.message)
      return r.value.total
    })
  }

  nav(name: 'home' | 'localities' | 'organizations' | 'people' | 'agreements' | 'engagements' | 'trips' | 'snippets' | 'settings') {
    return this.page.getByTestId(`nav-${name}`)
  }

  async goto(name: Parameters<AppPage['nav']>[0]) {
    await this.nav(name).click()
  }

  /** Opens the import wizard on a kind of data (the segment's label: its radio input is visually hidden). */
  async openImport(kind: 'Đối tác (tổ chức, doanh nghiệp)' | 'Nhân vật' | 'Văn kiện' | 'Cam kết') {
    await this.page.getByTestId('nav-import').click()
    await this.page.getByTestId('import-kind').getByText(kind, { exact: true }).click()
    await expect(this.page.getByRole('radio', { name: kind })).toBeChecked()
  }

  async loadDemo() {
    await this.goto('home')
    await this.page.getByTestId('load-demo').click()
    await expect(this.page.getByTestId('demo-loaded')).toBeVisible()
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
