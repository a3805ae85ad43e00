/**
 * "Đang mở cùng lúc": a colleague with the same brief open (here a second core on the same
 * file, as another officer's window would be) is named beside the brief's title; a second
 * window of this officer's is named as such. Screenshots at 1400×900 and at 200 %.
 */
import { join } from 'node:path'
import { openCore } from '../src/main/core.ts'
import { expect, test } from './fixtures.ts'
import { apiInitScript } from './host/server.ts'
import { DEMO_TRIP, openRoute } from './routes.ts'

test('the brief names who else has it open, and forgets them when they leave', async ({ app, page, host, context }) => {
  test.setTimeout(150_000)
  await app.loadDemo()
  const colleague = await openCore({ dbPath: join(host.dataDir, 'hanh-trang.sqlite'), resourcesDir: join(import.meta.dirname, '..', 'resources'), log: () => {} })
  colleague.ctx.actor = 'Nguyễn Văn An'
  let heartbeat: NodeJS.Timeout | undefined
  try {
    // The colleague's page says it is open, as the app does every 15 s.
    const beat = () => colleague.dispatch('briefs.presence', { tripId: DEMO_TRIP, session: 'colleague-window-1' })
    expect((await beat()).ok).toBe(true)
    heartbeat = setInterval(() => void beat(), 5_000)
    await openRoute(page, `/trips/${DEMO_TRIP}/brief`)
    const banner = page.getByTestId('also-open')
    await expect(banner).toHaveText('Đang mở cùng lúc: Nguyễn Văn An')
    await page.screenshot({ path: 'test-results/presence-1400.png' })
    // In English too.
    await page.getByRole('radiogroup', { name: 'Ngôn ngữ giao diện' }).getByText('English', { exact: true }).click()
    await expect(banner).toHaveText('Also open: Nguyễn Văn An')
    await page.screenshot({ path: 'test-results/presence-1400-en.png' })
    await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('Tiếng Việt', { exact: true }).click()
    await expect(banner).toHaveText('Đang mở cùng lúc: Nguyễn Văn An')

    // This officer's second window sees the colleague and the first window.
    const second = await context.newPage()
    await second.addInitScript({ content: apiInitScript() })
    await second.goto(`${host.url}/#/trips/${DEMO_TRIP}/brief`)
    await expect(second.getByTestId('also-open')).toContainText('Nguyễn Văn An', { timeout: 30_000 })
    await expect(second.getByTestId('also-open')).toContainText('(cửa sổ khác)')
    await second.setViewportSize({ width: 700, height: 450 })
    await second.screenshot({ path: 'test-results/presence-700.png' })
    // Leaving the brief for another page says goodbye.
    await openRoute(second, '/trips')
    await second.close()

    // The colleague closes the brief: gone at this window's next heartbeat (every 15 s).
    clearInterval(heartbeat)
    await colleague.dispatch('briefs.presence', { tripId: DEMO_TRIP, session: 'colleague-window-1', leave: true })
    await expect(banner).toHaveCount(0, { timeout: 30_000 })
  } finally {
    clearInterval(heartbeat)
    await colleague.close()
  }
})
