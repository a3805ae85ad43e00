/**
 * Two officers editing one record: every update says which version it was made on
 * (`expectedUpdatedAt`, the `updatedAt` the form loaded). A stale one is refused with code
 * `conflict`, naming who changed the record since, when, and which fields, so that the form
 * can show the colleague's values and let the officer apply theirs again. The same on a
 * SQLite file (two windows, a pack applied meanwhile) as on an office's server.
 */
import { formatDateTime } from '../shared/text/dates.ts'
import type { Db } from './context.ts'
import { AppError } from './errors.ts'

/** The record an update is for, and the version the officer saw. */
export interface UpdateTarget {
  id: string
  expectedUpdatedAt?: string | undefined
}

export const targetOf = (target: string | UpdateTarget): UpdateTarget => (typeof target === 'string' ? { id: target } : target)

/** Meta columns: changed by every write, never what a colleague "changed". */
const META = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'origin'])

const camel = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())

/**
 * The version the officer loaded, as the audit log kept it (the row whose `after` has that
 * `updatedAt`), or null when the log no longer has it.
 */
async function versionAt(trx: Db, id: string, updatedAt: string): Promise<Record<string, unknown> | null> {
  const rows = await trx.selectFrom('auditLog').select('after').where('entityId', '=', id).where('after', 'is not', null).orderBy('at', 'desc').limit(200).execute()
  for (const { after } of rows) {
    try {
      const v = JSON.parse(after!) as Record<string, unknown>
      const normal = Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), x]))
      if (normal.updatedAt === updatedAt) return normal
    } catch {
      // An audit row that is not JSON says nothing about versions.
    }
  }
  return null
}

/**
 * The refusal of a stale update of `current` (a record of the SQL table `entity`): who
 * changed it and when, and one detail per field changed since the officer's version, with
 * its value now (the form shows them beside the officer's own).
 */
export async function conflict(trx: Db, entity: string, current: Record<string, unknown>, expected: string): Promise<AppError> {
  const seen = await versionAt(trx, String(current.id), expected)
  const changed = seen === null ? [] : Object.keys(current).filter((k) => !META.has(k) && JSON.stringify(seen[k] ?? null) !== JSON.stringify(current[k] ?? null))
  return new AppError(
    'record_changed',
    { entity, who: String(current.updatedBy ?? ''), at: formatDateTime(String(current.updatedAt ?? '')) },
    { details: changed.map((field) => ({ field, code: 'changed_meanwhile', params: { value: JSON.stringify(current[field] ?? null) } })) },
  )
}
