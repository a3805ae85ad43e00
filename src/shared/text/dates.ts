/**
 * Dates cross the contract as ISO calendar dates ("2025-11-25") and are shown to
 * officers as dd/MM/yyyy. Parsing is strict: 31/02/2025 is not a date.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const VN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value)
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** "2025-11-25" -> "25/11/2025"; '' for empty input. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = ISO.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/**
 * "25/11/2025" -> "2025-11-25". Returns the text as typed, padded into ISO shape when it
 * has the right shape but is no real date, so that the core refuses it with a message
 * naming the field; returns null for empty input.
 */
export function parseDate(text: string): string | null {
  const t = text.trim()
  if (!t) return null
  if (ISO.test(t)) return t
  const m = VN.exec(t)
  if (!m) return t
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

/** Today in the local time zone as ISO. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/**
 * An instant (ISO, e.g. "2025-11-25T02:05:00.000Z") as officers read it, in the local
 * time zone: "25/11/2025 09:05". Returns the text as given when it is not an instant.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`
}
