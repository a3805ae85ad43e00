/**
 * `npm run bench -- --office 50 [--seconds 60] [--think 1000]`: an office of officers on one PostgreSQL
 * server. A throwaway cluster (scripts/pg-cluster.ts) gets the schema, the reference data
 * and the sample data; then each simulated officer, a core of their own with its own
 * connections (as each desktop app has), calls the contract for the given time: searches,
 * the agreements list, a record, the trip's brief model, and saves of a few shared records
 * with the version they loaded, so that officers collide. Each officer pauses between calls
 * as a person at a screen does (`--think`, 1 s on average, each pause between half and one
 * and a half times it: fifty officers make fifty calls a second); `--think 0` sends them
 * back to back, a stress test in which the officers, all in this one process, wait on this
 * process's own thread more than on the server. Prints one JSON line:
 * {"officers","seconds","calls","p50Ms","p95Ms","conflicts","lostUpdates",...} with the
 * targets (p95 <= 50 ms on loopback, no lost update).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { openCore, type Core } from '../src/main/core.ts'
import { startCluster } from './pg-cluster.ts'

const RESOURCES = resolve(import.meta.dirname, '..', 'resources')
const QUERIES = ['thanh hoa', 'yamanashi', 'da nang', '山梨', 'やまなし', 'jetro', 'nông nghiệp', 'shizuoka', 'jica', 'du lịch']
const SHARED = 10

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const round = (ms: number) => Math.round(ms * 100) / 100

async function call(core: Core, method: string, input?: unknown) {
  const r = await core.dispatch(method, input)
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.reason}`), { code: r.error.code })
  return r.value as never
}

export async function benchOffice(officers: number, seconds: number, thinkMs = 1000): Promise<Record<string, unknown>> {
  // Sized as the README says an office's server should be: five connections per officer's app, and a few more.
  const cluster = await startCluster({ maxConnections: Math.max(200, officers * 5 + 10) })
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-office-'))
  const admin = new pg.Client(cluster.url)
  await admin.connect()
  await admin.query('CREATE DATABASE office')
  await admin.end()
  const url = cluster.url.replace(/\/postgres$/, '/office')
  const cores: Core[] = []
  try {
    const setup = await openCore({ dbPath: join(dir, 'admin.sqlite'), databaseUrl: url, migrateServer: true, resourcesDir: RESOURCES, log: () => {} })
    await call(setup, 'demo.load')
    const shared: string[] = []
    for (let k = 0; k < SHARED; k++) shared.push(((await call(setup, 'localities.create', { country: 'JP', level: 'municipality', nameVi: `Thành phố chung ${k + 1}`, population: 1000 })) as { id: string }).id)
    const trip = ((await call(setup, 'trips.list')) as Array<{ id: string }>)[0]!.id
    const agreements = ((await call(setup, 'agreements.list', { limit: 100 })) as { rows: Array<{ id: string }> }).rows.map((r) => r.id)
    await setup.indexer.idle()
    await setup.close()

    for (let k = 0; k < officers; k++) cores.push(await openCore({ dbPath: join(dir, `officer-${k}.sqlite`), databaseUrl: url, resourcesDir: RESOURCES, log: () => {} }))
    // An office's apps have been open for hours: each officer's app first opens its
    // connections and asks each kind of call on each of them once, untimed, so the figures
    // are of an office at work, not of fifty apps starting (a new connection's first
    // queries read the server's catalogue; that start is the first seconds of a day, once).
    const t0 = performance.now()
    await Promise.all(
      cores.map((core, k) =>
        Promise.all(
          [0, 1, 2, 3].map(async (c) => {
            await call(core, 'search.query', { q: QUERIES[(k + c) % QUERIES.length] })
            await call(core, 'agreements.list', { limit: 50 })
            await call(core, 'agreements.get', { id: agreements[(k + c) % agreements.length] })
            await call(core, 'briefs.get', { tripId: trip })
            await call(core, 'localities.get', { id: shared[(k + c) % SHARED]! })
          }),
        ),
      ),
    )
    const warmUpSeconds = round((performance.now() - t0) / 1000)
    const times: number[] = []
    const byMethod: Record<string, number[]> = {}
    let conflicts = 0
    let saved = 0
    let errors = 0
    const errorsBy: Record<string, number> = {}
    const until = performance.now() + seconds * 1000
    await Promise.all(
      cores.map(async (core, k) => {
        let n = 0
        while (performance.now() < until) {
          const pick = (n++ * 7 + k) % 20
          const method = pick < 7 ? 'search' : pick < 12 ? 'list' : pick < 15 ? 'get' : pick < 16 ? 'brief' : 'save'
          const t = performance.now()
          try {
            if (pick < 7) await call(core, 'search.query', { q: QUERIES[(n + k) % QUERIES.length] })
            else if (pick < 12) await call(core, 'agreements.list', { limit: 50 })
            else if (pick < 15) await call(core, 'agreements.get', { id: agreements[(n + k) % agreements.length] })
            else if (pick < 16) await call(core, 'briefs.get', { tripId: trip })
            else {
              const id = shared[(n + k) % SHARED]!
              const { locality } = (await call(core, 'localities.get', { id })) as { locality: { updatedAt: string; nameVi: string } }
              try {
                await call(core, 'localities.update', { id, expectedUpdatedAt: locality.updatedAt, country: 'JP', level: 'municipality', nameVi: locality.nameVi, population: 1000 + k * 100000 + n })
                saved++
              } catch (e) {
                if ((e as { code?: string }).code !== 'conflict') throw e
                conflicts++
              }
            }
          } catch (e) {
            errors++
            const why = `${method}: ${(e as Error).message}`.slice(0, 120)
            errorsBy[why] = (errorsBy[why] ?? 0) + 1
          }
          times.push(performance.now() - t)
          ;(byMethod[method] ??= []).push(performance.now() - t)
          // The pause varies by officer and call (a fixed spread, so runs compare), never in lockstep.
          if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + ((k * 37 + n * 11) % 100) / 100)))
        }
      }),
    )
    // Every accepted save is in the log: none was overwritten unseen by another.
    const check = cores[0]!
    const logged = await check.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).where('entityId', 'in', shared).where('action', '=', 'update').executeTakeFirstOrThrow()
    const sorted = times.sort((a, b) => a - b)
    return {
      officers,
      seconds,
      thinkMs,
      warmUpSeconds,
      calls: times.length,
      callsPerSecond: Math.round(times.length / seconds),
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      p95TargetMs: 50,
      conflicts,
      saved,
      lostUpdates: saved - Number(logged.n),
      errors,
      ...(errors > 0 && { errorsBy }),
      p95MsBy: Object.fromEntries(Object.entries(byMethod).map(([m, v]) => [m, round(percentile(v.sort((a, b) => a - b), 95))])),
    }
  } finally {
    for (const c of cores) await c.close().catch(() => {})
    cluster.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
