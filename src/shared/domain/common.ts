import { z } from 'zod'
import { isIsoDate } from '../text/dates.ts'

/** One field may hold at most this many characters; more is refused, never truncated. */
export const MAX_TEXT = 100_000

/** Any text from outside: bounded, NFC-normalized (a decomposed "Hóa" is stored composed). */
export const text = () =>
  z
    // An empty field reaches the core as null: that is a missing value, not a wrong kind of one.
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'must_be_text') })
    .max(MAX_TEXT, { error: 'too_long' })
    .transform((s) => s.normalize('NFC').trim())

export const requiredText = () =>
  text().refine((s) => s.length > 0, { error: 'required' })

/** Optional text: '' and whitespace become null. */
export const optionalText = () =>
  text()
    .nullish()
    .transform((s) => (s ? s : null))

export const isoDate = () =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid_date') })
    .max(10, { error: 'invalid_date' })
    .refine(isIsoDate, { error: 'invalid_date' })

/** An optional date: '' and null become null. (null is tried first: a failed union branch costs an issue object, and most rows hold null.) */
export const optionalDate = () =>
  z
    .union([isoDate(), z.literal('')])
    .nullish()
    .transform((s) => (s ? s : null))

/**
 * For a check across fields (`.superRefine(fn, whenRead('validFrom', 'validUntil'))`): it
 * runs even when other fields were refused, so that a refusal names every problem at once,
 * as long as the fields it compares were read.
 */
export const whenRead = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' && payload.value !== null && !payload.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0]))),
})

export const id = () => z.uuid({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid_id') })

export const optionalId = () =>
  z
    .union([id(), z.literal('')])
    .nullish()
    .transform((s) => (s ? s : null))

export const countryCode = () =>
  z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'country_code' })

export const optionalNumber = () =>
  z
    .number({ error: 'must_be_number' })
    .finite()
    .nonnegative({ error: 'negative' })
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
