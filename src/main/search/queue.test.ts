import { afterEach, describe, expect, it } from 'vitest'
import { commitImport, previewImport } from '../exchange/import/import.ts'
import { readTable } from '../exchange/import/read.ts'
import { openTestCore, tempDir, type TestCore } from '../test-support.ts'
import { INLINE_LIMIT } from './queue.ts'

let cores: TestCore[] = []
afterEach(async () => {
  for (const c of cores) await c.dispose().catch(() => {})
  cores = []
})
const open = async (dir: string) => {
  const core = await openTestCore({ dir })
  cores.push(core)
  return core
}

/** A CSV of `n` agreements between Thanh Hóa and Yamanashi. */
const sheet = (title: string, n: number) =>
  new TextEncoder().encode(['Tên văn kiện;Loại văn kiện;Ngày ký;Bên Việt Nam;Đối tác', ...Array.from({ length: n }, (_, i) => `${title} ${i + 1};MOU;01/06/2024;Thanh Hóa;Yamanashi`)].join('\n'))

describe('the search queue', () => {
  it('indexes a few records at once, and a large import in the background, resuming after a quit', async () => {
    const dir = tempDir()
    const core = await open(dir)
    const few = await commitImport(core.ctx, await previewImport(core.db, await readTable(sheet('Biên bản ghi nhớ số', 3), 'few.csv'), 'agreements'))
    expect(few.indexing).toBe(0)
    expect((await core.call('search.query', { q: 'bien ban ghi nho so 3' }))[0]?.title).toBe('Biên bản ghi nhớ số 3')

    const n = INLINE_LIMIT + 100
    // The app quits before the indexer wakes: the records wait in the queue.
    core.ctx.searchQueued = undefined
    const many = await commitImport(core.ctx, await previewImport(core.db, await readTable(sheet('Biên bản hợp tác hàng loạt số', n), 'many.csv'), 'agreements'))
    expect(many.indexing).toBe(n)
    expect(await core.call('search.status')).toEqual({ pending: n })
    expect(await core.call('search.query', { q: 'hang loat so 550' })).toEqual([])
    // ...and the next start writes their documents.
    await core.close()
    const again = await open(dir)
    await again.indexer.idle()
    expect(await again.call('search.status')).toEqual({ pending: 0 })
    expect((await again.call('search.query', { q: 'hop tac hang loat so 550' }))[0]?.title).toBe('Biên bản hợp tác hàng loạt số 550')
    const docs = await again.db.selectFrom('searchDoc').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'agreement').executeTakeFirstOrThrow()
    expect(Number(docs.n)).toBe(n + 3)
  })
})
