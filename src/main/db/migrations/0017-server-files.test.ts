import { afterEach, describe, expect, it } from 'vitest'
import { openTestCore, testDialect, type TestCore } from '../../test-support.ts'

let cores: TestCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose()
})

/**
 * The PostgreSQL half of this migration (the tables and their checks) is tested in
 * exchange/server-files.test.ts: the suite's PostgreSQL run leaves the migration tests out.
 */
describe('0017-server-files', () => {
  it.skipIf(testDialect !== 'sqlite')('changes nothing in a file: its files and heartbeats stay in the data folder', async () => {
    const core = await openTestCore()
    cores.push(core)
    const names = core.register.file!.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('stored_file', 'stored_file_part', 'presence')`).all()
    expect(names).toEqual([])
  })
})
