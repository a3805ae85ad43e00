/**
 * Where the app keeps its data. The Electron shell and the CLI use the same folder, so
 * `npm run cli` works on the db the app uses.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'HanhTrang'
export const DB_FILE = 'hanh-trang.sqlite'

/** HANH_TRANG_DATA_DIR moves the whole data folder (tests, a portable install on a USB stick). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HANH_TRANG_DATA_DIR) return env.HANH_TRANG_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

export const defaultDbPath = () => join(defaultDataDir(), DB_FILE)
export const backupDirFor = (dataDir: string) => join(dataDir, 'backups')
