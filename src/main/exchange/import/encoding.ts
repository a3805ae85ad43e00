/**
 * Legacy Vietnamese encodings. Older office files hold text typed in TCVN3 (ABC, fonts
 * such as .VnTime) or VNI; read as Unicode it looks like "Hµ Néi" or "Haø Noäi". The text
 * is checked for the characters that only those encodings produce, and converted when the
 * officer agrees, with the character tables of vietnamese-conversion applied longest
 * sequence first (its own converter replaces one table entry at a time, which turns VNI
 * "Sôû" into "Sơû" instead of "Sở").
 */
import charsetsModule from 'vietnamese-conversion/dist/charsets.js'

type Charsets = Record<'UNICODE' | 'VNI' | 'TCVN3', string[]>
// A CommonJS module with `exports.default`: Node's ESM loader hands over the exports object,
// a bundler the default itself.
const CHARSETS: Charsets = (charsetsModule as unknown as { default?: Charsets }).default ?? (charsetsModule as unknown as Charsets)

export type LegacyEncoding = 'tcvn3' | 'vni'

/** Letters only Unicode Vietnamese has (ă đ ơ ư and the precomposed toned vowels). */
const UNICODE_VIETNAMESE = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/g

/** Characters TCVN3 produces that Vietnamese Unicode text never holds. */
const TCVN3_ONLY = /[¸µ¶·¹¨©ª«¬®¯°±²³´½¾§¦£¢¡¤¥÷þ]/g
/** Characters VNI produces (after a vowel) that Vietnamese Unicode never holds. */
const VNI_ONLY = /[aeiouyAEIOUY][øùûõïäåæëöüñØÙÛÕÏÄÅÆËÖÜ]|Ñ/g

export function detectLegacy(texts: readonly string[]): LegacyEncoding | null {
  const sample = texts.join('\n')
  const letters = (sample.match(/\p{L}/gu) ?? []).length
  if (letters === 0) return null
  const tcvn = (sample.match(TCVN3_ONLY) ?? []).length
  const vni = (sample.match(VNI_ONLY) ?? []).length
  // Text that already holds Unicode Vietnamese letters is Unicode, whatever symbols it has.
  const unicode = (sample.match(UNICODE_VIETNAMESE) ?? []).length
  if (unicode > (tcvn + vni) / 4) return null
  // A stray "°" or "©" in a Unicode sheet must not trigger a conversion: ask for several.
  if (tcvn >= 2 && tcvn > vni) return 'tcvn3'
  if (vni >= 2) return 'vni'
  return null
}

const tables = new Map<LegacyEncoding, Map<string, string>>()
function table(encoding: LegacyEncoding): Map<string, string> {
  let t = tables.get(encoding)
  if (!t) {
    const source = encoding === 'tcvn3' ? CHARSETS.TCVN3 : CHARSETS.VNI
    t = new Map(source.map((seq, i) => [seq, CHARSETS.UNICODE[i]!]))
    tables.set(encoding, t)
  }
  return t
}

export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const t = table(encoding)
  let out = ''
  for (let i = 0; i < text.length; ) {
    const two = text.slice(i, i + 2)
    const hit = two.length === 2 ? t.get(two) : undefined
    if (hit !== undefined) {
      out += hit
      i += 2
      continue
    }
    const one = t.get(text[i]!)
    out += one ?? text[i]
    i += 1
  }
  return out.normalize('NFC')
}
