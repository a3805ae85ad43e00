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

export function startChangeFeed(queryClient: QueryClient): () => void {
  let stopped = false
  let since = -1
  void (async () => {
    while (!stopped) {
      try {
        const { seq } = await call('changes.wait', { since })
        if (since !== -1 && seq !== since) await queryClient.invalidateQueries()
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
