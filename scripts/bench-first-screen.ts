/**
 * Issue 12's first screen: from navigation start to the home page's content visible (the
 * attention groups and the counts filled in), in Chromium against the test host, on the
 * demo register (target <= 0.5 s) and on the bench's 100,000-agreement register (target
 * <= 1 s). Each run is a fresh host on the data file (the core opens it, as the app does at
 * start) and a fresh browser context (no HTTP or code cache), so every run is a first start.
 * Also the renderer's bundle: every file's size raw and gzipped, and what the first screen
 * loads of it. The targets hold the median of the runs; the slowest is printed beside.
 * `npm run bench` runs it on its own register (scripts/bench.ts); alone it makes both:
 *
 *   node scripts/bench-first-screen.ts [--runs 5] [--dir FOLDER (kept and reused)] [--no-build]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import { apiInitScript, startHost } from '../e2e/host/server.ts'
import { reindexAll } from '../src/main/search/documents.ts'
import { generateRegister } from './bench-data.ts'

const ROOT = resolve(import.meta.dirname, '..')
const RENDERER = join(ROOT, 'out', 'renderer')

/** Set by the page when the home page's content is on screen: the frame after it appeared. */
const WATCH = `(() => {
  const shown = () => {
    const attention = document.querySelector('[data-testid="attention"]')
    const count = document.querySelector('[data-testid="count-agreements"]')
    return attention && attention.getClientRects().length > 0 && count && /\\d/.test(count.textContent || '')
  }
  const observer = new MutationObserver(() => {
    if (!shown()) return
    observer.disconnect()
    const at = performance.now()
    requestAnimationFrame(() => (window.__firstScreen = { contentMs: at, frameMs: performance.now() }))
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
})()`

interface Run {
  ms: number
  scriptKB: number
  scripts: number
}

/** One first start: a fresh host on the data folder, a fresh browser context, the home page until its content shows. */
export async function firstScreen(browser: Browser, dataDir: string, rendererDir?: string): Promise<Run> {
  const host = await startHost({ dataDir, ...(rendererDir && { rendererDir }) })
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' })
    const page = await context.newPage()
    await page.addInitScript({ content: apiInitScript() })
    await page.addInitScript({ content: WATCH })
    await page.goto(host.url)
    // Functions, not strings: the page's policy has no 'unsafe-eval'.
    const shown = await page.waitForFunction(() => (globalThis as { __firstScreen?: { frameMs: number } }).__firstScreen, undefined, { timeout: 60_000 })
    const { frameMs } = (await shown.jsonValue())!
    // What the first screen loaded of the bundle (decoded bytes of every script).
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => (e as unknown as { decodedBodySize: number }).decodedBodySize),
    )
    await context.close()
    return { ms: Math.round(frameMs), scriptKB: Math.round(scripts.reduce((a, b) => a + b, 0) / 1024), scripts: scripts.length }
  } finally {
    await host.close()
  }
}

async function measure(browser: Browser, dataDir: string, runs: number) {
  const all: Run[] = []
  for (let i = 0; i < runs; i++) all.push(await firstScreen(browser, dataDir))
  const ms = all.map((r) => r.ms).sort((a, b) => a - b)
  return { p50Ms: ms[Math.floor(ms.length / 2)]!, maxMs: ms.at(-1)!, runsMs: all.map((r) => r.ms), scriptKB: all[0]!.scriptKB, scriptFiles: all[0]!.scripts }
}

/** The built renderer's files, raw and gzipped (level 9), biggest first. */
export function bundleSizes() {
  const files = readdirSync(RENDERER, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|css)$/.test(e.name))
    .map((e) => {
      const path = join(e.parentPath, e.name)
      const bytes = readFileSync(path)
      return { file: relative(RENDERER, path), kB: Math.round(bytes.length / 1024), gzipKB: Math.round(gzipSync(bytes, { level: 9 }).length / 1024) }
    })
    .sort((a, b) => b.kB - a.kB)
  const sum = (ext: string, key: 'kB' | 'gzipKB') => files.filter((f) => f.file.endsWith(ext)).reduce((a, f) => a + f[key], 0)
  return { jsKB: sum('.js', 'kB'), jsGzipKB: sum('.js', 'gzipKB'), cssKB: sum('.css', 'kB'), cssGzipKB: sum('.css', 'gzipKB'), files }
}

/** Both first screens, on data folders holding a hanh-trang.sqlite each. */
export async function benchFirstScreen(opts: { demoDataDir: string; largeDataDir: string; runs?: number }) {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const runs = opts.runs ?? 5
    // One unmeasured load first: the OS's file cache and Chromium's own start, as on a machine in use.
    await firstScreen(browser, opts.demoDataDir)
    const demo = await measure(browser, opts.demoDataDir, runs)
    const large = await measure(browser, opts.largeDataDir, runs)
    return {
      demo,
      large,
      bundle: bundleSizes(),
      targets: { demoP50Le500ms: demo.p50Ms <= 500 ? 'ok' : 'MISSED', largeP50Le1000ms: large.p50Ms <= 1000 ? 'ok' : 'MISSED' },
    }
  } finally {
    await browser.close()
  }
}

/** A data folder with the demo register, and one with the demo plus the bench's large register. */
export async function makeRegisters(dir: string, size = { partners: 20_000, agreements: 100_000, engagements: 200_000 }) {
  const demoDataDir = join(dir, 'demo')
  const largeDataDir = join(dir, 'large')
  for (const [dataDir, large] of [[demoDataDir, false], [largeDataDir, true]] as const) {
    if (existsSync(join(dataDir, 'hanh-trang.sqlite'))) continue
    mkdirSync(dataDir, { recursive: true })
    const host = await startHost({ dataDir })
    await host.session.dispatch('demo.load', undefined)
    if (large) {
      generateRegister(host.core.sqlite, size, host.core.ctx.origin)
      // Indexed now, as the bench's register is: no catching up in the background while measured.
      await host.core.db.transaction().execute((trx) => reindexAll(trx))
    }
    await host.close()
  }
  return { demoDataDir, largeDataDir }
}

/** The renderer as the app ships it: the first screen measures the current source. */
export function buildRenderer(): void {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' })
  if (build.status !== 0) throw new Error(`electron-vite build failed (${build.status})`)
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, dir: { type: 'string' }, 'no-build': { type: 'boolean' } } })
  if (!values['no-build']) buildRenderer()
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'hanh-trang-bench-screen-'))
  try {
    const registers = await makeRegisters(dir)
    const largeMB = Math.round(statSync(join(registers.largeDataDir, 'hanh-trang.sqlite')).size / 1e6)
    process.stdout.write(`${JSON.stringify({ largeRegisterMB: largeMB, ...(await benchFirstScreen({ ...registers, runs: Number(values.runs) })) }, null, 2)}\n`)
  } finally {
    if (!values.dir) rmSync(dir, { recursive: true, force: true })
  }
}
