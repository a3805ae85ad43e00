/**
 * The e2e run's PostgreSQL server, shared by the `postgres` project's workers: one cluster
 * for the run (scripts/pg-cluster.ts, or the server HANH_TRANG_TEST_DATABASE_URL names),
 * started by e2e/postgres.setup.ts and stopped by e2e/postgres.teardown.ts, with a
 * migrated template from which each test's host gets a fresh database (e2e/host/server.ts).
 *
 * The projects run in separate worker processes, so the server is handed over in a small
 * file; its path is fixed once per run in the runner's environment (playwright.config.ts),
 * which the workers inherit.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

/** Not the unit suite's template: both may run at once on a server named by HANH_TRANG_TEST_DATABASE_URL. */
export const E2E_TEMPLATE = 'hanh_trang_e2e_template'

export const STATE_ENV = 'HANH_TRANG_E2E_PG_STATE'

export interface E2eServer {
  /** The server (its maintenance database), for creating and dropping the tests' databases. */
  url: string
  template: string
  /** The throwaway cluster's folder, when the run started one (else a server it was given). */
  clusterDir: string | null
}

function statePath(): string {
  const path = process.env[STATE_ENV]
  if (!path) throw new Error(`${STATE_ENV} is not set: run the e2e tests through playwright.config.ts`)
  return path
}

export function saveServer(server: E2eServer): void {
  writeFileSync(statePath(), JSON.stringify(server))
}

export function loadServer(): E2eServer | null {
  const path = statePath()
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as E2eServer) : null
}

export function forgetServer(): void {
  rmSync(statePath(), { force: true })
}
