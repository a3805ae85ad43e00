/**
 * The unit and integration suite again, on PostgreSQL: every core the tests open gets a
 * database of its own on a throwaway cluster (scripts/pg-cluster.ts), made from a template
 * that has the schema and the reference data. `npm test` runs it after the SQLite run.
 *
 *   node scripts/test-postgres.ts [vitest arguments…]
 *
 * HANH_TRANG_TEST_DATABASE_URL names a server to use instead (its role must be able to
 * create databases); without one, the PostgreSQL half is skipped with its reason where the
 * server's binaries are not installed (`.ci/run` installs them, so CI always runs both).
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { serverBinaries, startCluster, type Cluster } from './pg-cluster.ts'
import { prepareTemplate, TEMPLATE } from './pg-template.ts'

let cluster: Cluster | null = null
let serverUrl = process.env.HANH_TRANG_TEST_DATABASE_URL
if (!serverUrl) {
  if (!serverBinaries()) {
    process.stdout.write('PostgreSQL: skipped, the server binaries are not installed (apt-get install postgresql).\n')
    process.exit(0)
  }
  cluster = await startCluster()
  serverUrl = cluster.url
}
let status = 1
try {
  const started = performance.now()
  await prepareTemplate(serverUrl)
  process.stdout.write(`PostgreSQL: template ready in ${Math.round(performance.now() - started)} ms; the suite runs on ${new URL(serverUrl).host}\n`)
  // This Node (the project's 24), not whichever `node` the PATH names first.
  const vitest = resolve(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs')
  // What only ever opens a SQLite file by its path (its migrations' atomicity, its pragmas)
  // ran in the SQLite half and has nothing to say about a server.
  const fileOnly = ['src/main/db/migrate.test.ts', 'src/main/db/connection.test.ts', 'src/main/db/migrations/*.test.ts']
  const run = spawnSync(process.execPath, [vitest, 'run', ...fileOnly.map((f) => `--exclude=${f}`), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, HANH_TRANG_TEST_DATABASE_URL: serverUrl, HANH_TRANG_TEST_TEMPLATE: TEMPLATE },
  })
  status = run.status ?? 1
} finally {
  cluster?.stop()
}
process.exit(status)
