/**
 * Assembles the BriefModel for a trip: pure data, read in one transaction, from which the
 * preview and the Word file are both made. Overrides typed by the officer replace the
 * generated text of a block; the register itself is never changed by a brief.
 */
import { AGREEMENT_STATUSES, COUNTRIES, ITEM_KINDS, MEMBER_ROLES, labelOf, type Lang } from '../../shared/domain/labels.ts'
import {
  SECTIONS,
  normalizedSections,
  type Block,
  type BriefModel,
  type BriefSection,
  type BriefSettings,
  type BriefWarning,
  type SectionId,
} from '../../shared/domain/briefs.ts'
import type { Agreement } from '../../shared/domain/agreements.ts'
import type { ItineraryItem, Trip } from '../../shared/domain/trips.ts'
import { formatDate } from '../../shared/text/dates.ts'
import { slugify } from '../../shared/text/fold.ts'
import { formatPersonName, formatNativeName } from '../../shared/text/names.ts'
import { agreementsOfLocality, getAgreement, pmReportDueDate } from '../agreements/queries.ts'
import type { Db } from '../context.ts'
import { engagementsOf, getEngagement } from '../engagements/queries.ts'
import { successorsOf, withLineage } from '../partners/lineage.ts'
import { counterpartNames, getTrip } from '../trips/queries.ts'
import { BRIEF_TEXT, PROTOCOL_GENERAL, PROTOCOL_JAPAN, dayLabel, placeDate, roman } from './text.ts'

const STALE_MS = 2 * 365.25 * 24 * 3600 * 1000
const MEETING_KINDS = new Set(['meeting', 'forum', 'site_visit'])

const lines = (s: string | null | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean)

/** The default settings of a trip's brief: agency block and place from the home province. */
export async function defaultSettings(db: Db, tripId: string): Promise<BriefSettings> {
  const t = await db.selectFrom('trip').select('homeLocalityId').where('id', '=', tripId).executeTakeFirst()
  return defaultSettingsFor(db, t?.homeLocalityId ?? null)
}

export async function defaultSettingsFor(db: Db, homeLocalityId: string | null): Promise<BriefSettings> {
  const t = homeLocalityId ? await db.selectFrom('locality').select(['nameVi', 'designationVi']).where('id', '=', homeLocalityId).executeTakeFirst() : undefined
  const home = t?.nameVi ? `${t.designationVi ?? 'tỉnh'} ${t.nameVi}` : ''
  return {
    language: 'vi',
    parentAgency: home ? `ỦY BAN NHÂN DÂN ${home}`.toLocaleUpperCase('vi') : '',
    agency: 'SỞ NGOẠI VỤ',
    place: t?.nameVi ?? '',
    issueDate: null,
    circulation: 'LƯU HÀNH NỘI BỘ',
    letterhead: null,
    sections: normalizedSections({ sections: [] }),
    overrides: {},
  }
}

interface Ctx {
  lang: Lang
  overrides: Record<string, string>
  today: string
}

function paragraphs(c: Ctx, id: string, label: string | null, text: string | null | undefined): Block {
  const o = c.overrides[id]
  return { type: 'paragraphs', id, label, edited: o !== undefined, text: o ?? text ?? '' }
}

function bullets(c: Ctx, id: string, label: string | null, items: string[]): Block {
  const o = c.overrides[id]
  return { type: 'bullets', id, label, edited: o !== undefined, items: o !== undefined ? lines(o) : items }
}

const nonEmpty = (blocks: Block[]) =>
  blocks.filter((b) => (b.type === 'paragraphs' ? b.text.trim() || b.edited : b.type === 'bullets' ? b.items.length || b.edited : b.type === 'fields' ? b.rows.length : true))

