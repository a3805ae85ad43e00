import { defineConfig } from '@playwright/test'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serverBinaries } from './scripts/pg-cluster.ts'
import type { E2eOptions } from './e2e/fixtures.ts'
import { STATE_ENV } from './e2e/postgres-run.ts'

// Debian's Chromium (Playwright cannot download its own browsers here); CHROMIUM_PATH overrides.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The runner's process fixes where the run's PostgreSQL server is written down; its workers
// (which load this file again) inherit it, so every process of one run agrees.
process.env[STATE_ENV] ??= join(tmpdir(), `hanh-trang-e2e-pg-${process.pid}.json`)

/**
 * The main flows run a second time with the host's core on PostgreSQL (project `postgres`),
 * wherever a server can be had: a throwaway cluster of the installed binaries (`.ci/run`
 * installs them), or the server HANH_TRANG_TEST_DATABASE_URL names. `--project=sqlite` runs
 * the file half alone.
 */
const postgresReason = process.env.HANH_TRANG_TEST_DATABASE_URL || serverBinaries() ? null : 'the server binaries are not installed (apt-get install postgresql)'
if (postgresReason && process.env.TEST_WORKER_INDEX === undefined) process.stdout.write(`PostgreSQL e2e: skipped, ${postgresReason}.\n`)

const postgresProjects = [
  { name: 'postgres-setup', testMatch: 'postgres.setup.ts', teardown: 'postgres-teardown' },
  { name: 'postgres-teardown', testMatch: 'postgres.teardown.ts' },
  {
    name: 'postgres',
    dependencies: ['postgres-setup'],
    use: { database: 'postgres' as const },
    testIgnore: [
      // About the SQLite file itself: a damaged file, its backups and their restore.
      'recovery.spec.ts',
      // Reads the register's texts straight from the SQLite file (english-scan.ts).
      'english.spec.ts',
      // Their own app processes with their own data folders, not the test host.
      'electron.spec.ts',
      'browser-mode.spec.ts',
      // Starts on the file and connects to a throwaway server of its own through Settings.
      'office-server.spec.ts',
      // A colleague's second core on the same SQLite file; on a server presence is keyed by
      // login, and two cores with the test's one login are one officer's two windows
      // (src/main/briefs/presence.test.ts covers two officers on a server).
      'presence.spec.ts',
      // The renderer alone (headers, layout, accessibility): nothing the database changes,
      // and the longest walks of the suite.
      'csp.spec.ts',
      'zoom.spec.ts',
      'a11y.spec.ts',
      'keyboard.spec.ts',
    ],
  },
]

export default defineConfig<object, E2eOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'sqlite', use: { database: 'sqlite' } }, ...(postgresReason ? [] : postgresProjects)],
})
