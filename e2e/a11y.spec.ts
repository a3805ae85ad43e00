/**
 * axe-core on every route with the sample data, and on the dialogs an officer opens most:
 * no serious or critical violation anywhere. A failure lists, per screen, each rule with
 * the nodes it found, so the fix can start from the message.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { DEMO_TRIP, demoRoutes, openRoute } from './routes.ts'

interface Finding {
  screen: string
  rule: string
  impact: string
  nodes: string[]
}

/** The serious and critical violations on what the page shows now (a dialog: only the dialog). */
async function audit(page: Page, screen: string, include?: string): Promise<Finding[]> {
  let builder = new AxeBuilder({ page })
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact!, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }))
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.screen} · ${f.rule} (${f.impact}) × ${f.nodes.length}\n    ${f.nodes.slice(0, 6).join('\n    ')}`).join('\n')
}

/** Nodes per screen, for the commit message and the run's log. */
function counts(screens: string[], findings: Finding[]): string {
  return screens.map((s) => `${s}: ${findings.filter((f) => f.screen === s).reduce((n, f) => n + f.nodes.length, 0)}`).join(', ')
}

// axe takes a few seconds a screen on a shared two-core machine.
test.describe.configure({ timeout: 600_000 })

test('axe finds no serious or critical violation on any route', async ({ app, page }) => {
  const routes = await demoRoutes(app)
  const findings: Finding[] = []
  for (const route of routes) {
    await openRoute(page, route.path)
    findings.push(...(await audit(page, route.name)))
  }
  console.log(`axe, serious and critical nodes per route: ${counts(routes.map((r) => r.name), findings)}`)
  expect(findings, report(findings)).toEqual([])
})

test('axe finds no serious or critical violation in the dialogs', async ({ app, page }) => {
  const routes = await demoRoutes(app)
  const path = (name: string) => routes.find((r) => r.name === name)!.path
  const findings: Finding[] = []
  const dialog = page.getByRole('dialog')
  const check = async (screen: string) => {
    await expect(dialog).toBeVisible()
    // Mantine's transition: audit the dialog once it is fully shown.
    await page.waitForTimeout(300)
    findings.push(...(await audit(page, screen, '[role="dialog"]')))
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }

  await openRoute(page, '/')
  await page.keyboard.press('Control+k')
  await page.getByTestId('search-input').fill('thanh hoa')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
  await check('search')

  await openRoute(page, '/agreements')
  await page.getByTestId('new-agreement').click()
  await page.getByTestId('add-party').click()
  await page.getByTestId('add-party').click()
  await dialog.getByRole('button', { name: 'Thêm người ký' }).click()
  await dialog.getByTestId('save').click()
  await expect(dialog.getByTestId('form-error')).toBeVisible()
  await check('agreement form')

  await openRoute(page, path('agreement'))
  await page.getByRole('button', { name: 'Xóa' }).click()
  await check('delete')

  await openRoute(page, `/trips/${DEMO_TRIP}`)
  await page.getByTestId('edit').click()
  await check('trip form')
  await page.getByTestId('programme-item').first().click()
  await check('programme item')

  await openRoute(page, '/')
  await page.locator('body').press('?')
  await check('shortcuts')

  console.log(`axe, serious and critical nodes per dialog: ${counts(['search', 'agreement form', 'delete', 'trip form', 'programme item', 'shortcuts'], findings)}`)
  expect(findings, report(findings)).toEqual([])
})
