/** The summary for the leader, the delegation and the programme. */
import type { Block } from '../../../shared/domain/briefs.ts'
import { labelOf, MEMBER_ROLES } from '../../../shared/domain/labels.ts'
import type { ItineraryItem } from '../../../shared/domain/trips.ts'
import { leaderNotes } from '../attention.ts'
import { counterpartName } from '../data.ts'
import { dayLabel } from '../text.ts'
import { dateText } from '../words.ts'
import { bullets, lines, paragraphs, timeSpan, type Make } from './blocks.ts'
import { INCOMING_TEXT, incomingDelegation } from '../incoming.ts'

const MEETING_KINDS = new Set(['meeting', 'forum', 'site_visit'])
export const meetingsOf = (items: ItineraryItem[]) => items.filter((i) => MEETING_KINDS.has(i.kind))

/** A figure with its date, and its age when it is old: "Dân số: 801.620 người (01/10/2023)". */
export function figureLine(m: Make, f: Make['d']['facts'][number]): string {
  const value = [f.value, f.unit].filter(Boolean).join(' ')
  const when = f.asOf ? dateText(f.asOf, m.lang) : m.T.noDate
  return `${f.label}: ${value} (${f.fresh.state === 'stale' ? `${m.T.asOfShort} ${when}, ${m.T.staleMark}` : when})`
}

export function summary(m: Make): Block[] {
  const { d, T } = m
  return [
    paragraphs(m, 'summary.purpose', d.trip.direction === 'in' ? INCOMING_TEXT[m.lang].purpose : T.purpose, d.trip.objectives),
    // The summary must fit on one page: few lines each, sources left to the annex.
    bullets(m, 'summary.meetings', T.keyMeetings, meetingsOf(d.trip.items).slice(0, 5).map((i) => `${dateText(i.start.slice(0, 10), m.lang)}, ${i.start.slice(11)}: ${i.title}`)),
    bullets(m, 'summary.asks', T.asks, d.trip.items.flatMap((i) => lines(i.asks)).slice(0, 5)),
    bullets(m, 'summary.figures', T.keyFigures, d.facts.slice(0, 4).map((f) => figureLine(m, f))),
    bullets(m, 'summary.issues', T.openIssues, leaderNotes(d)),
  ]
}

/** Members with their roles; the objectives only when the summary (which states them) is left out. */
export function delegation(m: Make, objectivesStated: boolean): Block[] {
  const { d, T } = m
  const members: Block = {
    type: 'table',
    header: [T.no, T.name, T.position, T.role],
    widths: [6, 30, 40, 24],
    rows: d.trip.members.map((mb, i) => [String(i + 1), mb.name, mb.title ?? '', labelOf(MEMBER_ROLES, mb.role, m.lang)]),
  }
  return [
    ...(objectivesStated ? [] : [paragraphs(m, 'delegation.objectives', T.objectives, d.trip.objectives)]),
    // A delegation received: the visitors, then our side receiving them.
    ...(d.trip.direction === 'in' ? incomingDelegation(d, m.lang, members) : [members]),
  ]
}

/** Day by day; an item's title says what it is, so its kind is not appended. */
export function programme(m: Make): Block[] {
  const { d, T } = m
  return [
    {
      type: 'table',
      header: [T.day, T.time, T.activity, T.place, T.counterparts],
      widths: [17, 11, 34, 18, 20],
      rows: d.trip.items.map((i) => [dayLabel(i.start.slice(0, 10), m.lang), timeSpan(i.start, i.end), i.title, i.place ?? '', i.counterparts.map((c) => counterpartName(d, c)).join('; ')]),
    },
    ...(d.trip.notes ? [paragraphs(m, 'programme.notes', T.notes, d.trip.notes)] : []),
  ]
}
