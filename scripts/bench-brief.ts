/**
 * The brief at forum scale: a trip of 8 days with 40 meetings and 30 counterparts, 200
 * agreements and 60 key figures (about 100 pages). Prints JSON: time to assemble the
 * model, time to write the .docx, and the peak memory, in this process; then the whole
 * process, side by side (issue 11): the CLI's `brief export` of the trip against pandoc
 * converting the same brief from Markdown (bench-process.ts). Run by `npm run bench`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Packer } from 'docx'
import { buildModel, writeBrief } from '../src/main/briefs/export.ts'
import { briefDocument, renderBriefDocx } from '../src/main/briefs/docx/render.ts'
import { openCore, type Core } from '../src/main/core.ts'
import { cliVsPandoc } from './bench-process.ts'

/** The forum-scale trip, in the core's db; returns its id. */
export async function buildForumTrip(core: Core): Promise<string> {
  const call = async (m: string, i?: unknown) => {
    const r = await core.dispatch(m, i)
    if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`)
    return r.value as { id: string }
  }
  const loc = (await core.db.selectFrom('locality').select('id').where('refKey', '=', 'jp-pref-19').executeTakeFirstOrThrow()).id
  const home = (await core.db.selectFrom('locality').select('id').where('refKey', '=', 'vn-2025-thanh-hoa').executeTakeFirstOrThrow()).id
  const people: string[] = []
  for (let i = 0; i < 30; i++) {
    people.push(
      (await call('people.create', {
        familyName: `Yamada${i}`,
        givenName: 'Taro',
        familyNameNative: '山田',
        givenNameNative: '太郎',
        nameOrder: 'family_first',
        country: 'JP',
        title: 'Phó Thống đốc',
        localityId: loc,
        bio: 'Phụ trách hợp tác quốc tế, nông nghiệp và du lịch. '.repeat(4),
        protocolNotes: 'Xưng hô: Phó Thống đốc.',
      })).id,
    )
  }
  for (let i = 0; i < 200; i++) {
    const { id } = await call('agreements.create', {
      kind: 'mou',
      titleVi: `Bản ghi nhớ hợp tác số ${i + 1} giữa tỉnh Thanh Hóa và tỉnh Yamanashi`,
      status: 'in_force',
      signedDate: `20${10 + (i % 15)}-0${1 + (i % 9)}-15`,
      parties: [
        { side: 'home', localityId: home },
        { side: 'partner', localityId: loc },
      ],
    })
    if (i % 4 === 0) await call('commitments.create', { agreementId: id, action: `Việc cần theo dõi ${i}`, dueDate: '2026-01-31', status: 'open' })
  }
  for (let i = 0; i < 60; i++) {
    await call('facts.create', { label: `Chỉ tiêu ${i + 1}`, value: String(1000 + i), unit: 'tỷ đồng', asOf: '2025-06-30', source: 'Niên giám thống kê', scope: 'locality', localityId: loc })
  }
  const trip = await call('trips.create', {
    title: 'Đoàn công tác quy mô lớn',
    homeLocalityId: home,
    startDate: '2026-12-01',
    endDate: '2026-12-08',
    objectives: 'Thử tải tài liệu lớn.',
    destinationIds: [loc],
    members: Array.from({ length: 12 }, (_, i) => ({ name: `Thành viên ${i + 1}`, title: 'Chuyên viên', role: i ? 'member' : 'head' })),
  })
  for (let i = 0; i < 40; i++) {
    const day = 1 + Math.floor(i / 5)
    await call('itinerary.create', {
      tripId: trip.id,
      kind: 'meeting',
      title: `Cuộc làm việc số ${i + 1}`,
      start: `2026-12-0${day}T${String(8 + (i % 5) * 2).padStart(2, '0')}:00`,
      place: 'Kofu',
      counterparts: [{ personId: people[i % 30] }, { localityId: loc }],
      purpose: 'Trao đổi hợp tác. '.repeat(5),
      talkingPoints: Array.from({ length: 6 }, (_, k) => `Luận điểm ${k + 1}: ${'nội dung trao đổi chi tiết '.repeat(4)}`).join('\n'),
      asks: 'Đề nghị 1\nĐề nghị 2',
      offers: 'Đáp ứng 1',
      sensitivities: 'Lưu ý 1',
    })
  }
  return trip.id
}

export async function benchBrief(options: { runs?: number } = {}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'hanh-trang-bench-brief-'))
  try {
    const dbPath = join(dir, 'b.sqlite')
    const core = await openCore({ dbPath, resourcesDir: resolve(import.meta.dirname, '..', 'resources'), log: () => {} })
    const trip = { id: await buildForumTrip(core) }
    global.gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    // The window's thread: the longest it went without turning while the brief was built and
    // written (the .docx and its TOC's page numbers are rendered on a worker).
    let last = performance.now()
    let stall = 0
    const timer = setInterval(() => {
      const now = performance.now()
      stall = Math.max(stall, now - last)
      last = now
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 5)
    const t0 = performance.now()
    const model = await buildModel(core.ctx, trip.id)
    const t1 = performance.now()
    const out = join(dir, 'brief.docx')
    await writeBrief(core.ctx, model, out)
    const t2 = performance.now()
    stall = Math.max(stall, t2 - last)
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    // What the TOC's page numbers cost (issue 11, toc.ts): the same document packed with
    // its page numbers laid out in advance, and packed as pandoc writes one, the TOC a field
    // for Word to fill in. Best of three each, on this thread.
    const bestOf3 = async (fn: () => Promise<unknown>) => {
      let best = Infinity
      for (let i = 0; i < 3; i++) {
        const t = performance.now()
        await fn()
        best = Math.min(best, performance.now() - t)
      }
      return best
    }
    const numberedMs = await bestOf3(() => renderBriefDocx(model))
    const fieldOnlyMs = await bestOf3(() => Packer.toBuffer(briefDocument(model, { features: { updateFields: true } })))
    await core.close()
    const round = (n: number) => Math.round(n)
    // Pages as LibreOffice lays them out, where it is installed.
    let pages: number | null = null
    if (spawnSync('soffice', ['--version']).status === 0) {
      spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'ignore', timeout: 180_000 })
      const info = spawnSync('pdfinfo', [join(dir, 'brief.pdf')]).stdout?.toString() ?? ''
      pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]) || null
    }
    return {
      meetings: 40,
      agreements: 200,
      facts: 60,
      assembleModelMs: round(t1 - t0),
      writeDocxMs: round(t2 - t1),
      totalMs: round(t2 - t0),
      mainThreadLongestStallMs: round(stall),
      tocPageNumbers: { packedWithNumbersMs: round(numberedMs), packedAsFieldMs: round(fieldOnlyMs), costMs: round(numberedMs - fieldOnlyMs) },
      docxKB: Math.round(statSync(out).size / 1024),
      pages,
      // The whole process (Node, SQLite, the core) before and at the peak of the export.
      rssBeforeMB: Math.round(baseline / 1e6),
      peakRssMB: Math.round(peak / 1e6),
      exportMemoryMB: Math.round((peak - baseline) / 1e6),
      targets: { under2s: t2 - t0 < 2000 ? 'ok' : 'MISSED', exportUnder300MB: peak - baseline < 300e6 ? 'ok' : 'MISSED', mainThreadStallUnder500ms: stall < 500 ? 'ok' : 'MISSED' },
      // Issue 11: the whole CLI process against pandoc on the same brief.
      wholeProcess: await cliVsPandoc({ dbPath, tripId: trip.id, dir, runs: options.runs }),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
  process.stdout.write(`${JSON.stringify(await benchBrief({ runs: Number(values.runs) }), null, 2)}\n`)
}
