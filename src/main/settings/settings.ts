/**
 * The installation's settings, kept in app_meta (one row per key), so that a backup or a
 * restore carries them with the register:
 *
 *   user_name             the officer's name: ctx.actor, hence the audit log's `actor`,
 *                         every record's `updated_by` and a tombstone's `deleted_by`
 *   home_locality_id      the home province, a Vietnamese provincial unit in force
 *                         (`homeProvinceId(db)`): trips default their sending province to it,
 *                         briefs their governing body and place
 *   brief_parent_agency   the cover's governing body ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA");
 *                         absent: derived from the home province
 *   brief_agency          the issuing agency ("SỞ NGOẠI VỤ"); absent: that default
 *   first_start_done_at   when the first start's welcome step was answered
 *
 * Every change writes an audit row (entity "settings") in the transaction that makes it.
 */
import type { z } from 'zod'
import type { AppSettings, firstStartInput, settingsPatch } from '../../shared/domain/settings.ts'
import { audit, type Ctx, type Db } from '../context.ts'
import { AppError } from '../errors.ts'
import { write } from '../records.ts'

export const SETTING_KEYS = {
  userName: 'user_name',
  homeLocalityId: 'home_locality_id',
  parentAgency: 'brief_parent_agency',
  agency: 'brief_agency',
  firstStartDone: 'first_start_done_at',
} as const

/** The issuing agency a brief's cover names when Settings does not say otherwise. */
export const VI_DEFAULT_AGENCY = 'SỞ NGOẠI VỤ'

/** "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" for Thanh Hóa; '' without a province. */
export const vietnameseParentAgency = (home: { nameVi: string; designationVi: string | null } | undefined) =>
  home?.nameVi ? `ỦY BAN NHÂN DÂN ${home.designationVi ?? 'tỉnh'} ${home.nameVi}`.toLocaleUpperCase('vi') : ''

type Key = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS]

async function stored(db: Db): Promise<Partial<Record<Key, string>>> {
  const rows = await db.selectFrom('appMeta').select(['key', 'value']).where('key', 'in', Object.values(SETTING_KEYS)).execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

async function setMeta(db: Db, key: Key, value: string | null): Promise<void> {
  if (value === null) {
    await db.deleteFrom('appMeta').where('key', '=', key).execute()
    return
  }
  await db
    .insertInto('appMeta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** The officer's name as set in Settings, or null (the core then uses the OS user). */
export async function storedUserName(db: Db): Promise<string | null> {
  return (await stored(db))[SETTING_KEYS.userName] ?? null
}

/**
 * The home province's id, or null before the first start sets it. This is the setting a
 * trip's sending province defaults to (the renderer reads it as `settings.get`'s
 * `homeLocalityId`).
 */
export async function homeProvinceId(db: Db): Promise<string | null> {
  const id = (await stored(db))[SETTING_KEYS.homeLocalityId] ?? null
  if (!id) return null
  // A restored or merged register may lack the unit: no home then, rather than a dangling id.
  return (await db.selectFrom('locality').select('id').where('id', '=', id).executeTakeFirst()) ? id : null
}

const province = (db: Db, id: string) =>
  db.selectFrom('locality').select(['id', 'nameVi', 'designationVi', 'country', 'level', 'validTo']).where('id', '=', id).executeTakeFirst()

/** The cover's agency block as Settings says, the home province's defaults filling what it leaves empty. */
export async function briefHeader(db: Db): Promise<{ homeLocalityId: string | null; parentAgency: string | null; agency: string | null }> {
  const s = await stored(db)
  return { homeLocalityId: await homeProvinceId(db), parentAgency: s[SETTING_KEYS.parentAgency] ?? null, agency: s[SETTING_KEYS.agency] ?? null }
}

export async function readSettings(db: Db, actor: string): Promise<AppSettings> {
  const s = await stored(db)
  const homeId = await homeProvinceId(db)
  const home = homeId ? await province(db, homeId) : undefined
  return {
    userName: s[SETTING_KEYS.userName] ?? actor,
    homeLocalityId: homeId,
    homeLocalityName: home?.nameVi ?? null,
    parentAgency: s[SETTING_KEYS.parentAgency] ?? null,
    agency: s[SETTING_KEYS.agency] ?? null,
    defaults: { parentAgency: vietnameseParentAgency(home), agency: VI_DEFAULT_AGENCY },
    firstStartDone: !!s[SETTING_KEYS.firstStartDone],
  }
}

/** Refuses anything but a Vietnamese provincial unit in force (not a prefecture, not a unit merged away in 2025). */
async function assertHomeProvince(db: Db, id: string): Promise<void> {
  const l = await province(db, id)
  if (!l || l.country !== 'VN' || l.level !== 'province' || l.validTo !== null) {
    throw new AppError('home_province_invalid', {}, { field: 'homeLocalityId', details: [{ field: 'homeLocalityId', code: 'vn_province' }] })
  }
}

type Patch = z.output<typeof settingsPatch>

/** Applies a change inside `trx`; returns what it changed, before and after, for the audit row. */
async function apply(trx: Db, patch: Patch): Promise<{ before: Record<string, string | null>; after: Record<string, string | null> }> {
  const s = await stored(trx)
  const before: Record<string, string | null> = {}
  const after: Record<string, string | null> = {}
  if (patch.homeLocalityId !== undefined) await assertHomeProvince(trx, patch.homeLocalityId)
  for (const field of ['userName', 'homeLocalityId', 'parentAgency', 'agency'] as const) {
    const value = patch[field]
    if (value === undefined) continue
    const key = SETTING_KEYS[field]
    // An agency name left empty is its default again.
    const next = value === '' ? null : value
    const previous = s[key] ?? null
    if (next === previous) continue
    await setMeta(trx, key, next)
    before[field] = previous
    after[field] = next
  }
  return { before, after }
}

/**
 * Changes some settings in one transaction, with an audit row; a new name is the actor from
 * then on (in a file: on an office's server the officer's login stays the actor).
 */
export async function updateSettings(ctx: Ctx, patch: Patch): Promise<AppSettings> {
  const actor = ctx.login ?? patch.userName ?? ctx.actor
  await write(ctx, async (trx) => {
    const changed = await apply(trx, patch)
    if (Object.keys(changed.after).length === 0) return
    // The change is recorded under the name it sets.
    await audit(trx, { ...ctx, actor }, 'settings', '', 'update', changed.before, changed.after)
  })
  ctx.actor = actor
  return readSettings(ctx.db, ctx.actor)
}

/** The welcome step's answers: the name and the home province, and the step is not asked again. */
export async function completeFirstStart(ctx: Ctx, input: z.output<typeof firstStartInput>): Promise<AppSettings> {
  await write(ctx, async (trx) => {
    const changed = await apply(trx, input)
    await setMeta(trx, SETTING_KEYS.firstStartDone, ctx.now())
    await audit(trx, { ...ctx, actor: ctx.login ?? input.userName }, 'settings', '', 'first_start', changed.before, changed.after)
  })
  ctx.actor = ctx.login ?? input.userName
  return readSettings(ctx.db, ctx.actor)
}

/**
 * Marks the welcome step as answered without asking (an installation set up by other
 * means: the e2e host, whose tests are not about the first start).
 */
export async function skipFirstStart(db: Db, at: string): Promise<void> {
  await db
    .insertInto('appMeta')
    .values({ key: SETTING_KEYS.firstStartDone, value: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}
