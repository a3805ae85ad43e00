/**
 * The same flows in the real Electron app, through Playwright's `_electron`. Electron
 * downloads its binary on first launch; where it is not on the machine (no network),
 * this spec skips itself and says why, and the flows still run in Chromium
 * (register.spec.ts) against the same renderer and dispatcher.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { watchCspViolations } from './csp-violations.ts'
import { keepTheRegister, tourTheDemo } from './flows.ts'
import { AppPage } from './pages/app-page.ts'

const ROOT = resolve(import.meta.dirname, '..')

/** The Electron executable if it is already on disk; never triggers its download. */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const SKIP_REASON =
  'Electron binary not found in node_modules/electron/dist: it is downloaded on first launch, which needs a network this machine does not have. The same flows run in Chromium in register.spec.ts.'
// The list reporter does not print skip reasons; say it once where the run's log shows it.
if (!binary && !process.env.TEST_WORKER_INDEX) process.stdout.write(`electron.spec.ts: skipped. ${SKIP_REASON}\n`)

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON)

  for (const [name, flow] of [
    ['keeps the register', keepTheRegister],
    ['shows the demo data', tourTheDemo],
  ] as const) {
    test(name, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hanh-trang-electron-'))
      const app = await electron.launch({ executablePath: binary!, args: [ROOT], env: { ...process.env, HANH_TRANG_DATA_DIR: dataDir } })
      try {
        const page = await app.firstWindow()
        // Watch for violations of the policy the app:// handler sends, from a fresh load on.
        const violations = await watchCspViolations(page)
        await page.reload()
        // A fresh data folder: the first start asks for the home province and the officer's name.
        await new AppPage(page).answerWelcome()
        await expect(page.getByTestId('nav-home')).toBeVisible()
        // The renderer runs sandboxed, with no Node; the preload gave it one function.
        expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
        expect(await page.evaluate(() => Object.keys((globalThis as unknown as { hanhTrang: object }).hanhTrang))).toEqual(['invoke'])
        await flow(new AppPage(page))
        expect(violations, 'Content-Security-Policy violations').toEqual([])
      } finally {
        await app.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    })
  }
})
