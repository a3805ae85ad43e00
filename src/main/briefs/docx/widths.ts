/**
 * How wide text is in Times New Roman, and column widths chosen from what a table holds.
 *
 * The widths are Times New Roman's advance widths (Liberation Serif, which LibreOffice draws
 * in its place, has the same ones), in thousandths of an em. Vietnamese letters are as wide
 * as their base letter but for the horned ư, ơ, Ư; Japanese and Chinese characters are a
 * full em; anything else unknown counts as a wide letter. Word and LibreOffice do not kern
 * these documents, so a sum of advances is what a line takes. A small allowance on top keeps
 * the estimate on the safe side.
 */

// U+0020..U+007E
const ASCII = {
  regular: [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667,
    667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444,
    333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
  ],
  bold: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667,
    722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444,
    333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
  ],
}
const OTHER = {
  regular: { Đ: 722, đ: 500, Ư: 776, ư: 542, ơ: 529, '–': 500, '—': 1000, '‘': 333, '’': 333, '“': 444, '”': 444, '…': 1000, '·': 333, '°': 400, '²': 300, '×': 564, '\u00a0': 250 },
  bold: { Đ: 722, đ: 556, Ư: 796, ư: 600, ơ: 554, '–': 500, '—': 1000, '‘': 333, '’': 333, '“': 500, '”': 500, '…': 1000, '·': 333, '°': 400, '²': 300, '×': 570, '\u00a0': 250 },
} as Record<'regular' | 'bold', Record<string, number>>
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u
/** The estimate's allowance: 4 % and a little over a point, so that text measured to fit does fit. */
const SAFETY = 1.04
const SLACK = 24 // twips

const cache = new Map<string, number>()

function glyph(ch: string, face: 'regular' | 'bold'): number {
  const code = ch.codePointAt(0)!
  if (code >= 0x20 && code <= 0x7e) return ASCII[face][code - 0x20]!
  const known = OTHER[face][ch]
  if (known !== undefined) return known
  if (WIDE.test(ch)) return 1000
  // A Vietnamese letter: its base letter's width (the marks stack above and below).
  const base = ch.normalize('NFD')[0]!
  if (base !== ch) return glyph(base, face)
  if (/\p{M}/u.test(ch)) return 0
  return 778 // an unknown letter counts as a wide capital
}

