/**
 * The README's pictures of the brief: the sample trip's brief exported by the CLI in
 * Vietnamese and in English, converted by LibreOffice and rasterized by poppler exactly as
 * ../shared/tools/docx-pages does, and laid side by side by Chromium.
 *
 *   npm run brief-pages            writes docs/screenshots/brief-{pages,vi,en}.png
 *
 * Needs soffice, pdftoppm and Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { main } from '../src/main/cli.ts'

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots')
const work = mkdtempSync(join(tmpdir(), 'hanh-trang-pages-'))
const db = join(work, 'demo.sqlite')
const quiet = () => {}

async function cli(...args: string[]): Promise<string> {
  const lines: string[] = []
  const code = await main(['--db', db, ...args], (s) => lines.push(s))
  if (code !== 0) throw new Error(`hanh-trang ${args.join(' ')} exited ${code}`)
  return lines.join('\n')
}

/** PNG pages of a .docx as LibreOffice lays it out, at `dpi`. */
function pages(docx: string, dpi: number): string[] {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' })
  const pdf = docx.replace(/\.docx$/, '.pdf')
  const prefix = docx.replace(/\.docx$/, '-page')
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix])
  const base = prefix.slice(work.length + 1)
  return readdirSync(work)
    .filter((f) => f.startsWith(base) && f.endsWith('.png'))
    .sort()
    .map((f) => join(work, f))
}

try {
  await cli('demo', 'load').then(quiet)
  const trips = JSON.parse(await cli('trip', 'list', '--json')) as Array<{ id: string; title: string }>
  const trip = trips.find((t) => t.title.includes('Yamanashi')) ?? trips[0]!
  const files: Record<'vi' | 'en', string[]> = { vi: [], en: [] }
  for (const lang of ['vi', 'en'] as const) {
    const docx = join(work, `brief-${lang}.docx`)
    await cli('brief', 'export', '--trip', trip.id, '--lang', lang, '--out', docx)
    files[lang] = pages(docx, 110)
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const sheet = async (name: string, images: string[]) => {
    const tags = images.map((f) => `<img src="data:image/png;base64,${readFileSync(f).toString('base64')}">`).join('')
    await page.setContent(
      `<style>body{margin:0;background:#d9dde3;display:inline-flex;gap:24px;padding:24px}img{width:560px;box-shadow:0 1px 6px #0004;background:#fff}</style>${tags}`,
    )
    await page.waitForLoadState('load')
    await page.locator('body').screenshot({ path: join(OUT, name) })
  }
  // Cover, contents, the leader's summary, the delegation; then the summary page of each language.
  await sheet('brief-pages.png', files.vi.slice(0, 4))
  await sheet('brief-vi.png', [files.vi[0]!, files.vi[2]!])
  await sheet('brief-en.png', [files.en[0]!, files.en[2]!])
  await browser.close()
  process.stdout.write(`${JSON.stringify({ trip: trip.title, pages: { vi: files.vi.length, en: files.en.length }, out: OUT })}\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
