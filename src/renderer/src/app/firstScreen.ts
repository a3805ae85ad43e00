/**
 * The calls the first screen waits on, asked all at once as the app starts rather than one
 * after another as its components mount: the status the window checks first, the
 * settings and the session the frame waits on before any page (App.tsx's FirstStart, which
 * would otherwise ask only once the status came back), then the home page's counts and
 * attention groups. The answers land in the query cache under the keys
 * `useApi` reads, so the components find them there (or the call still in flight).
 */
import { call, queryClient } from '../api.ts'

const HOME = ['app.status', 'settings.get', 'session.get', 'app.info', 'attention.summary'] as const

export function prefetchFirstScreen(hash = location.hash): void {
  // Only when the window opens on the home page (HashRouter: an empty fragment or "#/").
  if (hash !== '' && hash !== '#' && hash !== '#/') return
  for (const method of HOME) void queryClient.prefetchQuery({ queryKey: [method, null], queryFn: () => call(method) })
}
