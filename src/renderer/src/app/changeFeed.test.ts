import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startChangeFeed, type WaitForChange } from './changeFeed.ts'

/** A register seen through `changes.wait`: a count of records and the change counter. */
function register() {
  const state = { records: 0, seq: 0 }
  let wake: (() => void) | null = null
  const wait: WaitForChange = (since) =>
    since !== state.seq ? Promise.resolve(state.seq) : new Promise((resolve) => (wake = () => resolve(state.seq)))
  return {
    state,
    wait,
    /** Another window or officer saves a record; the core's counter moves. */
    save() {
      state.records++
      state.seq++
      wake?.()
      wake = null
    },
  }
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms))

describe('the change feed', () => {
  const stops: Array<() => void> = []
  afterEach(() => stops.splice(0).forEach((stop) => stop()))

  it('refetches what is on screen after a change', async () => {
    const reg = register()
    const client = new QueryClient()
    stops.push(startChangeFeed(client, reg.wait))
    const observer = new QueryObserver(client, { queryKey: ['list'], queryFn: async () => reg.state.records })
    stops.push(observer.subscribe(() => {}))
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(0))
    reg.save()
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(1))
  })

  // The e2e flow on PostgreSQL (changes.spec.ts) caught it: the list was opened while a
  // colleague's save committed, and showed "no agreements" until the next change.
  it('a change that lands while a screen is first fetching is fetched again, not lost', async () => {
    const reg = register()
    const client = new QueryClient()
    stops.push(startChangeFeed(client, reg.wait))
    await tick()
    let release!: () => void
    const slow = new Promise<void>((r) => (release = r))
    let fetches = 0
    const observer = new QueryObserver(client, {
      queryKey: ['list'],
      queryFn: async () => {
        const read = reg.state.records
        // The first fetch has read the register and is still on its way back.
        if (++fetches === 1) await slow
        return read
      },
    })
    stops.push(observer.subscribe(() => {}))
    await tick()
    reg.save()
    await tick()
    release()
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(1))
    expect(fetches).toBe(2)
  })
})
