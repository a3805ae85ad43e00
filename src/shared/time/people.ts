/** A person's standing on a date: in office, not yet, or former since the end of the term. */
export type Standing =
  | { state: 'in_office'; since: string | null; until: string | null }
  | { state: 'not_yet'; from: string }
  | { state: 'former'; until: string }

/** With no term recorded, a person is taken to hold the title the record gives. */
export function standing(p: { termStart: string | null; termEnd: string | null }, date: string): Standing {
  if (p.termStart && p.termStart > date) return { state: 'not_yet', from: p.termStart }
  if (p.termEnd && p.termEnd < date) return { state: 'former', until: p.termEnd }
  return { state: 'in_office', since: p.termStart, until: p.termEnd }
}
