import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from './fixtures.ts'
import { keepTheRegister, tourTheDemo } from './flows.ts'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

test('an officer keeps a partner profile, a counterpart, an agreement and its follow-up', async ({ app }) => {
  await keepTheRegister(app)
})

// `npm run screenshots` refreshes the README's pictures; a plain test run leaves the tree clean.
const update = !!process.env.UPDATE_SCREENSHOTS

test('the demo data, as the README shows it', async ({ app, page }) => {
  if (update) mkdirSync(SCREENSHOTS, { recursive: true })
  await tourTheDemo(app, async (name) => {
    if (!update) return
    await page.mouse.move(0, 899)
    await page.screenshot({ path: join(SCREENSHOTS, name) })
  })
})
