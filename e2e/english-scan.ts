/**
 * Finding Vietnamese interface text in the English UI. Vietnamese-only letters (ă â đ ê ô
 * ơ ư, and the tone marks on any vowel) in a visible text node, a placeholder, a label or
 * a title are interface text unless they are record data: what an officer typed, read
 * from the register itself (`recordTexts`), or an element marked with `lang="vi"` (the
 * brief's preview in a Vietnamese brief, a language's own name).
 */
import type Database from 'better-sqlite3'
import type { Page } from '@playwright/test'

/** Letters Vietnamese has and English does not (NFC), upper and lower case. */
export const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/

/** Tables of what officers type (reference data included: a place's name is data). */
const RECORD_TABLES = [
  'locality',
  'organization',
  'person',
  'agreement',
  'agreement_signatory',
  'commitment',
  'engagement',
  'engagement_participant',
  'fact',
  'trip',
  'trip_member',
  'itinerary_item',
  'snippet',
  'brief',
  'attachment',
  'app_meta',
]

/** Every text the register holds (JSON values opened up, multi-line values also line by line). */
export function recordTexts(sqlite: Database.Database, extra: readonly string[] = []): string[] {
  const out = new Set<string>(extra)
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      const s = v.normalize('NFC').trim()
      if (!s) return
      if (/^[[{]/.test(s)) {
        try {
          return add(JSON.parse(s))
        } catch {
          // Not JSON: a text that starts with a bracket.
        }
      }
      out.add(s)
      for (const line of s.split(/\n+/)) if (line.trim()) out.add(line.trim().replace(/^[-•–]\s*/, ''))
    } else if (Array.isArray(v)) v.forEach(add)
    else if (v && typeof v === 'object') Object.values(v).forEach(add)
  }
  for (const table of RECORD_TABLES) {
    for (const row of sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) Object.values(row).forEach(add)
  }
  // Upper-case forms (titles in capitals) are the same data.
  for (const s of [...out]) out.add(s.toLocaleUpperCase('vi'))
  return [...out].filter((s) => VIETNAMESE.test(s)).sort((a, b) => b.length - a.length)
}

export interface Finding {
  text: string
  where: string
}

/**
 * The visible texts of the page that hold Vietnamese letters once every record text is
 * taken out of them. Runs in the page.
 */
/**
 * Runs in the page (a script: the e2e project has no DOM types): the visible texts, the
 * screen-reader-only ones, and the placeholders, labels and titles, each with a short
 * path of where it is.
 */
const SCAN = `(({ data, pattern }) => {
  const vietnamese = new RegExp(pattern)
  const findings = []
  const rest = (s) => {
    let t = s.normalize('NFC')
    for (const d of data) if (t.includes(d)) t = t.split(d).join(' ')
    return t
  }
  const marked = (el) => !!el && !!el.closest('body [lang="vi"], [data-record]')
  const visible = (el) => {
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ checkVisibilityCSS: true })) return false
    return el.getClientRects().length > 0
  }
  const where = (el) => {
    const parts = []
    for (let e = el; e && parts.length < 4; e = e.parentElement) {
      const id = e.getAttribute('data-testid')
      parts.push(id ? e.tagName.toLowerCase() + '[' + id + ']' : e.tagName.toLowerCase())
    }
    return parts.join(' < ')
  }
  const check = (text, el, what) => {
    if (!text.trim() || marked(el)) return
    if (vietnamese.test(rest(text))) findings.push({ text: what + text.trim().slice(0, 200), where: where(el) })
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement
    if (!el || el.closest('script, style, noscript')) continue
    // Text hidden from sight but read out (visually hidden) counts too.
    if (!el.closest('.mantine-VisuallyHidden-root') && !visible(el)) continue
    check(n.nodeValue || '', el, '')
  }
  for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title], input')) {
    if (!visible(el)) continue
    for (const attr of ['placeholder', 'aria-label', 'title']) {
      const v = el.getAttribute(attr)
      if (v) check(v, el, '@' + attr + ': ')
    }
    // A select shows its chosen option's label in a read-only input.
    if (el instanceof HTMLInputElement && el.readOnly && el.value) check(el.value, el, '@value: ')
  }
  const seen = new Set()
  return findings.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)))
})`

/** The Vietnamese interface texts on the page: what holds Vietnamese letters once every record text is taken out. */
export async function vietnameseOnPage(page: Page, data: readonly string[]): Promise<Finding[]> {
  return page.evaluate(`${SCAN}(${JSON.stringify({ data, pattern: VIETNAMESE.source })})`)
}
