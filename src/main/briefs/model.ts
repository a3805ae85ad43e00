/**
 * Assembles the BriefModel for a trip: pure data, read in one transaction, from which the
 * preview and the Word file are both made. Everything is seen as of the brief's date (its
 * issue date, else today: src/shared/time), named in the brief's language (words.ts), and
 * what the officer must fix goes to the warnings, never into the document (attention.ts).
 * Overrides typed by the officer replace the generated text of a block; the register itself
 * is never changed by a brief.
 */
import { COUNTRIES, labelOf } from '../../shared/domain/labels.ts'
import { SECTIONS, normalizedSections, type Block, type BriefModel, type BriefSection, type BriefSettings, type SectionId } from '../../shared/domain/briefs.ts'
import type { Trip } from '../../shared/domain/trips.ts'
import { slugify } from '../../shared/text/fold.ts'
import type { Db } from '../context.ts'
import { getTrip } from '../trips/queries.ts'
import { officerWarnings } from './attention.ts'
import { homeName, loadBriefData, type BriefData } from './data.ts'
import { makeFor, nonEmpty, paragraphs, type Make } from './sections/blocks.ts'
import { delegation, programme, summary } from './sections/overview.ts'
import { destinations, meetings } from './sections/partners.ts'
import { agreements, annexes, protocol } from './sections/register.ts'
import { BRIEF_TEXT, placeDate, roman } from './text.ts'
import { dateText } from './words.ts'
import { INCOMING_TEXT, visitorsName } from './incoming.ts'
import { briefHeader, VI_DEFAULT_AGENCY, vietnameseParentAgency } from '../settings/settings.ts'

export { engagementTrip } from './forum.ts'

/**
 * The default settings of a trip's brief: the agency block as Settings gives it, else
 * derived from the trip's home province (else the office's); the place from that province.
 */
export async function defaultSettings(db: Db, tripId: string): Promise<BriefSettings> {
  const t = await db.selectFrom('trip').select('homeLocalityId').where('id', '=', tripId).executeTakeFirst()
  return defaultSettingsFor(db, t?.homeLocalityId ?? null)
}

export async function defaultSettingsFor(db: Db, homeLocalityId: string | null): Promise<BriefSettings> {
  const office = await briefHeader(db)
  const homeId = homeLocalityId ?? office.homeLocalityId
  const t = homeId ? await db.selectFrom('locality').select(['nameVi', 'designationVi']).where('id', '=', homeId).executeTakeFirst() : undefined
  return {
    language: 'vi',
    parentAgency: office.parentAgency ?? vietnameseParentAgency(t),
    agency: office.agency ?? VI_DEFAULT_AGENCY,
    place: t?.nameVi ?? '',
    issueDate: null,
    circulation: BRIEF_TEXT.vi.circulation,
    letterhead: null,
    sections: normalizedSections({ sections: [] }),
    overrides: {},
  }
}

/**
 * The cover's agency block and circulation mark: as the officer set them, except that an
 * English brief replaces the Vietnamese defaults with their English form.
 */
function coverWording(d: BriefData, settings: BriefSettings) {
  const T = BRIEF_TEXT[d.lang]
  if (d.lang === 'vi') return { parentAgency: settings.parentAgency, agency: settings.agency, circulation: settings.circulation }
  const isDefaultParent = !!d.home && settings.parentAgency === vietnameseParentAgency(d.home)
  return {
    parentAgency: isDefaultParent ? `PEOPLE'S COMMITTEE OF ${homeName(d)}`.toLocaleUpperCase('en') : settings.parentAgency,
    agency: settings.agency === VI_DEFAULT_AGENCY ? 'DEPARTMENT OF FOREIGN AFFAIRS' : settings.agency,
    circulation: settings.circulation === BRIEF_TEXT.vi.circulation ? T.circulation : settings.circulation,
  }
}

function sectionBlocks(m: Make, id: Exclude<SectionId, 'cover' | 'toc'>, order: ReturnType<typeof normalizedSections>): Block[] {
  switch (id) {
    case 'summary':
      return summary(m)
    case 'delegation':
      // The objectives are stated once: in the summary when it is there.
      return delegation(m, order.some((s) => s.id === 'summary' && s.include))
    case 'programme':
      return programme(m)
    case 'destinations':
      return destinations(m)
    case 'meetings':
      return meetings(m)
    case 'agreements':
      return agreements(m)
    case 'protocol':
      return protocol(m)
    case 'annexes':
      return annexes(m)
  }
}

/** `trip`: a saved trip's id, or a trip made up in memory (the meetings of a forum, see engagementTrip). */
export async function assembleBrief(db: Db, tripOrId: string | Trip, settings: BriefSettings, now: Date, today: string): Promise<BriefModel> {
  const lang = settings.language
  const T = BRIEF_TEXT[lang]
  const trip: Trip = typeof tripOrId === 'string' ? await getTrip(db, tripOrId) : tripOrId
  const issue = settings.issueDate ?? today
  const d = await loadBriefData(db, trip, lang, issue)
  const m = makeFor(d, settings.overrides)

  const order = normalizedSections(settings)
  const sections: BriefSection[] = []
  let numeral = 0
  for (const s of order) {
    if (!s.include || s.id === 'cover' || s.id === 'toc') continue
    numeral++
    const title = `${roman(numeral)}. ${SECTIONS[s.id][lang].toLocaleUpperCase(lang)}`
    let blocks = nonEmpty(sectionBlocks(m, s.id, order))
    if (blocks.length === 0) blocks = [paragraphs(m, `${s.id}.empty`, null, T.none)]
    sections.push({ id: s.id, title, blocks })
  }

  const countryName = d.countries.map((code) => labelOf(COUNTRIES, code, lang)).join(', ') || '…'
  const destNames = d.destinations.map((x) => (lang === 'en' ? (x.nameEn ?? x.nameVi) : x.nameVi)).join('-')
  return {
    language: lang,
    generatedAt: now.toISOString(),
    tripId: trip.id,
    // "Tai-lieu-doan-cong-tac-Thanh-Hoa-Yamanashi-2026": ASCII, safe on every file system.
    fileBaseName: [
      trip.direction === 'in' ? INCOMING_TEXT[lang].fileBase : lang === 'vi' ? 'Tai-lieu-doan-cong-tac' : 'Briefing-pack',
      ...[d.home?.nameVi ?? '', destNames].map((n) => slugify(n).split('-').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('-')),
      trip.startDate.slice(0, 4),
    ]
      .filter(Boolean)
      .join('-'),
    cover: {
      ...coverWording(d, settings),
      nationalName: T.nationalName,
      motto: T.motto,
      // A delegation received: "Tài liệu phục vụ tiếp đoàn tỉnh Yamanashi (Nhật Bản) thăm và làm việc tại tỉnh Thanh Hóa".
      title: trip.direction === 'in' ? INCOMING_TEXT[lang].title(visitorsName(d, lang), homeName(d)) : T.title(homeName(d), countryName),
      subtitle: trip.title,
      dates: T.dates(dateText(trip.startDate, lang), dateText(trip.endDate, lang)),
      placeDate: placeDate(lang === 'en' && d.home ? (d.home.nameEn ?? settings.place) : settings.place, issue, lang),
    },
    sections,
    includeCover: order.some((s) => s.id === 'cover' && s.include),
    includeToc: order.some((s) => s.id === 'toc' && s.include),
    warnings: officerWarnings(d),
  }
}
