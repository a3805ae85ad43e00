/** The agreements register extract, the protocol notes and the annexes. */
import type { Block } from '../../../shared/domain/briefs.ts'
import { formatPersonName } from '../../../shared/text/names.ts'
import { homeName, organizationName, partiesText, titleOf, type BriefData, type BriefPerson } from '../data.ts'
import { PROTOCOL_GENERAL, PROTOCOL_JAPAN } from '../text.ts'
import { dateText, placeInSentence, stateText, titleOnDate } from '../words.ts'
import { bullets, type Make } from './blocks.ts'
import { INCOMING_TEXT } from '../incoming.ts'

const GOVERNOR = /thống đốc|governor|知事/i

/** Implementation in a few words: open actions, overdue ones, a report under the Law not made. */
function implementation(m: Make, a: BriefData['agreements'][number]): string {
  const overdue = a.open.filter((c) => c.state.state === 'overdue').length
  const unreported = a.report.pm.state === 'overdue'
  const parts = [m.T.openCount(a.open.length, overdue)]
  if (unreported) parts.push(m.lang === 'vi' ? 'chưa báo cáo Thủ tướng' : 'not reported to the Prime Minister')
  return parts.join('; ')
}

export function agreements(m: Make): Block[] {
  const { d, T } = m
  return [
    {
      type: 'table',
      header: [T.agreement, T.parties, T.signed, T.status, T.implementation],
      widths: [30, 24, 13, 15, 18],
      rows: d.agreements.map((a) => [titleOf(d, a), partiesText(d, a), dateText(a.signedDate, m.lang), stateText(a.state, a.validUntil, m.lang), implementation(m, a)]),
    },
    bullets(
      m,
      'agreements.overdue',
      T.overdueList,
      d.agreements.flatMap((a) => a.open.flatMap((c) => (c.state.state === 'overdue' ? [`${c.action} – ${titleOf(d, a)} (${T.overdueBy(dateText(c.state.due, m.lang), c.state.daysLate)})`] : []))),
    ),
  ]
}

/** A form of address from this trip's own counterparts: a governor met, else a destination's governor by title. */
function addressExample(d: BriefData): string {
  const governor = [...d.people.values()].find((p) => p.title && GOVERNOR.test(p.title) && p.standing.state === 'in_office')
  if (governor) return `${governor.title} ${formatPersonName({ ...governor, givenName: governor.givenName ?? '', countryCode: governor.country })}`
  const place = d.destinations.find((l) => l.country === 'JP')
  if (place) return d.lang === 'vi' ? `Thống đốc ${placeInSentence(place, 'vi')}` : `Governor of ${placeInSentence(place, 'en')}`
  return d.lang === 'vi' ? 'Thống đốc tỉnh …' : 'Governor of … Prefecture'
}

export function protocol(m: Make): Block[] {
  const { d, T } = m
  const general = [
    ...(d.countries.includes('JP') ? PROTOCOL_JAPAN[m.lang](addressExample(d)) : PROTOCOL_GENERAL[m.lang]),
    // Receiving a delegation: what hosting asks of us.
    ...(d.trip.direction === 'in' ? INCOMING_TEXT[m.lang].protocol : []),
  ]
  const people = [...d.people.values()].filter((p) => p.protocolNotes)
  return [bullets(m, 'protocol.general', T.protocolGeneral, [...general]), bullets(m, 'protocol.people', T.protocolPeople, people.map((p) => `${nameOf(p)}: ${p.protocolNotes}`))]
}

const nameOf = (p: BriefPerson) => formatPersonName({ ...p, givenName: p.givenName ?? '', countryCode: p.country })

export function annexes(m: Make): Block[] {
  const { d, T, lang } = m
  const contacts = [...d.people.values()]
  return [
    { type: 'heading', text: T.annexFacts },
    {
      type: 'table',
      header: [T.indicator, T.value, T.asOf, T.source],
      widths: [34, 20, 14, 32],
      rows: d.facts.map((f) => [f.label, [f.value, f.unit].filter(Boolean).join(' '), f.asOf ? `${dateText(f.asOf, lang)}${f.fresh.state === 'stale' ? ` (${T.staleMark})` : ''}` : T.noDate, f.source ?? '']),
    },
    { type: 'heading', text: T.annexContacts },
    {
      type: 'table',
      header: [T.name, T.position, T.organization, T.phone, T.email],
      widths: [22, 26, 20, 14, 18],
      rows: [
        ...d.trip.members.map((mb) => [mb.name, mb.title ?? '', homeName(d), '', '']),
        ...contacts.map((p) => [nameOf(p), titleOnDate(p.title, p.standing, lang), p.organization ? organizationName(d, p.organization) : '', p.phone ?? '', p.email ?? '']),
      ],
    },
    { type: 'heading', text: T.annexSources },
    bullets(m, 'annexes.sources', null, [...new Set([...d.facts.map((f) => f.source), ...d.agreements.map((a) => a.sources)].flatMap((s) => (s ? s.split(/;\s*/) : [])))]),
  ]
}
