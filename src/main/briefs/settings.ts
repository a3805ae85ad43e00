/** A trip's brief settings as stored, or the defaults from its home province. */
import { briefSettings, type BriefSettings } from '../../shared/domain/briefs.ts'
import type { Db } from '../context.ts'
import { notFound } from '../errors.ts'
import { defaultSettings } from './model.ts'

export async function loadSettings(db: Db, tripId: string): Promise<BriefSettings> {
  const trip = await db.selectFrom('trip').select('id').where('id', '=', tripId).executeTakeFirst()
  if (!trip) throw notFound('trip')
  const row = await db.selectFrom('brief').select('settings').where('tripId', '=', tripId).executeTakeFirst()
  const defaults = await defaultSettings(db, tripId)
  if (!row) return defaults
  const parsed = briefSettings.safeParse(JSON.parse(row.settings))
  return parsed.success ? parsed.data : defaults
}

