/**
 * The renderer's typed client, `api.localities.list(input)`, built from the contract's
 * method names over one transport function. That function is all the page is given:
 * `window.hanhTrang.invoke(method, input)`, exposed by the preload in Electron and injected
 * by the e2e host in tests, so the renderer cannot tell them apart.
 */
import type { Input, Method, Output } from './contract.ts'
import type { Result } from './result.ts'

export type Invoke = (method: string, input: unknown) => Promise<unknown>

/** What the page gets under `window[BRIDGE_GLOBAL]`: one function, nothing else. */
export interface Bridge {
  invoke: Invoke
}

/** The global the bridge is exposed under (the preload spells it too: it imports nothing but electron). */
export const BRIDGE_GLOBAL = 'hanhTrang'

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
