/**
 * What the office keeps for its approval requests (Settings > "Tờ trình đoàn ra"): its
 * symbol, the signer and the exchange rates it states (app_meta, one row per key, so a
 * backup carries them), the rate table and the ordered list of legal bases (their own
 * tables, migration 0015). Every change goes through the record functions or writes an
 * audit row, in the transaction that makes it.
 */
import type { z } from 'zod'
import type { ApprovalOffice, ApprovalSettingsView, LegalBasis, TravelRate, TravelRateInput, approvalOfficePatch } from '../../../shared/domain/approval.ts'
import { audit, type Ctx, type Db } from '../../context.ts'
import { AppError, notFound } from '../../errors.ts'
import { deleteRecord, insertRecord, updateRecord, write } from '../../records.ts'

const KEYS = {
  symbol: 'approval_symbol',
  signerAuthority: 'approval_signer_authority',
  signerTitle: 'approval_signer_title',
  signerName: 'approval_signer_name',
  exchangeRates: 'approval_exchange_rates',
} as const

/** What the document says while Settings leaves a line empty. */
export const OFFICE_DEFAULTS: ApprovalOffice = { symbol: 'SNgV', signerAuthority: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC', signerName: '', exchangeRates: {} }

export async function readOffice(db: Db): Promise<ApprovalOffice> {
  const rows = await db.selectFrom('appMeta').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute()
  const s = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Record<(typeof KEYS)[keyof typeof KEYS], string>>
  let exchangeRates: Record<string, number> = {}
  try {
    exchangeRates = s[KEYS.exchangeRates] ? (JSON.parse(s[KEYS.exchangeRates]!) as Record<string, number>) : {}
  } catch {
    exchangeRates = {}
  }
  return {
    symbol: s[KEYS.symbol] ?? OFFICE_DEFAULTS.symbol,
    signerAuthority: s[KEYS.signerAuthority] ?? OFFICE_DEFAULTS.signerAuthority,
    signerTitle: s[KEYS.signerTitle] ?? OFFICE_DEFAULTS.signerTitle,
    signerName: s[KEYS.signerName] ?? OFFICE_DEFAULTS.signerName,
    exchangeRates,
  }
}

/** Changes the office's lines in one transaction with an audit row; a line left empty is its default again. */
export async function updateOffice(ctx: Ctx, patch: z.output<typeof approvalOfficePatch>): Promise<ApprovalOffice> {
  await write(ctx, async (trx) => {
    const before = await readOffice(trx)
    const after: Record<string, unknown> = {}
    for (const field of Object.keys(KEYS) as Array<keyof typeof KEYS>) {
      const value = patch[field]
      if (value === undefined) continue
      // Only what changes is written and audited.
      if (JSON.stringify(value) === JSON.stringify(before[field])) continue
      const stored = field === 'exchangeRates' ? JSON.stringify(value) : (value as string)
      if (stored === '' || (field === 'exchangeRates' && Object.keys(value as object).length === 0)) {
        await trx.deleteFrom('appMeta').where('key', '=', KEYS[field]).execute()
      } else {
        await trx
          .insertInto('appMeta')
          .values({ key: KEYS[field], value: stored })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: stored }))
          .execute()
      }
      after[field] = value
    }
    if (Object.keys(after).length) await audit(trx, ctx, 'settings', '', 'update', before, after)
  })
  return readOffice(ctx.db)
}

export async function listRates(db: Db): Promise<TravelRate[]> {
  const rows = await db.selectFrom('travelRate').select(['id', 'updatedAt', 'country', 'rank', 'currency', 'airfare', 'perDiem', 'lodging', 'notes']).execute()
  const collator = new Intl.Collator('vi')
  return rows.sort((a, b) => a.country.localeCompare(b.country) || collator.compare(a.rank, b.rank))
}

async function assertUnique(db: Db, input: TravelRateInput, except: string | null) {
  const other = await db.selectFrom('travelRate').select('id').where('country', '=', input.country).where('rank', '=', input.rank).executeTakeFirst()
  if (other && other.id !== except) throw new AppError('rate_duplicate', { country: input.country, rank: input.rank }, { field: 'rank' })
}

export function createRate(ctx: Ctx, input: TravelRateInput): Promise<string> {
  return write(ctx, async (trx) => {
    await assertUnique(trx, input, null)
    return insertRecord(trx, ctx, 'travelRate', input)
  })
}

export function updateRate(ctx: Ctx, id: string, input: TravelRateInput): Promise<void> {
  return write(ctx, async (trx) => {
    await assertUnique(trx, input, id)
    await updateRecord(trx, ctx, 'travelRate', id, input)
  })
}

export const deleteRate = (ctx: Ctx, id: string) => write(ctx, (trx) => deleteRecord(trx, ctx, 'travelRate', id))

/** Replaces the whole rate table (an import), in one transaction: every row audited. */
export async function replaceRates(trx: Db, ctx: Ctx, rows: TravelRateInput[]): Promise<void> {
  for (const r of await trx.selectFrom('travelRate').select('id').execute()) await deleteRecord(trx, ctx, 'travelRate', r.id)
  for (const r of rows) await insertRecord(trx, ctx, 'travelRate', r)
}

export async function listLegalBases(db: Db): Promise<LegalBasis[]> {
  return db.selectFrom('legalBasis').select(['id', 'text', 'position', 'updatedAt']).orderBy('position').orderBy('id').execute()
}

export function createLegalBasis(ctx: Ctx, text: string): Promise<string> {
  return write(ctx, async (trx) => {
    const last = await trx.selectFrom('legalBasis').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst()
    return insertRecord(trx, ctx, 'legalBasis', { text, position: Number(last?.p ?? -1) + 1 })
  })
}

export const updateLegalBasis = (ctx: Ctx, id: string, text: string) => write(ctx, (trx) => updateRecord(trx, ctx, 'legalBasis', id, { text }))
export const deleteLegalBasis = (ctx: Ctx, id: string) => write(ctx, (trx) => deleteRecord(trx, ctx, 'legalBasis', id))

/** Moves a legal basis one place up or down the list; the others keep their order. */
export function moveLegalBasis(ctx: Ctx, id: string, by: -1 | 1): Promise<void> {
  return write(ctx, async (trx) => {
    const list = await listLegalBases(trx)
    const at = list.findIndex((b) => b.id === id)
    if (at < 0) throw notFound('legal_basis')
    const to = at + by
    if (to < 0 || to >= list.length) return
    const order = [...list]
    ;[order[at], order[to]] = [order[to]!, order[at]!]
    for (const [position, b] of order.entries()) if (b.position !== position) await updateRecord(trx, ctx, 'legalBasis', b.id, { position })
  })
}

export async function settingsView(db: Db): Promise<ApprovalSettingsView> {
  const rates = await listRates(db)
  return {
    office: await readOffice(db),
    rates,
    legalBases: await listLegalBases(db),
    ranks: [...new Set(rates.map((r) => r.rank))].sort(new Intl.Collator('vi').compare),
  }
}
