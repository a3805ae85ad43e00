/**
 * Before the `postgres` project: a throwaway PostgreSQL cluster for the whole run (or the
 * server HANH_TRANG_TEST_DATABASE_URL names, whose role may create databases) and the
 * template every test's database is copied from. e2e/postgres.teardown.ts stops it.
 */
import { test as setup } from '@playwright/test'
import { startCluster } from '../scripts/pg-cluster.ts'
import { prepareTemplate } from '../scripts/pg-template.ts'
import { E2E_TEMPLATE, saveServer } from './postgres-run.ts'

setup('a throwaway PostgreSQL server with a migrated template', async () => {
  setup.setTimeout(120_000)
  const given = process.env.HANH_TRANG_TEST_DATABASE_URL
  const cluster = given ? null : await startCluster()
  const url = given ?? cluster!.url
  // Saved before the template, so that the teardown stops the cluster even if that fails.
  saveServer({ url, template: E2E_TEMPLATE, clusterDir: cluster?.dir ?? null })
  const started = performance.now()
  await prepareTemplate(url, E2E_TEMPLATE)
  process.stdout.write(`PostgreSQL e2e: template ready in ${Math.round(performance.now() - started)} ms on ${new URL(url).host}\n`)
})
