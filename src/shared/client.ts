/**
 * The renderer's typed client, `api.localities.list(input)`, typed by the contract, over
 * one transport function. That function is all the page is given:
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

/**
 * `api.feature.verb(input)` is `invoke('feature.verb', input)`. Built on demand rather than
 * from the contract's list of names, so that the page's first screen need not load the
 * contract (its zod schemas) only to learn the names; the types still come from it, and the
 * core refuses a name it does not know (`unknown_method`).
 */
export function createApiClient(invoke: Invoke): Api {
  const features = new Map<string, Record<string, (input?: unknown) => Promise<unknown>>>()
  const feature = (name: string) =>
    new Proxy({} as Record<string, (input?: unknown) => Promise<unknown>>, {
      get: (verbs, verb) => {
        if (typeof verb !== 'string') return undefined
        return (verbs[verb] ??= (input?: unknown) => invoke(`${name}.${verb}`, input === undefined ? null : input))
      },
    })
  return new Proxy({} as Api, {
    get: (_api, name) => {
      if (typeof name !== 'string' || name === 'then') return undefined
      let verbs = features.get(name)
      if (!verbs) features.set(name, (verbs = feature(name)))
      return verbs
    },
  })
}
