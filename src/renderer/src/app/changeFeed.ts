/**
 * Keeps the window in step with the register: a long poll on `changes.wait` that, each time
 * the register changes (here, in another window, or by another officer on the office's
 * server), marks every query stale so that what is on screen is fetched again. One request
 * waits at a time; an error (the register being recovered, the core restarting) is retried
 * a few seconds later.
 */
import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api.ts'

const RETRY_MS = 3000

/** The counter, once it differs from `since` (the core's `changes.wait`). */
export type WaitForChange = (since: number) => Promise<number>

const waitForChange: WaitForChange = async (since) => (await call('changes.wait', { since })).seq

/**
 * Everything on screen fetched again. A first fetch still on its way may have read the
 * register before the change, and TanStack Query's invalidation joins such a fetch rather
 * than start another (a list opened while a colleague saved kept showing it without their
 * record): those queries are invalidated once more when that fetch is back. Nothing is
 * cancelled, so no fetch another part of the window awaits is cut short.
 */
export async function refetchAfterChange(queryClient: QueryClient): Promise<void> {
  const firstFetches = queryClient
    .getQueryCache()
    .findAll({ fetchStatus: 'fetching' })
    .filter((q) => q.state.data === undefined)
  await queryClient.invalidateQueries()
  await Promise.all(firstFetches.map((q) => queryClient.invalidateQueries({ queryKey: q.queryKey, exact: true })))
}

export function startChangeFeed(queryClient: QueryClient, wait: WaitForChange = waitForChange): () => void {
  let stopped = false
  let since = -1
  void (async () => {
    while (!stopped) {
      try {
        const seq = await wait(since)
        if (since !== -1 && seq !== since) await refetchAfterChange(queryClient)
        since = seq
      } catch {
        await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
  })()
  return () => {
    stopped = true
  }
}
