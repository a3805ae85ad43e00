/**
 * `npm start`: build, then open the app in Electron. Where Electron's binary cannot be had
 * (it is downloaded on first launch, and this machine may have no network), the same app
 * opens in the system browser instead, served on 127.0.0.1 (src/main/web/browser-app.ts).
 *
 *   npm start [-- --browser] [--no-build] [--no-open] [--port N]
 *
 * --browser skips Electron; --no-open prints the address without opening a browser.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../src/main/paths.ts'
import { openInBrowser, startBrowserApp } from '../src/main/web/browser-app.ts'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { browser: { type: 'boolean' }, 'no-build': { type: 'boolean' }, 'no-open': { type: 'boolean' }, port: { type: 'string' } },
})

if (!values['no-build']) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

/** Electron's binary, or null when it is not on this machine. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as string
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electron = values.browser ? null : electronBinary()
if (electron) {
  const child = spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit' })
  let failed = false
  child.on('error', (e) => {
    failed = true
    void browserMode(`Electron không chạy được / Electron failed to start: ${e.message}`)
  })
  child.on('exit', (code) => failed || process.exit(code ?? 0))
} else {
  await browserMode(values.browser ? null : 'no-electron')
}

async function browserMode(why: string | null): Promise<void> {
  if (why === 'no-electron') {
    process.stderr.write(
      '\nHành Trang cần chương trình Electron để mở cửa sổ riêng, nhưng máy này chưa có và không tải được (Electron tải bản ' +
        'chạy của nó ở lần mở đầu tiên, việc này cần mạng). Hành Trang mở trong trình duyệt của máy thay thế, trên cùng dữ ' +
        'liệu. Để có cửa sổ riêng, chạy lại `npm start` trên máy có mạng, hoặc đặt ELECTRON_OVERRIDE_DIST_PATH trỏ tới thư ' +
        'mục chứa Electron đã tải sẵn.\n\n' +
        'Hành Trang needs the Electron runtime for its own window, and it is not on this machine and could not be downloaded ' +
        '(Electron fetches its binary on first launch, which needs a network). It opens in the system browser instead, on ' +
        'the same data. For the desktop window, run `npm start` again on a machine with network access, or set ' +
        'ELECTRON_OVERRIDE_DIST_PATH to a folder holding a downloaded Electron.\n\n',
    )
  } else if (why) process.stderr.write(`\n${why}\n\n`)
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  const dataDir = defaultDataDir()
  const app = await startBrowserApp({
    dataDir,
    rendererDir: join(ROOT, 'out', 'renderer'),
    resourcesDir: join(ROOT, 'resources'),
    version,
    ...(values.port && { port: Number(values.port) }),
  })
  const opened = !values['no-open'] && (await openInBrowser(app.url))
  process.stdout.write(
    `Hành Trang (trình duyệt / in the browser), dữ liệu / data: ${dataDir}\n` +
      `${opened ? 'Đã mở / Opened' : 'Mở địa chỉ này trong trình duyệt / Open this address in a browser'}:\n\n  ${app.url}\n\n` +
      'Địa chỉ chứa mã truy cập của lần chạy này: đừng chia sẻ. Ctrl+C để dừng. / ' +
      'The address carries this run’s access key: do not share it. Ctrl+C stops the app.\n',
  )
  let closing = false
  const stop = () => {
    if (closing) return
    closing = true
    void app.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
