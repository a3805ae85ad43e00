/** SQL fragments as PostgreSQL spells them (see ../index.ts). */
import { sql, type Expression } from 'kysely'

/** One array parameter; its element type follows the ids' (text ids, numbered documents). */
export const inList = (column: string, ids: readonly (string | number)[]) =>
  ids.length === 0 ? sql<boolean>`false` : sql<boolean>`${sql.ref(column)} = ANY(${typeof ids[0] === 'number' ? sql`${ids}::bigint[]` : sql`${ids}::text[]`})`
export const listRows = (values: readonly (string | number)[]) =>
  sql<{ key: number; value: string }>`(SELECT (ordinality - 1)::int AS key, value FROM unnest(${values.map(String)}::text[]) WITH ORDINALITY AS u(value, ordinality))`
export const same = (a: Expression<unknown>, b: Expression<unknown>) => sql<boolean>`${a} IS NOT DISTINCT FROM ${b}`
