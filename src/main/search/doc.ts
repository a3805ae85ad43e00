/** What every search document is made of, shared by the builders of each kind. */
import { sql } from 'kysely'

export type SearchKind = 'locality' | 'organization' | 'person' | 'agreement' | 'engagement' | 'trip' | 'itineraryItem' | 'snippet'
export const PARTNER_KINDS: ReadonlySet<SearchKind> = new Set(['locality', 'organization', 'person'])
/** Every kind, in the order its documents are written (and queued). */
export const SEARCH_ORDER: readonly SearchKind[] = ['locality', 'organization', 'person', 'agreement', 'engagement', 'trip', 'itineraryItem', 'snippet']

/** Records by kind, for the functions that rewrite many documents at once. */
export type EntityIds = Partial<Record<SearchKind, readonly string[]>>

export type Text = string | null | undefined
export interface Doc {
  kind: SearchKind
  entityId: string
  title: string
  subtitle: string
  /** Names and other words that should rank highest. */
  names: Text[]
  body: Text[]
  /** Japanese (or other CJK) text, searched by substring; parts without any are left out. */
  native: Text[]
}

/** `column IN (...)` for any number of ids: one JSON parameter, not one per id. */
export const inList = (column: string, ids: readonly (string | number)[]) => sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`

export const joined = (parts: Text[]) => parts.filter(Boolean).join(' ')
export const listed = (parts: Text[]) => parts.filter(Boolean).join(' · ')

export const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}
