import { afterAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../test-support.ts'
import { countOf } from './sql.ts'

let core: TestCore | null = null
afterAll(async () => {
  await core?.dispose()
})

describe('a pack statement', () => {
  it('takes thousands of parameters (a bulk move binds one per value)', async () => {
    core = await openTestCore()
    const values = Array.from({ length: 20_000 }, (_, k) => `id-${k}`)
    // Nested one fragment per parameter, Kysely's plugins recursed past the stack here.
    const n = await countOf(core.db, `SELECT count(*) AS n FROM (VALUES ${values.map(() => '(?)').join(', ')}) AS v`, values)
    expect(n).toBe(20_000)
  })
})
