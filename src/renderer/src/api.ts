/**
 * The renderer's only door to the core: the typed client over `window.hanhTrang.invoke`,
 * which the preload exposes (Electron) or the e2e host injects. Results are unwrapped here
 * so that TanStack Query sees errors as errors.
 */
import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query'
import { BRIDGE_GLOBAL, createApiClient, type Bridge } from '../../shared/client.ts'
import type { Input, Method, Output } from '../../shared/contract.ts'
import type { ApiError, IssueDetail, Result } from '../../shared/result.ts'

declare global {
  interface Window {
    [BRIDGE_GLOBAL]: Bridge
  }
}

/** Every method of the contract, each a call through the bridge (looked up on each call). */
export const api = createApiClient((method, input) => window[BRIDGE_GLOBAL].invoke(method, input))

export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly details: IssueDetail[]
  constructor(error: ApiError) {
    super(error.message)
    this.code = error.code
    this.details = error.details ?? []
  }
}

export async function call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> {
  const [feature, verb] = method.split('.') as [string, string]
  const fn = (api as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<Output<M>>>>>)[feature]?.[verb]
  if (!fn) throw new ApiCallError({ code: 'unknown_method', message: `Chức năng không tồn tại: ${method}` })
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

/** Field errors from a refusal, keyed by the form's field paths. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError)) return {}
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]))
}
