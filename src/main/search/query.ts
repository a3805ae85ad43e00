/**
 * One search box over partners, people, agreements and engagements.
 *
 * Latin-script queries are folded (fold.ts) and matched word by word as prefixes, so
 * "thanh hoa", "THANH HÓA", a decomposed "Thanh Hóa" and "Thanh Hoá" are the same query,
 * and "than" already finds Thanh Hóa while typing. Queries holding Japanese (or other CJK)
 * text are matched as substrings: trigram for records, LIKE over the partners' native
 * names (which also serves one- and two-character queries such as "山梨").
 *
 * Candidates come from bounded queries (names starting with the text, matches in names,
 * matches anywhere, newest first), and are ranked by how well their title matches. Results are grouped by kind: partners first, then
 * records, the group with the best title match leading within each.
 */
import type { SearchHit } from '../../shared/contract.ts'
import { fold, foldedWords, hasCjk } from '../../shared/text/fold.ts'
import type { Db } from '../context.ts'
import { dialectOf } from '../db/dialect/index.ts'
import type { Candidate } from '../db/dialect/search.ts'
import { PARTNER_KINDS, type SearchKind } from './documents.ts'

const KIND_ORDER: SearchKind[] = ['locality', 'organization', 'person', 'agreement', 'engagement']
const RECORD_WINDOW = 60


/** 0 exact title, 1 title starts with the query, 2 every word starts a title word, 3 other. */
function titleScore(titleFolded: string, qFolded: string, words: string[]): number {
  if (titleFolded === qFolded) return 0
  if (titleFolded.startsWith(qFolded)) return 1
  const titleWords = titleFolded.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) return 2
  return 3
}

export async function search(db: Db, query: string, perKind = 8): Promise<SearchHit[]> {
  const q = query.normalize('NFKC').trim()
  if (!q) return []
  const candidates = hasCjk(q) ? await cjkCandidates(db, q) : await latinCandidates(db, q)

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
  const groups = KIND_ORDER.map((kind) => {
    const list = (byKind.get(kind) ?? []).sort((a, b) => a.score - b.score || a.rank - b.rank)
    return { kind, list, best: list[0]?.score ?? Infinity }
  }).sort(
    (a, b) =>
      Number(!PARTNER_KINDS.has(a.kind)) - Number(!PARTNER_KINDS.has(b.kind)) ||
      a.best - b.best ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  )
  const hits: SearchHit[] = []
  for (const { kind, list } of groups) {
    for (const c of list.slice(0, perKind)) hits.push({ kind, id: c.entityId, title: c.title, subtitle: c.subtitle })
  }
  return hits
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

const cjkCandidates = (db: Db, q: string) => dialectOf(db).search.native(db, q, RECORD_WINDOW)
