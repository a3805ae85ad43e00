/**
 * Only the whole-process side-by side of issue 11: the CLI's `brief export` of the
 * forum-scale trip against pandoc on the same brief (bench-process.ts), without the rest
 * of the bench. `--dir` keeps the db (and reuses it on the next run).
 *
 *   node scripts/bench-cli.ts [--runs 5] [--dir FOLDER]
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openCore } from '../src/main/core.ts'
import { buildForumTrip } from './bench-brief.ts'
import { cliVsPandoc } from './bench-process.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, dir: { type: 'string' } } })
const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'hanh-trang-bench-cli-'))
mkdirSync(dir, { recursive: true })
try {
  const dbPath = join(dir, 'b.sqlite')
  const idFile = join(dir, 'trip-id.txt')
  if (!existsSync(idFile) || !existsSync(dbPath)) {
    const core = await openCore({ dbPath, resourcesDir: resolve(import.meta.dirname, '..', 'resources'), log: () => {} })
    writeFileSync(idFile, await buildForumTrip(core))
    await core.close()
  }
  const tripId = readFileSync(idFile, 'utf8').trim()
  process.stdout.write(`${JSON.stringify(await cliVsPandoc({ dbPath, tripId, dir, runs: Number(values.runs) }), null, 2)}\n`)
} finally {
  if (!values.dir) rmSync(dir, { recursive: true, force: true })
}
