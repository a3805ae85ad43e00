/**
 * The rate table from a spreadsheet (.xlsx, read by exceljs): one row per country and
 * rank, with the columns named in Vietnamese or English (Quốc gia / Country, Hạng / Rank,
 * Tiền tệ / Currency, Vé máy bay / Air fare, Phụ cấp lưu trú / Per diem, Tiền thuê phòng /
 * Lodging, Ghi chú / Notes). Every row passes the same schema as the form; the whole file
 * is checked first, and the table is replaced in one transaction only when every row is
 * right. Otherwise nothing changes and the refusal lists each problem by row and column.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { travelRateInput, type TravelRateInput } from '../../../shared/domain/approval.ts'
import { COUNTRIES } from '../../../shared/domain/labels.ts'
import { fold as foldText } from '../../../shared/text/fold.ts'
import type { Issue } from '../../../shared/messages/index.ts'
import type { Ctx } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { readXlsx } from '../../exchange/import/read-xlsx.ts'
import { write } from '../../records.ts'
import { replaceRates } from './office.ts'

/** A rate table is a few hundred rows; a larger file is not one. */
const MAX_BYTES = 5 * 1024 * 1024

const COLUMNS = {
  country: ['quoc gia', 'nuoc', 'country'],
  rank: ['hang', 'hang dinh muc', 'chuc danh', 'rank'],
  currency: ['tien te', 'don vi tien te', 'loai tien', 'currency'],
  airfare: ['ve may bay', 'air fare', 'airfare'],
  perDiem: ['phu cap luu tru', 'phu cap luu tru/ngay', 'per diem'],
  lodging: ['tien thue phong', 'tien thue phong/dem', 'tien phong', 'lodging'],
  notes: ['ghi chu', 'notes'],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['country', 'rank', 'currency', 'airfare', 'perDiem', 'lodging']

const folded = (s: string) => foldText(s).replace(/\s*\(.*\)\s*$/, '').trim()

/** "JP", "Nhật Bản" or "Japan": the country's code; the text as typed when it names none (the schema then refuses it). */
function countryOf(text: string): string {
  const t = text.trim()
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase()
  const f = foldText(t)
  for (const [code, label] of Object.entries(COUNTRIES)) if (foldText(label.vi) === f || foldText(label.en) === f) return code
  return t
}

/** "25.000.000" (Vietnamese), "25000000", "70.5", "70,5"; '' is no rate (null); anything else stays text (refused as not a number). */
function amountOf(text: string): number | null | string {
  const t = text.replace(/\s|đ|₫/g, '')
  if (!t) return null
  // A sign is read too, so that a negative amount is refused as negative, not as text.
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'))
  return t
}

export interface ParsedRates {
  rows: TravelRateInput[]
  issues: Issue[]
}

/** Reads and checks the whole sheet; writes nothing. Issues name the row (Excel's number) and the column. */
export async function parseRates(bytes: Uint8Array, fileName: string): Promise<ParsedRates> {
  const grid = await readXlsx(bytes, undefined)
  const cells = grid.cells.map((r) => r.map((c) => (c ?? '').trim()))
  const headerAt = cells.findIndex((r) => r.some((c) => c))
  if (headerAt < 0) throw new AppError('rates_import_empty', { name: fileName })
  const at: Partial<Record<Column, number>> = {}
  for (const [i, h] of cells[headerAt]!.entries()) {
    const f = folded(h)
    for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) if (at[col] === undefined && names.includes(f)) at[col] = i
  }
  const lacking = REQUIRED.filter((c) => at[c] === undefined)
  if (lacking.length) throw new AppError('rates_import_columns', { name: fileName, columns: lacking })
  const rows: TravelRateInput[] = []
  const issues: Issue[] = []
  const seen = new Map<string, number>()
  for (let r = headerAt + 1; r < cells.length; r++) {
    const row = cells[r]!
    if (!row.some((c) => c)) continue
    const get = (c: Column) => (at[c] === undefined ? '' : (row[at[c]!] ?? ''))
    const line = r + 1
    const parsed = travelRateInput.safeParse({
      country: countryOf(get('country')),
      rank: get('rank'),
      currency: get('currency').toUpperCase() === 'ĐỒNG' || get('currency').toUpperCase() === 'VNĐ' ? 'VND' : get('currency').toUpperCase(),
      airfare: amountOf(get('airfare')),
      perDiem: amountOf(get('perDiem')),
      lodging: amountOf(get('lodging')),
      notes: get('notes'),
    })
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const code = i.message === 'required' || i.message === 'too_long' || i.message === 'negative' || i.message === 'country_code' || i.message === 'currency_code' || i.message === 'too_large' ? i.message : 'must_be_number'
        issues.push({ field: `${line}:${String(i.path[0] ?? '')}`, code })
      }
      continue
    }
    const key = `${parsed.data.country}\u0000${parsed.data.rank}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push({ field: `${line}:rank`, code: 'rate_repeated', params: { row: first } })
      continue
    }
    seen.set(key, line)
    rows.push(parsed.data)
  }
  if (!rows.length && !issues.length) throw new AppError('rates_import_empty', { name: fileName })
  return { rows, issues }
}

/** Replaces the rate table with the file's rows, or refuses the whole file and changes nothing. */
export async function importRates(ctx: Ctx, path: string): Promise<{ imported: number }> {
  const name = basename(path)
  let bytes: Buffer
  try {
    if (statSync(path).size > MAX_BYTES) throw new AppError('rates_import_too_large', { name })
    bytes = readFileSync(path)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('cannot_read_file', { name })
  }
  const { rows, issues } = await parseRates(bytes, name)
  if (issues.length) throw new AppError('rates_import_invalid', { name, count: issues.length }, { details: issues })
  await write(ctx, (trx) => replaceRates(trx, ctx, rows))
  return { imported: rows.length }
}
