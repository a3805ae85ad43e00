/**
 * Search folding, applied identically when text is indexed and when it is queried.
 *
 * NFKC first so full-width Latin ("ＴＨＡＮＨ") and half-width kana fold to their usual
 * forms; then lower case; then NFD and removal of the Latin combining marks
 * (U+0300–U+036F: every Vietnamese tone and vowel mark, in either placement, e.g.
 * "Hoá" and "Hóa"). Japanese voicing marks (U+3099/309A) are outside that range and are
 * recomposed by the final NFC, so が never becomes か. đ is a letter, not a mark, so it is
 * mapped by hand.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC')
}

const CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]/u

/** True when the text holds any Japanese, Chinese or Korean character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text)
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
