/**
 * Builds `window.api` from the contract's method names: `api.localities.list(input)`.
 *
 * `createApiClient` must stay self-contained (no imports, no closures over module state):
 * the e2e host serializes it with Function.prototype.toString and injects it into
 * Chromium, so the renderer gets the very client the preload builds.
 */
import type { Input, Method, Output } from './contract.ts'
import type { Result } from './result.ts'

export type Invoke = (method: string, input: unknown) => Promise<unknown>

type Split<M extends string> = M extends `${infer F}.${infer V}` ? [F, V] : never
type Features = Split<Method>[0]
type VerbsOf<F extends string> = Extract<Method, `${F}.${string}`> extends `${F}.${infer V}` ? V : never

export type Api = {
  [F in Features]: {
    [V in VerbsOf<F>]: `${F}.${V}` extends infer M extends Method
      ? (input?: Input<M>) => Promise<Result<Output<M>>>
      : never
  }
}

export function createApiClient(methodNames: readonly string[], invoke: Invoke): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of methodNames) {
    const dot = name.indexOf('.')
    const feature = name.slice(0, dot)
    const verb = name.slice(dot + 1)
    api[feature] ??= {}
    api[feature][verb] = (input?: unknown) => invoke(name, input === undefined ? null : input)
  }
  return api as unknown as Api
}

