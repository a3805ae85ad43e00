/** The destination profiles and the meeting outlines: who the partners are, and what we have with them. */
import type { Block } from '../../../shared/domain/briefs.ts'
import type { ItineraryItem } from '../../../shared/domain/trips.ts'
import type { LocalityTable } from '../../db/schema.ts'
import { counterpartName, organizationName, partiesUnlessNamed, partnerPlaces, personLine, titleOf, type BriefAgreement, type BriefPerson } from '../data.ts'
import { dayLabel } from '../text.ts'
import { dateText, numberText, personName, placeInSentence, stateText } from '../words.ts'
import { bullets, fields, lines, paragraphs, timeSpan, type Make } from './blocks.ts'
import { figureLine, meetingsOf } from './overview.ts'

/** "Văn bản … – Thanh Hóa và Yamanashi, ký ngày 25/11/2025: đang hiệu lực." */
export function agreementLine(m: Make, a: BriefAgreement): string {
  return m.T.agreementLine(titleOf(m.d, a), partiesUnlessNamed(m.d, a), a.signedDate ? dateText(a.signedDate, m.lang) : '', stateText(a.state, a.validUntil, m.lang))
}

/** An open commitment as the history lists it: its due date, or how long it is overdue. */
function commitmentLine(m: Make, c: BriefAgreement['open'][number]): string {
  const when = c.state.state === 'overdue' ? m.T.overdueBy(dateText(c.state.due, m.lang), c.state.daysLate) : c.dueDate ? m.T.dueOn(dateText(c.dueDate, m.lang)) : ''
  return when ? m.T.commitmentLine(c.action, when) : c.action
}

const headingOf = (m: Make, l: LocalityTable) => {
  const name = placeInSentence(l, m.lang)
  return `${name.charAt(0).toLocaleUpperCase(m.lang) + name.slice(1)}${l.nameNative ? ` (${l.nameNative})` : ''}`
}

export function destinations(m: Make): Block[] {
  const { d, T, lang } = m
  const blocks: Block[] = []
  for (const [n, l] of d.destinations.entries()) {
    blocks.push({ type: 'heading', text: `${n + 1}. ${headingOf(m, l)}` })
    blocks.push(
      fields([
        [T.nativeName, [l.nameNative, l.nameKana, lang === 'vi' ? l.nameEn : null].filter(Boolean).join(' · ')],
        [T.region, l.region ?? ''],
        [T.capital, l.capital ?? ''],
        [T.area, l.areaKm2 ? `${numberText(l.areaKm2, lang)} km²` : ''],
        [T.population, l.population ? numberText(l.population, lang) : ''],
        [T.gdp, l.gdp ?? ''],
        [T.leader, l.leader ?? ''],
        [T.industries, l.industries ?? ''],
      ]),
    )
    blocks.push(bullets(m, `destination.${l.id}.figures`, T.figures, d.facts.filter((f) => f.localityId === l.id || f.partnerLocalityId === l.id).map((f) => figureLine(m, f))))
    const theirs = d.agreements.filter((a) => a.parties.some((p) => p.localityId === l.id))
    blocks.push(
      bullets(m, `destination.${l.id}.relations`, T.relations, [
        ...theirs.map((a) => agreementLine(m, a)),
        ...(d.engagements.get(l.id) ?? []).slice(0, 8).map((e) => `${dateText(e.startDate, lang)}: ${e.title}`),
      ]),
    )
    const orgs = d.localOrganizations.get(l.id) ?? []
    if (orgs.length) blocks.push(bullets(m, `destination.${l.id}.organizations`, T.organizations, orgs.map((o) => organizationName(d, o))))
    blocks.push(paragraphs(m, `destination.${l.id}.notes`, T.notes, l.notes))
  }
  return blocks
}

/** What we have with these partners: agreements (their state, their open follow-up) and past engagements. */
function history(m: Make, places: string[]): string[] {
  const { d, lang } = m
  const items: string[] = []
  for (const a of d.agreements.filter((x) => x.parties.some((p) => p.localityId && places.includes(p.localityId)))) {
    items.push(agreementLine(m, a))
    for (const c of a.open) items.push(`  ${commitmentLine(m, c)}`)
  }
  const seen = new Set<string>()
  for (const e of places.flatMap((p) => d.engagements.get(p) ?? []).sort((x, y) => y.startDate.localeCompare(x.startDate))) {
    if (seen.has(e.id)) continue
    seen.add(e.id)
    items.push(`${dateText(e.startDate, lang)}: ${e.title}`)
  }
  return items.slice(0, 12)
}

