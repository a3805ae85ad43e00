import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from './fixtures.ts'
import { keepTheRegister, tourTheDemo } from './flows.ts'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

test('an officer keeps a partner profile, a counterpart, an agreement and its follow-up', async ({ app }) => {
  await keepTheRegister(app)
})

test('the demo data, as the README shows it', async ({ app, page }) => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await tourTheDemo(app, (name) => page.screenshot({ path: join(SCREENSHOTS, name) }))
})
