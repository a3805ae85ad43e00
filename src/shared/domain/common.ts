import { z } from 'zod'
import { isIsoDate } from '../text/dates.ts'

/** One field may hold at most this many characters; more is refused, never truncated. */
export const MAX_TEXT = 100_000

/** Any text from outside: bounded, NFC-normalized (a decomposed "Hóa" is stored composed). */
export const text = () =>
  z
    .string({ error: 'Phải là chuỗi ký tự / must be text' })
    .max(MAX_TEXT, { error: 'Quá dài (tối đa 100.000 ký tự) / too long' })
    .transform((s) => s.normalize('NFC').trim())

export const requiredText = () =>
  text().refine((s) => s.length > 0, { error: 'Không được để trống / required' })

/** Optional text: '' and whitespace become null. */
export const optionalText = () =>
  text()
    .nullish()
    .transform((s) => (s ? s : null))

export const isoDate = () =>
  z
    .string({ error: 'Ngày không hợp lệ / invalid date' })
    .max(10, { error: 'Ngày không hợp lệ / invalid date' })
    .refine(isIsoDate, { error: 'Ngày không hợp lệ, ví dụ 25/11/2025 / not a real date' })

/** An optional date: '' and null become null. (null is tried first: a failed union branch costs an issue object, and most rows hold null.) */
export const optionalDate = () =>
  z
    .union([isoDate(), z.literal('')])
    .nullish()
    .transform((s) => (s ? s : null))

export const id = () => z.uuid({ error: 'Mã bản ghi không hợp lệ / invalid id' })

export const optionalId = () =>
  z
    .union([id(), z.literal('')])
    .nullish()
    .transform((s) => (s ? s : null))

export const countryCode = () =>
  z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'Mã quốc gia gồm 2 chữ cái in hoa (VN, JP...) / ISO country code' })

export const optionalNumber = () =>
  z
    .number({ error: 'Phải là số / must be a number' })
    .finite()
    .nonnegative({ error: 'Không được âm / must not be negative' })
    .nullish()
    .transform((n) => n ?? null)

/** Columns every record carries so that data packs made on different laptops merge. */
export const recordMeta = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  origin: z.string(),
}

/**
 * Something saved that may not be what the officer meant (a status the dates contradict, a
 * commitment due before its agreement was signed): saved all the same, and the window
 * words the warning in its language from the code and the parameters.
 */
export const saveWarning = z.object({ code: z.string(), field: z.string(), params: z.record(z.string(), z.string()) })
export type SaveWarning = z.infer<typeof saveWarning>

export const idInput = z.object({ id: id() })
export const okOutput = z.object({ ok: z.literal(true) })
