/**
 * Whole-process runs, side by side (issue 11): the CLI's `brief export` as a child
 * process against pandoc converting the same brief from Markdown to .docx. Wall time from
 * spawn to exit and the child's peak RSS (from wait4's ru_maxrss through /usr/bin/time
 * where it is installed, else from /proc/PID/status VmHWM read while the child runs).
 * The runs alternate CLI, pandoc, CLI... so a load on the machine falls on both.
 * `cliSeconds` is with the CLI's compile cache warm (the warm-up run fills it), as a command
 * run a second time finds it; `withoutCompileCache` is the same CLI with the cache off.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import type { BriefModel } from '../src/shared/domain/briefs.ts'
import { briefMarkdown } from './bench-markdown.ts'

export interface Run {
  seconds: number
  peakMiB: number
}

const TIME = '/usr/bin/time'
const hasTime = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true']).status === 0

/** VmHWM of a running process, in kB (0 once it has gone). */
function vmHwm(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** Runs a command once: wall seconds from spawn to exit, peak RSS in MiB. Throws on a non-zero exit. */
export function measure(command: string, args: string[], tmp: string, env?: NodeJS.ProcessEnv): Promise<Run> {
  const rssFile = join(tmp, 'maxrss.txt')
  rmSync(rssFile, { force: true })
  const [cmd, argv] = hasTime ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args]
  return new Promise((done, fail) => {
    const t0 = performance.now()
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: env ?? process.env })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let polled = 0
    const poll = hasTime ? null : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid!))), 2)
    child.on('error', fail)
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000
      if (poll) clearInterval(poll)
      if (code !== 0) return fail(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))
      const kB = hasTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : polled
      done({ seconds, peakMiB: kB / 1024 })
    })
  })
}

const best = (xs: number[]) => Math.min(...xs)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const r2 = (n: number) => Math.round(n * 100) / 100
const r1 = (n: number) => Math.round(n * 10) / 10

/** The CLI's `node src/main/cli.ts ...`, with Node 24 from node_modules as npm runs it. */
export const repoRoot = resolve(import.meta.dirname, '..')
export const cliNode = () => realpathSync(join(repoRoot, 'node_modules', '.bin', 'node'))

/**
 * `brief export` of the trip by the CLI, against pandoc on Markdown made from the model the
 * first export recorded (brief_export.snapshot). One warm-up run of each, then `runs` of each.
 */
export async function cliVsPandoc(options: { dbPath: string; tripId: string; dir: string; runs?: number }): Promise<Record<string, unknown>> {
  const { dbPath, tripId, dir } = options
  const runs = options.runs ?? 5
  const node = cliNode()
  const cliOut = join(dir, 'cli-brief.docx')
  const cliArgs = [join(repoRoot, 'src', 'main', 'cli.ts'), '--db', dbPath, 'brief', 'export', '--trip', tripId, '--out', cliOut]
  // The CLI reads its db from --db only; a HANH_TRANG_DB of the caller's is left out.
  const env = { ...process.env }
  delete env.HANH_TRANG_DB
  delete env.NODE_OPTIONS
  const cli = () => measure(node, cliArgs, dir, env)
  // The CLI keeps Node's compile cache (stripped and compiled modules) between runs; the
  // same command without it is measured too, as after a change to the sources.
  const cliCold = () => measure(node, cliArgs, dir, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' })
  if (spawnSync('pandoc', ['--version']).status !== 0) return { skipped: 'pandoc is not installed' }

  await cli() // warm-up: file cache, and the snapshot for the Markdown
  const db = new Database(dbPath, { readonly: true })
  const row = db.prepare('select snapshot from brief_export where trip_id = ? order by at desc limit 1').get(tripId) as { snapshot: string } | undefined
  db.close()
  if (!row) throw new Error('the CLI recorded no export')
  const model = JSON.parse(row.snapshot) as BriefModel
  const md = join(dir, 'brief.md')
  writeFileSync(md, briefMarkdown(model))
  const pandocOut = join(dir, 'pandoc-brief.docx')
  const pandocArgs = ['-f', 'markdown', '-t', 'docx', ...(model.includeToc ? ['--toc'] : []), '-o', pandocOut, md]
  const pandoc = () => measure('pandoc', pandocArgs, dir)
  await pandoc()

  const loadBefore = loadavg()[0]!
  const c: Run[] = []
  const cold: Run[] = []
  const p: Run[] = []
  for (let i = 0; i < runs; i++) {
    c.push(await cli())
    p.push(await pandoc())
    cold.push(await cliCold())
  }
  const cliSeconds = best(c.map((r) => r.seconds))
  const pandocSeconds = best(p.map((r) => r.seconds))
  const cliPeakMiB = best(c.map((r) => r.peakMiB))
  const pandocPeakMiB = best(p.map((r) => r.peakMiB))
  return {
    runs,
    of: 'best of runs',
    cliSeconds: r2(cliSeconds),
    pandocSeconds: r2(pandocSeconds),
    timeRatio: r2(cliSeconds / pandocSeconds),
    cliPeakMiB: r1(cliPeakMiB),
    pandocPeakMiB: r1(pandocPeakMiB),
    memoryRatio: r2(cliPeakMiB / pandocPeakMiB),
    withoutCompileCache: { cliSeconds: r2(best(cold.map((r) => r.seconds))), cliPeakMiB: r1(best(cold.map((r) => r.peakMiB))) },
    median: {
      cliSeconds: r2(median(c.map((r) => r.seconds))),
      pandocSeconds: r2(median(p.map((r) => r.seconds))),
      cliPeakMiB: r1(median(c.map((r) => r.peakMiB))),
      pandocPeakMiB: r1(median(p.map((r) => r.peakMiB))),
    },
    markdownKB: Math.round(readFileSync(md).length / 1024),
    docxKB: { cli: Math.round(readFileSync(cliOut).length / 1024), pandoc: Math.round(readFileSync(pandocOut).length / 1024) },
    // Other programs on the machine slow both; the 1-minute load average before and after.
    machineLoad: [r2(loadBefore), r2(loadavg()[0]!)],
    peakFrom: hasTime ? 'ru_maxrss (/usr/bin/time)' : '/proc VmHWM',
    targets: {
      timeAtMostPandoc: cliSeconds <= pandocSeconds ? 'ok' : 'MISSED',
      memoryAtMost1_2x: cliPeakMiB <= 1.2 * pandocPeakMiB ? 'ok' : 'MISSED',
    },
  }
}
