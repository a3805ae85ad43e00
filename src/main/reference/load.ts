/**
 * Reference data shipped in resources/reference (see SOURCES.md there): Japan's 47
 * prefectures, Viet Nam's 34 provincial units in force since 1 July 2025 with the 63 they
 * replaced, Japanese national bodies, and the sector list.
 *
 * Loaded by version: a db records the version it holds in app_meta, and a newer build
 * only adds rows whose ref_key is missing, so an officer's edits to a prefecture's
 * profile are never overwritten and nothing is duplicated on the next start.
 *
 * The 2025 merger: a unit that kept its name (the 11 unchanged ones and each merger's
 * namesake) is one record that continues; the 29 units whose names disappeared are
 * historical records (valid until 30/06/2025) with a lineage row to their successor, so
 * "Hà Nam" shows as "Hà Nam (nay thuộc tỉnh Ninh Bình)".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OrganizationKind } from '../../shared/domain/labels.ts'
import { type Ctx, type Db, stamp } from '../context.ts'

export const REFERENCE_VERSION = 1
const MERGER_DATE = '2025-07-01'
const LAST_DAY_BEFORE_MERGER = '2025-06-30'

interface Prefecture {
  code: string
  name_ja: string
  name_kana: string
  name_en: string
  name_vi: string
  region: string
  capital_ja: string
  capital_en: string
}
interface Province2025 {
  code: string
  name_vi: string
  name_en: string
  kind: 'city' | 'province'
  merged: boolean
  seat: string
  admin_code_2025: string
  predecessors: string[]
  note?: string
}
interface ProvincePre2025 {
  code: string
  name_vi: string
  name_en: string
  kind: 'city' | 'province'
  gso_code: string
  capital: string
  successor_code: string
  name_retained: boolean
}
interface JpOrganization {
  id: string
  abbreviation: string | null
  name_en: string
  name_ja: string
  name_vi: string
  type: string
  role: string
  website: string | null
}
export interface SectorRef {
  code: string
  vi: string
  en: string
  ja: string
}

const ORGANIZATION_KIND: Record<string, OrganizationKind> = {
  jcci: 'business_association',
  'jcci-vietnam': 'business_association',
  jcch: 'business_association',
  keidanren: 'business_association',
  'embassy-hanoi': 'embassy',
  'consulate-hcmc': 'embassy',
  azec: 'international',
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T

export function readSectors(referenceDir: string): SectorRef[] {
  return readJson<{ sectors: SectorRef[] }>(referenceDir, 'sectors.json').sectors
}

export async function loadReferenceData(trx: Db, ctx: Ctx, referenceDir: string): Promise<{ loaded: boolean }> {
  const row = await trx.selectFrom('appMeta').select('value').where('key', '=', 'reference_version').executeTakeFirst()
  if (row && Number(row.value) >= REFERENCE_VERSION) return { loaded: false }

  const refKeys = async (table: 'locality' | 'organization') =>
    new Set((await trx.selectFrom(table).select('refKey').where('refKey', 'is not', null).execute()).map((r) => r.refKey))
  const existingKeys = await refKeys('locality')
  const insertLocality = async (values: Parameters<typeof localityValues>[1]) => {
    if (existingKeys.has(values.refKey)) return
    await trx.insertInto('locality').values(localityValues(ctx, values)).execute()
  }

  const { prefectures } = readJson<{ prefectures: Prefecture[] }>(referenceDir, 'jp-prefectures.json')
  for (const p of prefectures) {
    await insertLocality({
      refKey: `jp-pref-${p.code}`,
      country: 'JP',
      designationVi: p.code === '13' ? 'thủ đô' : 'tỉnh',
      nameVi: p.name_vi,
      nameEn: p.name_en,
      nameNative: p.name_ja,
      nameKana: p.name_kana,
      region: p.region,
      capital: `${p.capital_en} (${p.capital_ja})`,
      code: p.code,
    })
  }

  const { units: current } = readJson<{ units: Province2025[] }>(referenceDir, 'vn-provinces-2025.json')
  for (const u of current) {
    await insertLocality({
      refKey: `vn-2025-${u.code}`,
      country: 'VN',
      designationVi: u.kind === 'city' ? 'thành phố' : 'tỉnh',
      nameVi: u.name_vi,
      nameEn: u.name_en,
      capital: u.seat,
      code: u.admin_code_2025,
      validFrom: u.merged ? MERGER_DATE : null,
      notes: u.merged ? `Thành lập từ ngày 01/07/2025 trên cơ sở: ${u.predecessors.join(', ')}.` : (u.note ?? null),
    })
  }

  const { units: former } = readJson<{ units: ProvincePre2025[] }>(referenceDir, 'vn-provinces-pre2025.json')
  for (const u of former.filter((f) => !f.name_retained)) {
    await insertLocality({
      refKey: `vn-pre2025-${u.code}`,
      country: 'VN',
      designationVi: u.kind === 'city' ? 'thành phố' : 'tỉnh',
      nameVi: u.name_vi,
      nameEn: u.name_en,
      capital: u.capital,
      code: u.gso_code,
      validTo: LAST_DAY_BEFORE_MERGER,
    })
  }

  const ids = new Map(
    (await trx.selectFrom('locality').select(['id', 'refKey']).where('refKey', 'is not', null).execute()).map((r) => [
      r.refKey!,
      r.id,
    ]),
  )
  for (const u of former.filter((f) => !f.name_retained)) {
    const predecessorId = ids.get(`vn-pre2025-${u.code}`)
    const successorId = ids.get(`vn-2025-${u.successor_code}`)
    if (!predecessorId || !successorId) throw new Error(`reference data: no successor ${u.successor_code} for ${u.code}`)
    await trx
      .insertInto('localityLineage')
      .values({ ...stamp(ctx), predecessorId, successorId, effectiveDate: MERGER_DATE })
      .onConflict((oc) => oc.columns(['predecessorId', 'successorId']).doNothing())
      .execute()
  }

  const { organizations } = readJson<{ organizations: JpOrganization[] }>(referenceDir, 'jp-organizations.json')
  const orgKeys = await refKeys('organization')
  for (const o of organizations) {
    const refKey = `jp-org-${o.id}`
    if (orgKeys.has(refKey)) continue
    await trx
      .insertInto('organization')
      .values({
        ...stamp(ctx),
        refKey,
        kind: ORGANIZATION_KIND[o.id] ?? 'agency',
        nameVi: o.name_vi,
        nameEn: o.name_en,
        nameNative: o.name_ja,
        abbreviation: o.abbreviation,
        // Japanese bodies, including those based in Viet Nam (embassy, JCCI Vietnam).
        country: 'JP',
        website: o.website,
        notes: `${o.type}. ${o.role}`,
        localityId: null,
      })
      .execute()
  }

  const sectors = readSectors(referenceDir)
  for (const [i, s] of sectors.entries()) {
    await trx
      .insertInto('sector')
      .values({ code: s.code, labelVi: s.vi, labelEn: s.en, labelJa: s.ja, sortOrder: i })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute()
  }

  await trx
    .insertInto('appMeta')
    .values({ key: 'reference_version', value: String(REFERENCE_VERSION) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(REFERENCE_VERSION) }))
    .execute()
  return { loaded: true }
}

function localityValues(
  ctx: Ctx,
  v: {
    refKey: string
    country: string
    designationVi: string
    nameVi: string
    nameEn: string
    nameNative?: string
    nameKana?: string
    region?: string
    capital?: string
    code?: string
    validFrom?: string | null
    validTo?: string | null
    notes?: string | null
  },
) {
  return {
    ...stamp(ctx),
    refKey: v.refKey,
    country: v.country,
    level: 'province' as const,
    designationVi: v.designationVi,
    nameVi: v.nameVi,
    nameEn: v.nameEn,
    nameNative: v.nameNative ?? null,
    nameKana: v.nameKana ?? null,
    region: v.region ?? null,
    capital: v.capital ?? null,
    code: v.code ?? null,
    population: null,
    areaKm2: null,
    gdp: null,
    leader: null,
    industries: null,
    notes: v.notes ?? null,
    validFrom: v.validFrom ?? null,
    validTo: v.validTo ?? null,
  }
}
