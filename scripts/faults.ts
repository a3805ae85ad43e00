/**
 * `npm run faults`: the core under the faults an office laptop meets, in real child
 * processes on real SQLite files: SIGKILL at random and at aimed moments (first start,
 * upgrade, pack and spreadsheet imports, backup, restore, exports), a full disk, two
 * writers at once, hostile data packs. Prints one JSON object on stdout
 * `{ runs, failures, skipped, left, seconds, seed, scenarios }`; exits 1 on any failure.
 * Progress goes to stderr.
 *
 *   node scripts/faults.ts [--seed N] [--quick] [--only kills,disk,…] [--match REGEX] [--root DIR] [--keep]
 *
 * --seed replays a run (random kill moments are drawn from it; the timing of a kill by
 * delay still depends on the machine). --quick kills fewer times. --only runs some
 * families: migrate, kills, disk, writers, hostile; --match the scenarios whose name
 * matches (kill/upgrade, kill/pack-import-large, disk/backup, hostile/…). --root runs the scenarios against
 * another checkout of the app (an older commit, to see a scenario fail). --keep keeps the
 * temporary folders of a run with failures.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Harness } from './faults/lib.ts'
import { firstStart, upgrade } from './faults/migrate.ts'
import { killScenarios } from './faults/kills.ts'
import { fullDisk } from './faults/disk.ts'
import { twoWriters } from './faults/writers.ts'
import { hostilePacks } from './faults/hostile.ts'

const FAMILIES = ['migrate', 'kills', 'disk', 'writers', 'hostile'] as const

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    root: { type: 'string' },
    keep: { type: 'boolean' },
    match: { type: 'string' },
  },
})
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31)
if (!Number.isInteger(seed)) throw new Error('--seed takes an integer')
const only = values.only ? values.only.split(',').map((s) => s.trim()) : null
for (const f of only ?? []) if (!(FAMILIES as readonly string[]).includes(f)) throw new Error(`--only: unknown family ${f} (${FAMILIES.join(', ')})`)

const h = new Harness({ seed, quick: !!values.quick, root: resolve(values.root ?? resolve(import.meta.dirname, '..')), keep: !!values.keep, only, match: values.match ? new RegExp(values.match) : null })
h.log(`seed ${seed}${values.quick ? ' (quick)' : ''}, app tree ${h.opts.root}, temp ${h.tmp}`)

const family = async (name: (typeof FAMILIES)[number], body: () => Promise<void>) => {
  if (!h.wants(name)) return
  const at = h.seconds()
  h.log(`— ${name}`)
  try {
    await body()
  } catch (e) {
    h.fail(name, `the scenario stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 2000))
  }
  h.log(`— ${name} done in ${(h.seconds() - at).toFixed(1)} s`)
}

try {
  await family('migrate', async () => {
    if (h.matches('kill/first-start')) await firstStart(h)
    if (h.matches('kill/upgrade')) await upgrade(h)
  })
  await family('kills', () => killScenarios(h))
  await family('disk', () => fullDisk(h))
  await family('writers', () => twoWriters(h))
  await family('hostile', () => hostilePacks(h))
} finally {
  h.dispose()
}

const summary = {
  runs: h.runs,
  failures: h.failures,
  skipped: h.skipped,
  left: h.left,
  seconds: h.seconds(),
  seed,
  scenarios: Object.fromEntries(h.perScenario),
}
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
h.log(`${h.runs} runs, ${h.failures.length} failures, ${h.skipped.length} skipped, ${h.seconds()} s (seed ${seed})`)
process.exit(h.failures.length ? 1 : 0)
