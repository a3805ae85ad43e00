/**
 * One search box over partners, people, agreements, engagements, trips, programme items
 * and talking points.
 *
 * Latin-script queries are folded (fold.ts) and matched word by word as prefixes, so
 * "thanh hoa", "THANH HÓA", a decomposed "Thanh Hóa" and "Thanh Hoá" are the same query,
 * and "than" already finds Thanh Hóa while typing. Queries holding Japanese (or other CJK)
 * text are matched as substrings: trigram for records, LIKE over the partners' native
 * names (which also serves one- and two-character queries such as "山梨"), both folded as
 * documents are (katakana as hiragana, no spaces between Japanese characters, so ヤマナシ,
 * ﾔﾏﾅｼ and やまなし are one query, and so are "長崎幸太郎" and "長崎 幸太郎").
 *
 * Candidates come from bounded queries (names starting with the text, matches in names,
 * matches anywhere, newest first), and are ranked by how well their title matches. Results
 * are grouped by kind: partners first, then records, the group with the best title match
 * leading within each. `limit` bounds the whole answer, shared out between the kinds found.
 */
import type { SearchHit } from '../../shared/contract.ts'
import { fold, foldCjk, foldedWords, hasCjk } from '../../shared/text/fold.ts'
import type { Db } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'
import type { Candidate } from '../db/dialect/search.ts'
import { inList, PARTNER_KINDS, SEARCH_ORDER } from './doc.ts'

const RECORD_WINDOW = 60
/** Hits in an answer when the caller does not say. */
export const DEFAULT_LIMIT = 20


/** 0 exact title, 1 title starts with the query, 2 every word starts a title word, 3 other. */
function titleScore(titleFolded: string, qFolded: string, words: string[]): number {
  if (titleFolded === qFolded) return 0
  if (titleFolded.startsWith(qFolded)) return 1
  const titleWords = titleFolded.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) return 2
  return 3
}

/** Among titles that start with the query, the shortest completion first ("than": Thanh Hóa before Thạnh An 104). */
const completion = (c: Candidate & { score: number }) => (c.score <= 1 ? c.titleFolded.length : 0)

export async function search(db: Db, query: string, limit = DEFAULT_LIMIT): Promise<SearchHit[]> {
  const q = query.normalize('NFKC').trim()
  if (!q) return []
  const candidates = hasCjk(q) ? await cjkCandidates(db, foldCjk(q)) : await latinCandidates(db, q)

  const qFolded = fold(q)
  const words = foldedWords(q)
  const byKind = new Map<string, Array<Candidate & { score: number }>>()
  for (const c of candidates) {
    const list = byKind.get(c.kind) ?? []
    if (list.some((x) => x.entityId === c.entityId)) continue
    list.push({ ...c, score: titleScore(c.titleFolded, qFolded, words) })
    byKind.set(c.kind, list)
  }
  // Partners come before records; within each, the group with the best title match leads
  // (an abbreviation like "jetro" puts organizations before localities).
  const groups = SEARCH_ORDER.map((kind) => {
    const list = (byKind.get(kind) ?? []).sort((a, b) => a.score - b.score || completion(a) - completion(b) || a.rank - b.rank)
    return { kind, list, best: list[0]?.score ?? Infinity }
  })
    .filter((g) => g.list.length > 0)
    .sort(
      (a, b) =>
        Number(!PARTNER_KINDS.has(a.kind)) - Number(!PARTNER_KINDS.has(b.kind)) ||
        a.best - b.best ||
        SEARCH_ORDER.indexOf(a.kind) - SEARCH_ORDER.indexOf(b.kind),
    )
  const shares = shareOut(groups.map((g) => g.list.length), limit)
  const hits: SearchHit[] = groups.flatMap(({ kind, list }, i) => list.slice(0, shares[i]).map((c) => ({ kind, id: c.entityId, title: c.title, subtitle: c.subtitle })))
  return withTrips(db, hits)
}

/**
 * How many hits each group gets of `limit`: one each in turn, in the groups' order, while
 * a group has more. So every kind found shows (as far as the limit goes), the leading
 * groups get the odd ones, and a kind found alone may fill the whole answer.
 */
export function shareOut(sizes: readonly number[], limit: number): number[] {
  const shares = sizes.map(() => 0)
  let left = Math.min(limit, sizes.reduce((n, s) => n + s, 0))
  while (left > 0) {
    for (let i = 0; i < sizes.length && left > 0; i++) {
      if (shares[i]! < sizes[i]!) {
        shares[i]!++
        left--
      }
    }
  }
  return shares
}

/** A programme item opens within its trip: its hit says which. */
async function withTrips(db: Db, hits: SearchHit[]): Promise<SearchHit[]> {
  const items = hits.filter((h) => h.kind === 'itineraryItem').map((h) => h.id)
  if (items.length === 0) return hits
  const rows = await db.selectFrom('itineraryItem').select(['id', 'tripId']).where(inList(db, 'id', items)).execute()
  const trips = new Map(rows.map((r) => [r.id, r.tripId]))
  return hits.map((h) => (h.kind === 'itineraryItem' && trips.has(h.id) ? { ...h, tripId: trips.get(h.id)! } : h))
}

async function latinCandidates(db: Db, q: string): Promise<Candidate[]> {
  const words = foldedWords(q)
  if (words.length === 0) return []
  // A name is first looked up as a phrase ("thanh hoa" as consecutive words, the last one
  // a prefix while typing); only when that finds nothing do the words match anywhere.
  const { search } = dialectOf(db)
  const found = await search.words(db, words, true, words.join(' '), RECORD_WINDOW)
  if (found.length > 0 || words.length === 1) return found
  return search.words(db, words, false, null, RECORD_WINDOW)
}

/** `q` is folded as documents' Japanese text is (foldCjk). */
const cjkCandidates = (db: Db, q: string) => dialectOf(db).search.native(db, q, RECORD_WINDOW)