/** A counterpart with a biography, and a line of its own when the person no longer holds the post. */
function counterpartBios(m: Make, people: BriefPerson[]): string[] {
  return people.flatMap((p) => {
    const line = `${personLine(m.d, p)}${p.bio ? `. ${p.bio}` : ''}`
    if (p.standing.state === 'former' && p.title) return [line, m.T.formerNote(personName(p), p.title, dateText(p.standing.until, m.lang))]
    if (p.standing.state === 'not_yet' && p.title) return [line, m.T.notYetNote(personName(p), p.title, dateText(p.standing.from, m.lang))]
    return [line]
  })
}

export function meetings(m: Make): Block[] {
  const { d, T, lang } = m
  const blocks: Block[] = []
  // One history per set of partners: later meetings with the same partners point back to it.
  const historyAt = new Map<string, { n: number; title: string }>()
  for (const [index, i] of meetingsOf(d.trip.items).entries()) {
    const n = index + 1
    blocks.push({ type: 'heading', text: `${n}. ${i.title}` })
    blocks.push(
      fields([
        [T.time, `${dayLabel(i.start.slice(0, 10), lang)}, ${timeSpan(i.start, i.end)}`],
        [T.place, i.place ?? ''],
        [T.counterparts, i.counterparts.map((c) => counterpartName(d, c)).join('; ')],
      ]),
    )
    const people = i.counterparts.flatMap((c) => (c.personId && d.people.get(c.personId) ? [d.people.get(c.personId)!] : []))
    blocks.push(bullets(m, `meeting.${i.id}.counterparts`, T.counterpartBios, counterpartBios(m, people)))
    blocks.push(paragraphs(m, `meeting.${i.id}.attendees`, T.attendees, i.attendees))
    blocks.push(paragraphs(m, `meeting.${i.id}.purpose`, T.meetingPurpose, i.purpose))
    blocks.push(historyBlock(m, i, n, historyAt))
    blocks.push(bullets(m, `meeting.${i.id}.gifts`, T.previousGifts, giftLines(m, i)))
    blocks.push(bullets(m, `meeting.${i.id}.talkingPoints`, T.talkingPoints, lines(i.talkingPoints)))
    blocks.push(bullets(m, `meeting.${i.id}.asks`, T.meetingAsks, lines(i.asks)))
    blocks.push(bullets(m, `meeting.${i.id}.offers`, T.offers, lines(i.offers)))
    blocks.push(bullets(m, `meeting.${i.id}.sensitivities`, T.sensitivities, lines(i.sensitivities)))
    blocks.push(paragraphs(m, `meeting.${i.id}.logistics`, T.logistics, i.logistics))
  }
  return blocks
}

/** "25/11/2025 – tặng: tranh sơn mài (Diễn đàn …)": what was given and received, so the next visit does not repeat a gift. */
function giftLines(m: Make, i: ItineraryItem): string[] {
  const ids = new Set(i.counterparts.flatMap((c) => [c.personId, c.organizationId, c.localityId].filter(Boolean)))
  const given = m.lang === 'vi' ? { given: 'tặng', received: 'nhận' } : { given: 'given', received: 'received' }
  return m.d.gifts
    .filter((g) => ids.has(g.personId) || ids.has(g.organizationId) || ids.has(g.localityId))
    .map((g) => {
      const occasion = g.occasion ?? g.occasionTitle
      return `${dateText(g.date, m.lang)} – ${given[g.direction]}: ${g.description}${occasion ? ` (${occasion})` : ''}`
    })
}

function historyBlock(m: Make, i: ItineraryItem, n: number, historyAt: Map<string, { n: number; title: string }>): Block {
  const places = partnerPlaces(m.d, i).sort()
  const key = places.join('|')
  const earlier = key ? historyAt.get(key) : undefined
  if (earlier) return bullets(m, `meeting.${i.id}.history`, m.T.history, [m.T.historySeeAbove(earlier.n, earlier.title)])
  if (key) historyAt.set(key, { n, title: i.title })
  return bullets(m, `meeting.${i.id}.history`, m.T.history, history(m, places))
}
