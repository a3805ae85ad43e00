import { useEffect } from 'react'
import { useSearchParams } from 'react-router'

/**
 * Opens the record a search hit names in the address (`/trips/ID?item=ITEM`,
 * `/snippets?open=ID`) once the page's records are loaded, then drops the parameter, so
 * that closing the form leaves the page as it is and the same hit can open it again.
 */
export function useOpenParam<T extends { id: string }>(name: string, records: readonly T[] | undefined, open: (record: T) => void): void {
  const [params, setParams] = useSearchParams()
  const id = params.get(name)
  useEffect(() => {
    if (!id || !records) return
    const found = records.find((r) => r.id === id)
    if (found) open(found)
    setParams(
      (p) => {
        p.delete(name)
        return p
      },
      { replace: true },
    )
    // `open` may be a new function on every render; the id and the list are what matter.
  }, [id, records, name, setParams])
}
