/** Numbers and the core's messages in the interface language. */
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

/**
 * The core writes its messages in both languages, "Vietnamese / English". This keeps the
 * half for the interface language; a message without an English half is kept whole.
 */
export function messageIn(message: string, lang: Lang): string {
  const at = message.lastIndexOf(' / ')
  if (at < 0) return message
  return (lang === 'en' ? message.slice(at + 3) : message.slice(0, at)).trim()
}
