/**
 * Between records and form values: forms hold strings ('' for empty, dd/MM/yyyy for
 * dates); the core receives null for empty and ISO dates. Validation is the core's: a
 * refusal comes back with field paths that the form shows beside each field.
 */
import { formatDate, parseDate } from '../../../shared/text/dates.ts'
import type { Lang } from '../../../shared/domain/labels.ts'
import { fieldErrors } from '../api.ts'

export type FormValues<T> = { [K in keyof T]: T[K] extends number | null ? number | '' : T[K] extends boolean ? boolean : string }

export function toFormValues<T extends Record<string, unknown>>(record: T, dateKeys: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v === null || v === undefined ? '' : dateKeys.includes(k) ? formatDate(v as string) : v]),
  )
}

export function toInput(values: Record<string, unknown>, dateKeys: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (dateKeys.includes(k)) return [k, typeof v === 'string' ? parseDate(v) : null]
      if (v === '') return [k, null]
      return [k, v]
    }),
  )
}

/** Applies a refusal's field messages to a Mantine form, in the UI's language. */
export function applyErrors(form: { setErrors: (e: Record<string, string>) => void }, error: unknown, lang: Lang) {
  form.setErrors(fieldErrors(error, lang))
}

/**
 * The input of a field (Mantine's getInputProps marks each with its path), else the first
 * input of a list field ("parties" -> "parties.0.localityId").
 */
export function inputOf(root: ParentNode, field: string): HTMLElement | null {
  const exact = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(field)}"]`)
  return exact ?? root.querySelector<HTMLElement>(`[data-path^="${CSS.escape(field)}."]`)
}

/** Brings an input into the middle of its dialog and focuses it. */
export function goToInput(input: HTMLElement | null): boolean {
  if (!input) return false
  input.scrollIntoView({ block: 'center' })
  input.focus({ preventScroll: true })
  return true
}

/**
 * After a refusal: the first enabled field marked invalid (top to bottom) comes into view
 * with the focus; when the refusal names no field of the form, the error box does (focused
 * too, tabIndex -1, so the keyboard and a screen reader land on the reasons).
 */
export function goToFirstError(root: ParentNode | null) {
  if (!root) return
  if (goToInput(root.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])'))) return
  const box = root.querySelector<HTMLElement>('[data-testid="form-error"]')
  if (!box) return
  if (!box.hasAttribute('tabindex')) box.setAttribute('tabindex', '-1')
  box.scrollIntoView({ block: 'center' })
  box.focus({ preventScroll: true })
}

/** Keeps only the keys a form edits. */
export function pick<T extends Record<string, unknown>>(values: Record<string, unknown>, shape: T): Partial<T> {
  return Object.fromEntries(Object.keys(shape).filter((k) => k in values).map((k) => [k, values[k]])) as Partial<T>
}

/** Form values for a record, or the empty shape for a new one. */
export function initialValues<T extends Record<string, unknown>>(shape: T, record: Record<string, unknown> | undefined, dateKeys: readonly string[] = []): T {
  return record ? { ...shape, ...(pick(toFormValues(record, dateKeys), shape) as T) } : shape
}
