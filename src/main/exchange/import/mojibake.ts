/**
 * Text that went through the wrong code page: UTF-8 bytes shown as Windows-1252 (or
 * Latin-1), as when a UTF-8 .csv is opened as "ANSI" and saved again: "Tên văn kiện" reads
 * "TÃªn vÄƒn kiá»‡n". Each character goes back to its Windows-1252 byte and the bytes are
 * read as UTF-8; a cell whose bytes are no UTF-8 is left as it is.
 */

/** The character Windows-1252 shows for each byte from 0x80, to that byte. */
const BYTE_OF: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1252')
  const map = new Map<string, number>()
  for (let b = 0x80; b <= 0xff; b++) {
    map.set(decoder.decode(Uint8Array.of(b)), b)
    // Latin-1 shows 0x80-0x9F as the C1 controls, as Windows-1252 shows its five undefined bytes.
    if (b < 0xa0) map.set(String.fromCharCode(b), b)
  }
  return map
})()

const charClass = (from: number, to: number) =>
  [...BYTE_OF]
    .filter(([, b]) => b >= from && b <= to)
    .map(([c]) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .join('')
const CONTINUATION = `[${charClass(0x80, 0xbf)}]`
/** A UTF-8 lead byte and its continuation bytes, as Windows-1252 shows them. */
const SEQUENCE = new RegExp(`[${charClass(0xc2, 0xdf)}]${CONTINUATION}|[${charClass(0xe0, 0xef)}]${CONTINUATION}{2}|[${charClass(0xf0, 0xf4)}]${CONTINUATION}{3}`, 'gu')

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function bytesOf(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const b = code < 0x80 ? code : BYTE_OF.get(text[i]!)
    if (b === undefined) return null
    bytes[i] = b
  }
  return bytes
}

function decode(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

/** Latin letters (Vietnamese's among them) and the combining marks of decomposed text. */
const isLetter = (code: number) => (code >= 0xc0 && code <= 0x24f) || (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)

/**
 * A sequence counts when it stands for a letter or for a character of three bytes or more
 * (“ – … 山): "Ã©" is é, while "É”" (a French word in quotes) would stand for the IPA
 * letter ɔ, and "Â°" for a bare °, which no officer's sheet is made of.
 */
function standsForText(sequence: string): boolean {
  const bytes = bytesOf(sequence)
  const char = bytes && decode(bytes)
  return !!char && (bytes.length > 2 || isLetter(char.codePointAt(0)!))
}

/** How many characters of the text look like UTF-8 read as Windows-1252. */
export function mojibakeCount(text: string): number {
  let n = 0
  for (const [sequence] of text.matchAll(SEQUENCE)) if (standsForText(sequence)) n++
  return n
}

/**
 * A cell ending in "à" (C3 A0) lost its A0, a no-break space, when the cell was trimmed:
 * it is given back when it completes a letter.
 */
function withLostSpace(bytes: Uint8Array): string | null {
  const text = decode(Uint8Array.of(...bytes, 0xa0))
  return text && isLetter(text.codePointAt(text.length - 1)!) ? text : null
}

const reread = (text: string) => {
  const bytes = bytesOf(text)
  return bytes && decode(bytes)
}

/** The text as it was before the wrong code page; a cell left as it is when it cannot have been through it. */
export function repairMojibake(text: string): string {
  const bytes = bytesOf(text)
  const once = bytes && (decode(bytes) ?? withLostSpace(bytes))
  if (!once || once === text) return text
  // Text that went through the wrong code page twice ("TÃƒÂªn") comes back in more steps.
  let out = once
  for (let next = reread(out); next !== null && next !== out; next = reread(out)) out = next
  return out.normalize('NFC')
}
