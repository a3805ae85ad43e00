/**
 * A page loaded when first shown, as its own chunk: the first screen loads only what the
 * home page needs, and the brief builder (dnd-kit), the import wizard or Settings come
 * when opened. The chunk is a file of the bundle like the rest, under the same policy. The
 * page waits for it in its own Suspense boundary, so the route table stays as it is.
 */
import { lazy, Suspense, type ComponentType } from 'react'

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }))
  const Lazy = () => (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  )
  Lazy.displayName = `Lazy(${name})`
  return Lazy
}
