/**
 * The search half of the bench, the same on either database: the probes whose first hit
 * must be right (issue 2's and issue 13's: folded Vietnamese, kanji and kana, short kanji,
 * prefix type-ahead) and the timed query groups, whose p95 must stay within 10 ms.
 */
import { performance } from 'node:perf_hooks'
import type { Core } from '../src/main/core.ts'

/** Probes and the title their first hit must have. */
export const EXPECTED: Record<string, string> = {
  'thanh hoa': 'Thanh Hóa',
  'da nang': 'Đà Nẵng',
  'ha nam': 'Hà Nam (nay thuộc tỉnh Ninh Bình)',
  山梨: 'Yamanashi',
  山梨県: 'Yamanashi',
  yamanashi: 'Yamanashi',
  やまなし: 'Yamanashi',
  than: 'Thanh Hóa',
}

/** Probes whose hits depend on the generated data: PostgreSQL's are shown beside SQLite's where they differ. */
export const SAME_AS_SQLITE = ['山', '横浜', 'tha', 'yama', 'nguy', 'ban ghi nho hop tac']

export const QUERIES = {
  foldedVietnamese: ['thanh hoa', 'da nang', 'nguyen van', 'ban ghi nho hop tac', 'phu hoa', 'tran thi lan', 'quang ninh', 'ha noi'],
  cjkShort: ['山', '山梨', '横浜', '佐藤', '田中'],
  cjk3plus: ['山梨県', '株式会社', '山本 浩', '中野市', '佐藤浩'],
  prefix: ['t', 'th', 'tha', 'than', 'thanh', 'thanh h', 'ya', 'yama', 'nguy', 'ph'],
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
export const round = (ms: number) => Math.round(ms * 100) / 100

const search = (core: Core, q: string) => core.dispatch('search.query', { q, limit: 8 })

/** The first hit's title of each probe (null: nothing found, or an error). */
export async function firstHits(core: Core, probes: readonly string[]): Promise<Record<string, string | null>> {
  const hits: Record<string, string | null> = {}
  for (const q of probes) {
    const r = await search(core, q)
    hits[q] = r.ok ? ((r.value as Array<{ title: string }>)[0]?.title ?? null) : null
  }
  return hits
}

/** The titles of each probe's hits (at most 8, in their order), to hold one database's against the other's. */
export async function hitTitles(core: Core, probes: readonly string[]): Promise<Record<string, string[]>> {
  const hits: Record<string, string[]> = {}
  for (const q of probes) {
    const r = await search(core, q)
    hits[q] = r.ok ? (r.value as Array<{ title: string }>).map((h) => h.title) : []
  }
  return hits
}

export type SearchTimings = Record<string, { p50: number; p95: number; max: number; slowest: string }>

/** About `runs` searches per group, each query of a group equally often. */
export async function timeSearch(core: Core, runs: number): Promise<SearchTimings> {
  const timings: SearchTimings = {}
  for (const [group, list] of Object.entries(QUERIES)) {
    const all: number[] = []
    let slowest = { q: '', p95: 0 }
    for (const q of list) {
      const times: number[] = []
      for (let i = 0; i < Math.ceil(runs / list.length); i++) {
        const t = performance.now()
        await search(core, q)
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      if (percentile(times, 95) > slowest.p95) slowest = { q, p95: percentile(times, 95) }
      all.push(...times)
    }
    all.sort((a, b) => a - b)
    timings[group] = { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), max: round(all.at(-1)!), slowest: `${slowest.q} (p95 ${round(slowest.p95)} ms)` }
  }
  return timings
}

/** Each group's p95 against the 10 ms target. */
export const searchTargets = (timings: SearchTimings) => Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v.p95 <= 10 ? 'ok' : 'MISSED']))
