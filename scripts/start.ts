/**
 * `npm start`: build, then open the app in Electron. Where Electron's binary cannot be
 * had (it is downloaded on first launch, and this machine may have no network), say so
 * plainly instead of failing with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
if (build.status !== 0) process.exit(build.status ?? 1)

let electron: string
try {
  electron = createRequire(import.meta.url)('electron') as string
} catch {
  process.stderr.write(
    '\nHành Trang cần chương trình Electron để mở cửa sổ, nhưng máy này chưa có và không tải được (Electron tải bản chạy ' +
      'của nó ở lần mở đầu tiên, việc này cần mạng). Hãy chạy lại `npm start` trên máy có mạng, hoặc đặt biến ' +
      'ELECTRON_OVERRIDE_DIST_PATH trỏ tới thư mục chứa Electron đã tải sẵn. Mọi chức năng khác vẫn dùng được: ' +
      '`npm run cli`, `npm test`.\n\n' +
      'Hành Trang needs the Electron runtime to open its window, and it is not on this machine and could not be ' +
      'downloaded (Electron fetches its binary on first launch, which needs a network). Run `npm start` again on a ' +
      'machine with network access, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding a downloaded Electron. ' +
      'Everything else works without it: `npm run cli`, `npm test`.\n',
  )
  process.exit(1)
}
const child = spawn(electron, ['.'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
