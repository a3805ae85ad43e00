/** SQL fragments as SQLite spells them (see ../index.ts). */
import { sql, type Expression } from 'kysely'

/** json_each: one parameter however many ids (SQLite allows 32,766 per statement), and one statement text for the statement cache. */
export const inList = (column: string, ids: readonly (string | number)[]) => sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
export const listRows = (values: readonly (string | number)[]) => sql<{ key: number; value: string }>`(SELECT key, value FROM json_each(${JSON.stringify(values)}))`
export const same = (a: Expression<unknown>, b: Expression<unknown>) => sql<boolean>`${a} IS ${b}`
