/**
 * The renderer's only door to the core: the typed client over `window.hanhTrang.invoke`,
 * which the preload exposes (Electron) or the e2e host injects. Results are unwrapped here
 * so that TanStack Query sees errors as errors.
 */
import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query'
import { BRIDGE_GLOBAL, createApiClient, type Bridge } from '../../shared/client.ts'
import type { Input, Method, Output } from '../../shared/contract.ts'
import { wordErrorBoth, wordIssue } from '../../shared/messages/index.ts'
import type { Lang } from '../../shared/domain/labels.ts'
import type { ApiError, Issue, Result } from '../../shared/result.ts'

declare global {
  interface Window {
    [BRIDGE_GLOBAL]: Bridge
  }
}

/** Every method of the contract, each a call through the bridge (looked up on each call). */
export const api = createApiClient((method, input) => window[BRIDGE_GLOBAL].invoke(method, input))

/** A refusal of the core: what crossed, without words (the window words it: components/ErrorAlert.tsx). */
export class ApiCallError extends Error {
  readonly error: ApiError
  readonly code: ApiError['code']
  readonly details: Issue[]
  constructor(error: ApiError) {
    // For the console and the tests; what the officer reads is worded in the UI's language.
    super(wordErrorBoth(error))
    this.error = error
    this.code = error.code
    this.details = error.details ?? []
  }
}

export async function call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> {
  const [feature, verb] = method.split('.') as [string, string]
  const fn = (api as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<Output<M>>>>>)[feature]?.[verb]
  if (!fn) throw new ApiCallError({ code: 'unknown_method', reason: 'unknown_method', params: { method } })
  const r = await fn(input)
  if (!r.ok) throw new ApiCallError(r.error)
  return r.value
}

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
})

export function useApi<M extends Method>(
  method: M,
  input?: Input<M>,
  options?: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<Output<M>, ApiCallError>({ queryKey: [method, input ?? null], queryFn: () => call(method, input), ...options })
}

/** A change: every cached read is refreshed afterwards, since a change can show anywhere. */
export function useApiMutation<M extends Method>(method: M) {
  return useMutation<Output<M>, ApiCallError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

/** Field errors from a refusal in the UI's language, keyed by the form's field paths (the first problem of each). */
export function fieldErrors(error: unknown, lang: Lang): Record<string, string> {
  if (!(error instanceof ApiCallError)) return {}
  const errors: Record<string, string> = {}
  for (const d of error.details) errors[d.field] ??= wordIssue(d, lang)
  return errors
}
