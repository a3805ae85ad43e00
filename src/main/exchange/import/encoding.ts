/**
 * Text that is not the Unicode it should be. Older office files hold text typed in the
 * legacy Vietnamese encodings TCVN3 (ABC, fonts such as .VnTime) or VNI; read as Unicode it
 * looks like "Hµ Néi" or "Haø Noäi". Others went through the wrong code page: UTF-8 read
 * as Windows-1252, "TÃªn vÄƒn kiá»‡n" (mojibake.ts). The text is checked for the characters
 * only those produce, and converted when the officer agrees. The legacy tables are those of
 * vietnamese-conversion, applied longest sequence first (its own converter replaces one
 * table entry at a time, which turns VNI "Sôû" into "Sơû" instead of "Sở").
 */
import charsetsModule from 'vietnamese-conversion/dist/charsets.js'
import type { TextEncoding } from '../../../shared/domain/exchange.ts'
import { mojibakeCount, repairMojibake } from './mojibake.ts'

type Charsets = Record<'UNICODE' | 'VNI' | 'TCVN3', string[]>
// A CommonJS module with `exports.default`: Node's ESM loader hands over the exports object,
// a bundler the default itself.
const CHARSETS: Charsets = (charsetsModule as unknown as { default?: Charsets }).default ?? (charsetsModule as unknown as Charsets)

type LegacyEncoding = Exclude<TextEncoding, 'utf8-as-cp1252'>

/** Letters only Unicode Vietnamese has (ă đ ơ ư and the precomposed toned vowels). */
const UNICODE_VIETNAMESE = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/g

/** Characters TCVN3 produces that Vietnamese Unicode text never holds. */
const TCVN3_ONLY = /[¸µ¶·¹¨©ª«¬®¯°±²³´½¾§¦£¢¡¤¥÷þ]/g
/** Characters VNI produces (after a vowel) that Vietnamese Unicode never holds. */
const VNI_ONLY = /[aeiouyAEIOUY][øùûõïäåæëöüñØÙÛÕÏÄÅÆËÖÜ]|Ñ/g

export function detectEncoding(texts: readonly string[]): TextEncoding | null {
  const sample = texts.join('\n')
  const letters = (sample.match(/\p{L}/gu) ?? []).length
  if (letters === 0) return null
  // Text that already holds Unicode Vietnamese letters is Unicode, whatever symbols it has.
  const unicode = (sample.match(UNICODE_VIETNAMESE) ?? []).length
  // Windows-1252's view of UTF-8 is full of TCVN3's symbols ("Ã³" is ó): it is checked first.
  const mojibake = mojibakeCount(sample)
  if (mojibake >= 2 && unicode <= mojibake / 4) return 'utf8-as-cp1252'
  const tcvn = (sample.match(TCVN3_ONLY) ?? []).length
  const vni = (sample.match(VNI_ONLY) ?? []).length
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

function convertLegacy(text: string, encoding: LegacyEncoding): string {
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

export function convertEncoding(text: string, encoding: TextEncoding): string {
  return encoding === 'utf8-as-cp1252' ? repairMojibake(text) : convertLegacy(text, encoding)
}