/** `trip`: a saved trip's id, or a trip made up in memory (the meetings of a forum, see engagementTrip). */
export async function assembleBrief(db: Db, tripOrId: string | Trip, settings: BriefSettings, now: Date, today: string): Promise<BriefModel> {
  const lang = settings.language
  const T = BRIEF_TEXT[lang]
  const c: Ctx = { lang, overrides: settings.overrides, today }
  const warnings: BriefWarning[] = []
  const warn = (section: SectionId | null, message: string, level: BriefWarning['level'] = 'warning') => warnings.push({ level, message, section })

  const trip: Trip = typeof tripOrId === 'string' ? await getTrip(db, tripOrId) : tripOrId
  const tripId = trip.id
  const home = trip.homeLocalityId
    ? await db.selectFrom('locality').selectAll().where('id', '=', trip.homeLocalityId).executeTakeFirst()
    : undefined
  const destinations = trip.destinations.length
    ? await db.selectFrom('locality').selectAll().where('id', 'in', trip.destinations.map((d) => d.id)).execute()
    : []
  const destinationOrder = new Map(trip.destinations.map((d, i) => [d.id, i]))
  destinations.sort((a, b) => destinationOrder.get(a.id)! - destinationOrder.get(b.id)!)
  const countries = [...new Set(destinations.map((d) => d.country))]
  const countryName = countries.map((code) => labelOf(COUNTRIES, code, lang)).join(', ') || '…'
  const homeName = home ? `${lang === 'vi' ? (home.designationVi ?? 'tỉnh') : ''} ${lang === 'en' ? (home.nameEn ?? home.nameVi) : home.nameVi}`.trim() : '…'

  // ---- warnings about the trip itself
  if (trip.members.length === 0) warn('delegation', lang === 'vi' ? 'Đoàn chưa có thành viên.' : 'The delegation has no members yet.')
  for (const item of trip.items) {
    const day = item.start.slice(0, 10)
    if (day < trip.startDate || day > trip.endDate) {
      warn('programme', lang === 'vi' ? `“${item.title}” (${formatDate(day)}) nằm ngoài thời gian chuyến công tác.` : `"${item.title}" (${formatDate(day)}) is outside the trip's dates.`)
    }
    for (const _missing of item.counterparts.filter((x) => !x.exists)) {
      warn('meetings', lang === 'vi' ? `“${item.title}”: một đối tác đã bị xóa khỏi danh bạ.` : `"${item.title}": a counterpart was deleted from the register.`)
    }
  }

  // ---- counterparts and people
  const personIds = [...new Set(trip.items.flatMap((i) => i.counterparts.flatMap((cp) => (cp.personId && cp.exists ? [cp.personId] : []))))]
  const people = personIds.length
    ? await db
        .selectFrom('person as p')
        .leftJoin('organization as o', 'o.id', 'p.organizationId')
        .selectAll('p')
        .select('o.nameVi as orgName')
        .where('p.id', 'in', personIds)
        .execute()
    : []
  const personLine = (p: (typeof people)[number]) => {
    const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
    const native = formatNativeName(name)
    return `${formatPersonName(name)}${native ? ` (${native})` : ''}${p.title ? ` – ${p.title}` : ''}`
  }
  for (const p of people) {
    if (!p.bio) warn('meetings', lang === 'vi' ? `Chưa có tiểu sử của ${personLine(p)}.` : `No biography for ${personLine(p)}.`)
  }

  // ---- agreements concerning the destinations (and the home province with them)
  const relatedIds = new Set<string>()
  for (const d of destinations) for (const a of await agreementsOfLocality(db, d.id, today)) relatedIds.add(a.id)
  const agreements: Agreement[] = []
  for (const id of relatedIds) agreements.push(await getAgreement(db, id, today))
  agreements.sort((a, b) => (b.signedDate ?? '').localeCompare(a.signedDate ?? ''))
  for (const a of agreements) {
    if (a.validUntil && a.validUntil < today && (a.status === 'in_force' || a.status === 'signed')) {
      warn('agreements', lang === 'vi' ? `“${a.titleVi}” đã hết thời hạn hiệu lực (${formatDate(a.validUntil)}).` : `"${a.titleVi}" is past its validity (${formatDate(a.validUntil)}).`)
    }
    for (const cm of a.commitments.filter((x) => x.overdue)) {
      warn('agreements', lang === 'vi' ? `Cam kết quá hạn (${formatDate(cm.dueDate)}): ${cm.action}` : `Overdue commitment (${formatDate(cm.dueDate)}): ${cm.action}`)
    }
    if (a.pmReportLate) {
      warn('agreements', lang === 'vi' ? `“${a.titleVi}”: chưa báo cáo Thủ tướng trong 15 ngày sau khi ký (hạn ${formatDate(pmReportDueDate(a.signedDate))}).` : `"${a.titleVi}": report to the Prime Minister not sent within 15 days of signing.`)
    }
  }

  // ---- key figures
  const facts = await db
    .selectFrom('fact')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(destinations.length ? [eb('localityId', 'in', destinations.map((d) => d.id)), eb('partnerLocalityId', 'in', destinations.map((d) => d.id))] : []),
        ...(home ? [eb('localityId', '=', home.id)] : []),
        ...(countries.length ? [eb.and([eb('scope', '=', 'country'), eb('country', 'in', countries)])] : []),
      ]),
    )
    .orderBy('asOf', 'desc')
    .execute()
    .catch(() => [])
  const staleFacts = facts.filter((f) => f.asOf && now.getTime() - Date.parse(f.asOf) > STALE_MS)
  for (const f of staleFacts) warn('annexes', lang === 'vi' ? `Số liệu đã cũ (tại ${formatDate(f.asOf)}): ${f.label}` : `Figure older than two years (${formatDate(f.asOf)}): ${f.label}`, 'info')

  // ---- sections
  const meetings = trip.items.filter((i) => MEETING_KINDS.has(i.kind))
  const counterpartsText = (i: ItineraryItem) => i.counterparts.map((cp) => cp.name).join('; ')
  const openCommitments = agreements.flatMap((a) => a.commitments.filter((cm) => cm.status === 'open' || cm.status === 'in_progress').map((cm) => ({ a, cm })))

  const build: Record<Exclude<SectionId, 'cover' | 'toc'>, () => Promise<Block[]> | Block[]> = {
    summary: () => [
      paragraphs(c, 'summary.purpose', T.purpose, trip.objectives),
      // The summary must fit on one page: few lines each, sources left to the annex.
      bullets(c, 'summary.meetings', T.keyMeetings, meetings.slice(0, 5).map((i) => `${formatDate(i.start.slice(0, 10))} ${i.start.slice(11)}: ${i.title}`)),
      bullets(c, 'summary.asks', T.asks, trip.items.flatMap((i) => lines(i.asks)).slice(0, 5)),
      bullets(c, 'summary.figures', T.keyFigures, facts.slice(0, 4).map((f) => `${f.label}: ${[f.value, f.unit].filter(Boolean).join(' ')} (${f.asOf ? formatDate(f.asOf) : T.noDate})`)),
      bullets(
        c,
        'summary.issues',
        T.openIssues,
        [
          ...openCommitments.slice(0, 3).map(({ cm }) => `${cm.action}${cm.overdue ? ` (${T.overdueSuffix} ${formatDate(cm.dueDate)})` : ''}`),
          ...warnings.filter((w) => w.level === 'warning' && w.section !== 'agreements').slice(0, 1).map((w) => w.message),
        ].slice(0, 4),
      ),
    ],
    delegation: () => [
      paragraphs(c, 'delegation.objectives', T.objectives, trip.objectives),
      {
        type: 'table',
        header: [T.no, T.name, T.position, T.role],
        widths: [6, 30, 40, 24],
        rows: trip.members.map((m, i) => [String(i + 1), m.name, m.title ?? '', labelOf(MEMBER_ROLES, m.role, lang)]),
      },
    ],
    programme: () => [
      {
        type: 'table',
        header: [T.day, T.time, T.activity, T.place, T.counterparts],
        widths: [17, 11, 34, 18, 20],
        rows: trip.items.map((i) => [
          dayLabel(i.start.slice(0, 10), lang),
          `${i.start.slice(11)}${i.end ? `–${i.end.slice(11)}` : ''}`,
          `${i.title} (${labelOf(ITEM_KINDS, i.kind, lang)})`,
          i.place ?? '',
          counterpartsText(i),
        ]),
      },
      ...(trip.notes ? [paragraphs(c, 'programme.notes', T.notes, trip.notes)] : []),
    ],
    destinations: async () => {
      const blocks: Block[] = []
      const successors = await successorsOf(db, destinations.map((d) => d.id))
      for (const [n, d] of destinations.entries()) {
        const name = withLineage(d, successors.get(d.id), lang)
        blocks.push({ type: 'heading', text: `${n + 1}. ${lang === 'vi' ? [d.designationVi, name].filter(Boolean).join(' ').replace(/^./, (x) => x.toLocaleUpperCase('vi')) : name}${d.nameNative ? ` (${d.nameNative})` : ''}` })
        blocks.push({
          type: 'fields',
          rows: (
            [
              [T.nativeName, [d.nameNative, d.nameKana, d.nameEn].filter(Boolean).join(' · ')],
              [T.region, d.region ?? ''],
              [T.capital, d.capital ?? ''],
              [T.area, d.areaKm2 ? `${d.areaKm2.toLocaleString('vi-VN')} km²` : ''],
              [T.population, d.population ? d.population.toLocaleString('vi-VN') : ''],
              [T.gdp, d.gdp ?? ''],
              [T.leader, d.leader ?? ''],
              [T.industries, d.industries ?? ''],
            ] as Array<[string, string]>
          ).filter(([, v]) => v),
        })
        const engagements = await engagementsOf(db, 'localityId', [d.id])
        const theirAgreements = agreements.filter((a) => a.parties.some((p) => p.localityId === d.id))
        blocks.push(
          bullets(c, `destination.${d.id}.relations`, T.relations, [
            ...theirAgreements.map((a) => `${a.titleVi} – ${labelOf(AGREEMENT_STATUSES, a.status, lang)}${a.signedDate ? ` (${formatDate(a.signedDate)})` : ''}`),
            ...engagements.slice(0, 8).map((e) => `${formatDate(e.startDate)}: ${e.title}`),
          ]),
        )
        const orgs = await db.selectFrom('organization').select(['nameVi', 'abbreviation']).where('localityId', '=', d.id).execute()
        if (orgs.length) blocks.push(bullets(c, `destination.${d.id}.organizations`, T.organizations, orgs.map((o) => (o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi))))
        blocks.push(paragraphs(c, `destination.${d.id}.notes`, T.notes, d.notes))
      }
      return blocks
    },
    meetings: async () => {
      const blocks: Block[] = []
      for (const [n, i] of meetings.entries()) {
        blocks.push({ type: 'heading', text: `${n + 1}. ${i.title}` })
        blocks.push({
          type: 'fields',
          rows: (
            [
              [T.time, `${dayLabel(i.start.slice(0, 10), lang)}, ${i.start.slice(11)}${i.end ? `–${i.end.slice(11)}` : ''}`],
              [T.place, i.place ?? ''],
              [T.counterparts, counterpartsText(i)],
            ] as Array<[string, string]>
          ).filter(([, v]) => v),
        })
        const theirPeople = people.filter((p) => i.counterparts.some((cp) => cp.personId === p.id))
        blocks.push(bullets(c, `meeting.${i.id}.counterparts`, T.counterpartBios, theirPeople.map((p) => `${personLine(p)}${p.bio ? `. ${p.bio}` : ''}`)))
        blocks.push(paragraphs(c, `meeting.${i.id}.attendees`, T.attendees, i.attendees))
        blocks.push(paragraphs(c, `meeting.${i.id}.purpose`, T.meetingPurpose, i.purpose))
        const partnerLocalities = new Set(i.counterparts.flatMap((cp) => (cp.localityId ? [cp.localityId] : [])))
        for (const p of theirPeople) if (p.localityId) partnerLocalities.add(p.localityId)
        const history: string[] = []
        for (const a of agreements.filter((x) => x.parties.some((p) => p.localityId && partnerLocalities.has(p.localityId)))) {
          history.push(`${a.titleVi} (${a.parties.map((p) => p.displayName).join(' – ')}) – ${labelOf(AGREEMENT_STATUSES, a.status, lang)}`)
          for (const cm of a.commitments.filter((x) => x.status === 'open' || x.status === 'in_progress')) history.push(`  ${cm.action}${cm.overdue ? ` (${T.overdueSuffix} ${formatDate(cm.dueDate)})` : ''}`)
        }
        for (const e of await engagementsOf(db, 'localityId', [...partnerLocalities])) history.push(`${formatDate(e.startDate)}: ${e.title}`)
        blocks.push(bullets(c, `meeting.${i.id}.history`, T.history, history.slice(0, 12)))
        blocks.push(bullets(c, `meeting.${i.id}.talkingPoints`, T.talkingPoints, lines(i.talkingPoints)))
        blocks.push(bullets(c, `meeting.${i.id}.asks`, T.meetingAsks, lines(i.asks)))
        blocks.push(bullets(c, `meeting.${i.id}.offers`, T.offers, lines(i.offers)))
        blocks.push(bullets(c, `meeting.${i.id}.sensitivities`, T.sensitivities, lines(i.sensitivities)))
        blocks.push(paragraphs(c, `meeting.${i.id}.logistics`, T.logistics, i.logistics))
      }
      return blocks
    },
    agreements: () => [
      {
        type: 'table',
        header: [T.agreement, T.parties, T.signed, T.status, T.implementation],
        widths: [32, 26, 12, 12, 18],
        rows: agreements.map((a) => {
          const open = a.commitments.filter((x) => x.status === 'open' || x.status === 'in_progress')
          return [a.titleVi, a.parties.map((p) => p.displayName).join(' – '), formatDate(a.signedDate), labelOf(AGREEMENT_STATUSES, a.status, lang), T.openCount(open.length, open.filter((x) => x.overdue).length)]
        }),
      },
      bullets(c, 'agreements.overdue', T.overdueList, agreements.flatMap((a) => a.commitments.filter((x) => x.overdue).map((x) => `${x.action} – ${a.titleVi} (${T.overdueSuffix} ${formatDate(x.dueDate)})`))),
    ],
    protocol: () => [
      bullets(c, 'protocol.general', T.protocolGeneral, [...(countries.includes('JP') ? PROTOCOL_JAPAN[lang] : PROTOCOL_GENERAL[lang])]),
      bullets(c, 'protocol.people', T.protocolPeople, people.filter((p) => p.protocolNotes).map((p) => `${personLine(p)}: ${p.protocolNotes}`)),
    ],
    annexes: () => [
      { type: 'heading', text: T.annexFacts },
      {
        type: 'table',
        header: [T.indicator, T.value, T.asOf, T.source],
        widths: [36, 18, 12, 34],
        rows: facts.map((f) => [f.label, [f.value, f.unit].filter(Boolean).join(' '), formatDate(f.asOf), f.source ?? '']),
      },
      { type: 'heading', text: T.annexContacts },
      {
        type: 'table',
        header: [T.name, T.position, T.organization],
        widths: [34, 40, 26],
        rows: [
          ...trip.members.map((m) => [m.name, m.title ?? '', homeName]),
          ...people.map((p) => [formatPersonName({ ...p, givenName: p.givenName ?? '', countryCode: p.country }), p.title ?? '', p.orgName ?? '']),
        ],
      },
      { type: 'heading', text: T.annexSources },
      bullets(c, 'annexes.sources', null, [...new Set([...facts.map((f) => f.source), ...agreements.map((a) => a.sources)].flatMap((s) => (s ? s.split(/;\s*/) : [])))]),
    ],
  }

  const order = normalizedSections(settings)
  const sections: BriefSection[] = []
  let numeral = 0
  for (const s of order) {
    if (!s.include || s.id === 'cover' || s.id === 'toc') continue
    numeral++
    const title = `${roman(numeral)}. ${SECTIONS[s.id][lang].toLocaleUpperCase(lang)}`
    let blocks = nonEmpty(await build[s.id]())
    if (blocks.length === 0) blocks = [paragraphs(c, `${s.id}.empty`, null, T.none)]
    sections.push({ id: s.id, title, blocks })
  }

  const issue = settings.issueDate ?? today
  const destNames = destinations.map((d) => (lang === 'en' ? (d.nameEn ?? d.nameVi) : d.nameVi)).join('-')
  return {
    language: lang,
    generatedAt: now.toISOString(),
    tripId,
    // "Tai-lieu-doan-cong-tac-Thanh-Hoa-Yamanashi-2026": ASCII, safe on every file system.
    fileBaseName: [
      lang === 'vi' ? 'Tai-lieu-doan-cong-tac' : 'Briefing-pack',
      ...[home?.nameVi ?? '', destNames].map((n) => slugify(n).split('-').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('-')),
      trip.startDate.slice(0, 4),
    ]
      .filter(Boolean)
      .join('-'),
    cover: {
      parentAgency: settings.parentAgency,
      agency: settings.agency,
      nationalName: T.nationalName,
      motto: T.motto,
      title: T.title(homeName, countryName),
      subtitle: trip.title,
      dates: T.dates(formatDate(trip.startDate), formatDate(trip.endDate)),
      placeDate: placeDate(settings.place, issue, lang),
      circulation: settings.circulation,
    },
    sections,
    includeCover: order.some((s) => s.id === 'cover' && s.include),
    includeToc: order.some((s) => s.id === 'toc' && s.include),
    warnings,
  }
}

