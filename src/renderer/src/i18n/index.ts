import i18n from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import type { Label, Lang } from '../../../shared/domain/labels.ts'
import { lineageIn } from '../../../shared/domain/lineage.ts'
import { en } from './en.ts'
import { vi } from './vi.ts'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
})

export function setLanguage(lang: Lang) {
  localStorage.setItem('lang', lang)
  void i18n.changeLanguage(lang)
}

// <html lang> follows the language, from the first screen on (screen readers pick their voice by it).
const markLang = (lang: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'en' ? 'en' : 'vi'
}
i18n.on('languageChanged', markLang)
markLang(i18n.language)

/** Label of an enumeration value (shared/domain/labels.ts) in the current language. */
export function useLabels() {
  const { i18n: current } = useTranslation()
  const lang: Lang = current.language === 'en' ? 'en' : 'vi'
  return {
    lang,
    label: (table: Record<string, Label>, value: string | null | undefined) => (value ? (table[value]?.[lang] ?? value) : ''),
    options: (table: Record<string, Label>) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] })),
    /** A name (or names) from the core with its lineage note in the UI's language. */
    name: (text: string) => lineageIn(text, lang),
  }
}

export default i18n
