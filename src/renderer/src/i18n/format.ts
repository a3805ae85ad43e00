/** Numbers in the interface language (the core's messages: src/shared/messages). */
import type { Lang } from '../../../shared/domain/labels.ts'

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }

/** 2_516_582 bytes -> "2,4 MB" (Vietnamese) or "2.4 MB" (English); two decimals below 1 MB. */
export function formatMegabytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024)
  const digits = mb < 1 ? 2 : 1
  return `${new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(mb)} MB`
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(value)
}