/**
 * An engagement with many partners (the forum of 25/11/2025) seen as a trip of meetings:
 * one meeting per foreign participant, on the engagement's day, so that each can have its
 * short brief. Nothing is saved.
 */
export async function engagementTrip(db: Db, engagementId: string, homeLocalityId: string | null): Promise<Trip> {
  const e = await getEngagement(db, engagementId)
  const home = homeLocalityId ? await db.selectFrom('locality').select(['id', 'country', 'nameVi']).where('id', '=', homeLocalityId).executeTakeFirst() : undefined
  const homeCountry = home?.country ?? 'VN'
  const countryOf = new Map<string, string>()
  const ids = (key: 'localityId' | 'organizationId' | 'personId') => e.participants.flatMap((p) => (p[key] ? [p[key]!] : []))
  for (const [table, key] of [['locality', 'localityId'], ['organization', 'organizationId'], ['person', 'personId']] as const) {
    const list = ids(key)
    if (list.length) for (const r of await db.selectFrom(table).select(['id', 'country']).where('id', 'in', list).execute()) countryOf.set(r.id, r.country)
  }
  const foreign = e.participants.filter((p) => countryOf.get(p.localityId ?? p.organizationId ?? p.personId ?? '') !== homeCountry)
  const destinationIds = foreign.flatMap((p) => (p.localityId ? [p.localityId] : []))
  const destinations = destinationIds.length ? await db.selectFrom('locality').select(['id', 'nameVi', 'nameNative']).where('id', 'in', destinationIds).execute() : []
  const meta = { createdAt: e.createdAt, updatedAt: e.updatedAt, updatedBy: e.updatedBy, origin: e.origin }
  const names = await counterpartNames(db, foreign)
  const items = foreign.map((p, i) => {
    const counterpart = { personId: p.personId, organizationId: p.organizationId, localityId: p.localityId }
    const display = names.get(p.localityId ?? p.organizationId ?? p.personId ?? '') ?? p.name
    return {
      ...meta,
      id: `${engagementId}-${i + 1}`,
      tripId: engagementId,
      kind: 'meeting' as const,
      title: `Làm việc với ${display}`,
      start: `${e.startDate}T09:00`,
      end: null,
      place: e.place,
      counterparts: [{ ...counterpart, name: display, exists: true }],
      sectors: [],
      attendees: null,
      purpose: p.role ? `${p.role}. ${e.title}` : e.title,
      talkingPoints: null,
      asks: null,
      offers: null,
      sensitivities: null,
      logistics: null,
    }
  })
  return {
    ...meta,
    id: engagementId,
    title: e.title,
    homeLocalityId: home?.id ?? null,
    homeLocalityName: home?.nameVi ?? null,
    startDate: e.startDate,
    endDate: e.endDate ?? e.startDate,
    objectives: e.summary,
    notes: null,
    destinations,
    members: [],
    items,
  }
}
