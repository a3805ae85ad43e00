/** After the `postgres` project: the run's cluster stopped and removed (or, on a given server, the template dropped). */
import { test as teardown } from '@playwright/test'
import { stopCluster } from '../scripts/pg-cluster.ts'
import { dropDatabase } from '../scripts/pg-template.ts'
import { forgetServer, loadServer } from './postgres-run.ts'

teardown('the throwaway PostgreSQL server stopped', async () => {
  const server = loadServer()
  if (!server) return
  if (server.clusterDir) stopCluster(server.clusterDir)
  else await dropDatabase(server.url, server.template)
  forgetServer()
})
