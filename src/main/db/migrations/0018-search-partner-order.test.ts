import { afterEach, describe, expect, it } from 'vitest'
import { openTestCore, testDialect, type TestCore } from '../../test-support.ts'

let cores: TestCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose()
})

describe('0018-search-partner-order', () => {
  it.skipIf(testDialect !== 'sqlite')('gives a file the partners’ folded titles in an index of their own, which a prefix lookup uses', async () => {
    const core = await openTestCore()
    cores.push(core)
    const sqlite = core.register.file!.sqlite
    expect(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'search_doc_partner_title'`).pluck().get()).toMatch(/WHERE kind IN \('locality', 'organization', 'person'\)/)
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT doc_id FROM search_doc INDEXED BY search_doc_partner_title WHERE kind IN ('locality', 'organization', 'person') AND title_folded >= 'than' AND title_folded < 'than\u{10ffff}' ORDER BY length(title_folded), title_folded LIMIT 60`)
      .all()
      .map((r: any) => r.detail)
      .join('\n')
    expect(plan).toMatch(/search_doc_partner_title \(title_folded>\? AND title_folded<\?\)/)
  })
})
