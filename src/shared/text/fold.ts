/**
 * Search folding, applied identically when text is indexed and when it is queried.
 *
 * NFKC first so full-width Latin ("ＴＨＡＮＨ") and half-width kana ("ﾔﾏﾅｼ") fold to their
 * usual forms; then lower case; then NFD and removal of the Latin combining marks
 * (U+0300–U+036F: every Vietnamese tone and vowel mark, in either placement, e.g.
 * "Hoá" and "Hóa"). Katakana becomes hiragana (ヤマナシ and やまなし are one word to an
 * officer). Japanese voicing marks (U+3099/309A) are outside the removed range and are
 * recomposed by the final NFC, so が never becomes か. đ is a letter, not a mark, so it is
 * mapped by hand.
 */
export function fold(text: string): string {
  return toHiragana(
    text
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd'),
  ).normalize('NFC')
}

/**
 * Katakana as hiragana, letter for letter: the two syllabaries are 0x60 apart, from ァ
 * (U+30A1) to ヶ (U+30F6), and the iteration marks ヽヾ. Run on decomposed text, so ガ
 * arrives as カ + U+3099 and ヷ as ワ + U+3099; the prolonged sound mark ー is shared.
 */
function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
}

const CJK_CHARS = '\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af\\uff66-\\uff9f'
const CJK = new RegExp(`[${CJK_CHARS}]`, 'u')
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK_CHARS}])\\s+(?=[${CJK_CHARS}])`, 'gu')

/** True when the text holds any Japanese, Chinese or Korean character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

/**
 * Japanese (and other CJK) text as it is matched by substring: folded, and without the
 * spaces between CJK characters, which Japanese writing does not need and which only some
 * forms carry ("長崎 幸太郎" as a name is printed, "長崎幸太郎" as it is often typed).
 */
export function foldCjk(text: string): string {
  return fold(text).replace(SPACE_IN_CJK, '')
}

/** Words of folded text: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** A URL- and file-name-safe ASCII slug: "Thanh Hóa" -> "thanh-hoa". */
export function slugify(text: string): string {
  return foldedWords(text)
    .join('-')
    .replace(/[^a-z0-9-]/g, '')
}
