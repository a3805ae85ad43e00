/**
 * A change made by one officer reaches the other's window: two cores on one register (one
 * SQLite file, or one server database), the second waiting on `changes.wait` as its window
 * does. Runs on both databases.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openTestCore, tempDir, type TestCore } from './test-support.ts'

const opened: TestCore[] = []
afterAll(async () => {
  const [first, ...rest] = opened
  for (const c of rest) await c.close()
  await first?.dispose()
})

describe('changes', () => {
  it("reach the other officer's window within 2 s, and one's own at once", async () => {
    const dir = tempDir()
    const lan = await openTestCore({ dir })
    const minh = await openTestCore({ dir })
    opened.push(lan, minh)
    const { seq: start } = await minh.call('changes.wait', { since: -1 })
    const { seq: own } = await lan.call('changes.wait', { since: -1 })

    // Nothing changed: the wait runs its course (cut short here by the change below).
    const waiting = minh.call('changes.wait', { since: start })
    const settled = await Promise.race([waiting.then(() => 'answered'), new Promise((r) => setTimeout(() => r('still waiting'), 300))])
    expect(settled).toBe('still waiting')

    const t0 = performance.now()
    await lan.call('localities.create', { country: 'JP', level: 'municipality', nameVi: 'Thành phố Fuefuki' })
    expect((await lan.call('changes.wait', { since: own })).seq).toBeGreaterThan(own)
    const { seq } = await waiting
    const ms = performance.now() - t0
    expect(seq).toBeGreaterThan(start)
    expect(ms).toBeLessThan(2000)
    // What the window then fetches again has the change.
    expect((await minh.call('localities.list')).some((l) => l.nameVi === 'Thành phố Fuefuki')).toBe(true)
  })

  it('say nothing of a write that was rolled back', async () => {
    const dir = tempDir()
    const lan = await openTestCore({ dir })
    const minh = await openTestCore({ dir })
    opened.push(lan, minh)
    const { seq: start } = await minh.call('changes.wait', { since: -1 })
    const waiting = minh.call('changes.wait', { since: start })
    const refused = await lan.dispatch('localities.create', { country: 'JP', level: 'municipality', nameVi: '' })
    expect(refused.ok).toBe(false)
    const settled = await Promise.race([waiting.then(() => 'answered'), new Promise((r) => setTimeout(() => r('still waiting'), 1500))])
    expect(settled).toBe('still waiting')
  })
})
