/**
 * `npm run bench -- --postgres`: search on the office's server at the bench size (issue 13
 * item 4). The large register is generated into a SQLite file as the normal bench does
 * (scripts/bench-data.ts), its first hits taken there, and then moved onto a throwaway
 * PostgreSQL cluster by the path `cli server import` takes (the register exported as a
 * pack and applied to the server); once the server's search documents have caught up, the
 * same probes and the same timed queries run there. Prints one JSON object with the
 * targets: every probe's first hit right and each group's p95 ≤ 10 ms, with SQLite's times
 * for the same searches beside them, and where the data-dependent probes' hits differ.
 *
 *   npm run bench -- --postgres [--partners 20000 --agreements 100000 --engagements 200000] [--runs 200]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { openCore, type Core } from '../src/main/core.ts'
import { reindexAll } from '../src/main/search/documents.ts'
import { applyPackFile, exportPack } from '../src/main/exchange/pack/index.ts'
import { generateRegister, type RegisterSize } from './bench-data.ts'
import { startCluster } from './pg-cluster.ts'
import { databaseUrl } from './pg-template.ts'
import { EXPECTED, SAME_AS_SQLITE, hitTitles, round, searchTargets, timeSearch } from './bench-search.ts'

const RESOURCES = resolve(import.meta.dirname, '..', 'resources')
const PROBES = [...Object.keys(EXPECTED), ...SAME_AS_SQLITE]
const seconds = (since: number) => round((performance.now() - since) / 1000)

/** The probes whose first hit is not the expected one. */
function wrongHits(hits: Record<string, string[]>): Record<string, { got: string | null; want: string }> {
  const wrong: Record<string, { got: string | null; want: string }> = {}
  for (const [q, want] of Object.entries(EXPECTED)) if (hits[q]?.[0] !== want) wrong[q] = { got: hits[q]?.[0] ?? null, want }
  return wrong
}

/**
 * The data-dependent probes whose hits are not SQLite's. Hits that score the same may come
 * in another order, or another few of them at the end, on the two databases (each breaks
 * ties by its own index order, which a pack import does not keep): for a look, not a target.
 */
function differences(hits: Record<string, string[]>, sqlite: Record<string, string[]>): Record<string, { postgres: string[]; sqlite: string[] }> {
  const differ: Record<string, { postgres: string[]; sqlite: string[] }> = {}
  for (const q of SAME_AS_SQLITE) if ((hits[q] ?? []).join('\n') !== (sqlite[q] ?? []).join('\n')) differ[q] = { postgres: hits[q] ?? [], sqlite: sqlite[q] ?? [] }
  return differ
}

export async function benchPostgres(N: RegisterSize, runs: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-bench-pg-'))
  const cluster = await startCluster()
  let server: Core | null = null
  try {
    // The large register in a file, as the normal bench builds it.
    const laptop = await openCore({ dbPath: join(dir, 'laptop', 'bench.sqlite'), resourcesDir: RESOURCES, log: () => {} })
    await laptop.dispatch('demo.load', undefined)
    let t = performance.now()
    generateRegister(laptop.register.file!.sqlite, N, laptop.ctx.origin)
    await laptop.db.transaction().execute((trx) => reindexAll(trx))
    const generateSeconds = seconds(t)
    const sqliteHits = await hitTitles(laptop, PROBES)
    const sqliteWrong = wrongHits(sqliteHits)
    // The same searches on the file, on this machine now: the figures below are read against these.
    const sqliteTimings = await timeSearch(laptop, runs)
    const packPath = join(dir, 'register.htpack')
    t = performance.now()
    await exportPack(laptop.ctx, { kind: 'all' }, dir, packPath)
    const packExportSeconds = seconds(t)
    await laptop.close()

    // Onto the server, as `cli server init` and `cli server import` do.
    const admin = new pg.Client(cluster.url)
    await admin.connect()
    await admin.query('CREATE DATABASE bench')
    await admin.end()
    mkdirSync(join(dir, 'server'), { recursive: true })
    server = await openCore({ dbPath: join(dir, 'server', 'unused.sqlite'), databaseUrl: databaseUrl(cluster.url, 'bench'), migrateServer: true, resourcesDir: RESOURCES, log: () => {} })
    t = performance.now()
    const applied = await applyPackFile(server.ctx, packPath, join(dir, 'server'))
    const packImportSeconds = seconds(t)
    t = performance.now()
    server.indexer.kick()
    await server.indexer.idle()
    const indexCatchUpSeconds = seconds(t)
    // The planner's statistics, as autovacuum would gather them soon after a bulk load.
    const analyze = new pg.Client(databaseUrl(cluster.url, 'bench'))
    await analyze.connect()
    await analyze.query('ANALYZE')
    await analyze.end()

    const hits = await hitTitles(server, PROBES)
    const wrong = wrongHits(hits)
    const differ = differences(hits, sqliteHits)
    const timings = await timeSearch(server, runs)
    const counts = (await server.dispatch('app.info', undefined)) as { ok: true; value: { counts: unknown } }
    return {
      database: 'postgres',
      server: new URL(cluster.url).host,
      size: counts.value.counts,
      generateSeconds,
      packExportSeconds,
      packImportSeconds,
      packImportCreated: applied.created,
      searchIndexCatchUpSeconds: indexCatchUpSeconds,
      searchMs: timings,
      sqliteSearchMs: sqliteTimings,
      firstHits: Object.fromEntries(Object.keys(EXPECTED).map((q) => [q, hits[q]?.[0] ?? null])),
      targets: {
        searchP95Le10ms: searchTargets(timings),
        everyProbeRight: Object.keys(wrong).length === 0 ? 'ok' : 'MISSED',
      },
      ...(Object.keys(wrong).length > 0 && { wrongProbes: wrong }),
      ...(Object.keys(differ).length > 0 && { hitsOtherThanSqlite: differ }),
      // A probe SQLite itself gets wrong is the search's problem, not the server's.
      ...(Object.keys(sqliteWrong).length > 0 && { wrongOnSqliteToo: sqliteWrong }),
      memoryMB: Math.round(process.memoryUsage().rss / 1e6),
    }
  } finally {
    await server?.close().catch(() => {})
    cluster.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