/** Width in twips of `text` on one line, in Times New Roman at `size` half-points. */
export function textWidth(text: string, size: number, bold = false): number {
  if (!text) return 0
  const key = `${size}${bold ? 'b' : ''}|${text}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  let ems = 0
  for (const ch of text.normalize('NFC')) ems += glyph(ch, bold ? 'bold' : 'regular')
  // An em at `size` half-points is size / 2 points, i.e. size * 10 twips.
  const width = Math.ceil(((ems / 1000) * size * 10 * SAFETY) + SLACK)
  if (cache.size > 20_000) cache.clear()
  cache.set(key, width)
  return width
}

/** The widest of the words of `text` (split at spaces only: a date, a time range or "Hà Nội –" stay whole). */
export function widestWord(text: string, size: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size, bold)))
}

/** A text measured for wrapping: its paragraphs' words' widths, and a space's, in twips. */
export interface Measured {
  paragraphs: number[][]
  space: number
}

export function measure(text: string, size: number, bold = false): Measured {
  return {
    paragraphs: text.split('\n').map((p) => p.split(/\s+/).filter(Boolean).map((w) => textWidth(w, size, bold) - SLACK)),
    space: textWidth(' ', size, bold) - SLACK,
  }
}

/**
 * How many lines a measured text takes in `width` twips (the text's own width: the caller
 * takes off the cell's margins). Words fill each line in turn, as Word and LibreOffice fill
 * them; a word wider than the line is cut into pieces, as they cut it.
 */
export function lineCount({ paragraphs, space }: Measured, width: number): number {
  let count = 0
  for (const words of paragraphs) {
    count++
    let used = -1
    for (const w of words) {
      if (used >= 0 && used + space + w <= width) {
        used += space + w
        continue
      }
      if (used >= 0) count++
      if (w > width) {
        count += Math.ceil(w / width) - 1
        used = w % width
      } else used = w
    }
  }
  return count
}

export interface Column {
  /** Below this the column breaks something that must not break: a header word, a date. */
  hard: number
  /** Below this a word of the content is cut across lines (long words may have to be). */
  soft: number
  /** The relative width the model asks for: which column grows first when it is a tie. */
  weight: number
  /** How many lines the column's cell of row `row` takes at `width` (its margins included). */
  lines: (width: number, row: number) => number
}

const STEP = 45 // twips, about 0.8 mm: the grain in which widths are tried
const ROW_LINE = 8 // a line of table saved is worth this many lines saved inside cells

/**
 * Column widths summing to `total`, as short a table as they make (a row is as tall as its
 * tallest cell). Every column gets its hard minimum, then its soft one where that still
 * fits. Two ways of giving out the room left are tried, and the shorter table kept:
 * - from there, a step at a time to the column whose widening saves the most lines of table
 *   per twip, looking as far ahead as the room goes (a line may be saved only by a wide step);
 * - first the widths that bring every row to the fewest lines n it can have at once (each
 *   column just wide enough for its cells to take n lines), then step by step as above.
 * The first finds the best when one column holds the table up; the second when several do
 * together (a register: long titles beside long states). Once no widening saves a line, the
 * rest goes to every column in proportion to its width.
 */
export function shareWidths(columns: Column[], rows: number, total: number): number[] {
  if (columns.length === 0) return []
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const hard = columns.map((c) => c.hard)
  if (sum(hard) >= total) return fit(hard.map((h) => (h * total) / sum(hard)), total)
  const soft = columns.map((c) => Math.max(c.hard, c.soft))
  const base = sum(soft) <= total ? soft : hard
  const steps = Math.floor((total - sum(base)) / STEP)
  // lines[c][j][r]: the lines of row r's cell in column c at base[c] + j steps, as far as
  // widening still changes anything (every cell on its fewest lines).
  const fewest = columns.map((c) => Array.from({ length: rows }, (_, r) => c.lines(total, r)))
  const lines = columns.map((c, ci) => {
    const table: number[][] = []
    for (let j = 0; j <= steps; j++) {
      table.push(Array.from({ length: rows }, (_, r) => c.lines(base[ci]! + j * STEP, r)))
      if (table[j]!.every((n, r) => n <= fewest[ci]![r]!)) break
    }
    return table
  })
  const cell = (c: number, j: number, r: number) => lines[c]![Math.min(j, lines[c]!.length - 1)]![r]!
  const height = (at: number[]) => {
    let h = 0
    for (let r = 0; r < rows; r++) h += Math.max(...at.map((j, c) => cell(c, j, r)))
    return h
  }

  const grow = (start: number[]): number[] => {
    const at = [...start]
    let left = steps - sum(at)
    while (left > 0) {
      const rowMax = Array.from({ length: rows }, (_, r) => Math.max(...at.map((j, c) => cell(c, j, r))))
      let best: { c: number; j: number; rate: number } | null = null
      for (let c = 0; c < columns.length; c++) {
        // The tallest of the other cells of each row: widening column c cannot go below it.
        const others = Array.from({ length: rows }, (_, r) => Math.max(0, ...at.map((j, k) => (k === c ? 0 : cell(k, j, r)))))
        for (let j = at[c]! + 1; j <= Math.min(at[c]! + left, lines[c]!.length - 1); j++) {
          // A line of table saved counts most; a line saved in a cell that is not its row's
          // tallest counts a little, so that two columns that keep a row tall together are
          // widened one after the other.
          let saved = 0
          for (let r = 0; r < rows; r++) saved += ROW_LINE * (rowMax[r]! - Math.max(others[r]!, lines[c]![j]![r]!)) + cell(c, at[c]!, r) - lines[c]![j]![r]!
          const rate = saved / (j - at[c]!)
          if (saved > 0 && (!best || rate > best.rate + 1e-9 || (Math.abs(rate - best.rate) <= 1e-9 && columns[c]!.weight > columns[best.c]!.weight))) best = { c, j, rate }
        }
      }
      if (!best) break
      left -= best.j - at[best.c]!
      at[best.c] = best.j
    }
    return at
  }

  const candidates = [grow(columns.map(() => 0))]
  // The fewest lines every row can be brought to at once.
  const tallest = Math.max(1, ...lines.flatMap((t) => t[0]!))
  for (let n = 1; n < tallest; n++) {
    const even = lines.map((t, c) => {
      const j = t.findIndex((row) => row.every((k, r) => k <= Math.max(n, fewest[c]![r]!)))
      return j < 0 ? t.length - 1 : j
    })
    if (sum(even) <= steps) {
      candidates.push(grow(even))
      break
    }
  }
  const at = candidates.reduce((a, b) => (height(b) < height(a) ? b : a))
  const chosen = base.map((w, c) => w + at[c]! * STEP)
  const rest = total - sum(chosen)
  return fit(chosen.map((w) => w + (rest * w) / sum(chosen)), total)
}

/** Whole twips summing to `total`: the rounding goes to the widest column. */
function fit(widths: number[], total: number): number[] {
  const out = widths.map((w) => Math.floor(w))
  const rest = total - out.reduce((a, b) => a + b, 0)
  const widest = out.indexOf(Math.max(...out))
  out[widest]! += rest
  return out
}
