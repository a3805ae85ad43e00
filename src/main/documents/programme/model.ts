/**
 * Assembles the programme for the other side from a trip, in English or Japanese: for a
 * delegation received (direction 'in') the welcome programme day by day and our
 * participants; for a delegation sent, its members and the programme it asks of the host.
 * Texts the officer typed in Vietnamese are used as they are unless the item has its words
 * for that language (an item's `translations`); each such text is reported in `warnings`,
 * never in the document.
 */
import type { ProgrammeBlock, ProgrammeLanguage, ProgrammeModel, ProgrammeWarning } from '../../../shared/domain/programme.ts'
import type { ItineraryItem, Trip } from '../../../shared/domain/trips.ts'
import { formatNativeName, formatPersonName } from '../../../shared/text/names.ts'
import { slugify } from '../../../shared/text/fold.ts'
import type { Db } from '../../context.ts'
import { englishPlace } from '../../briefs/words.ts'
import { briefHeader } from '../../settings/settings.ts'
import { getTrip } from '../../trips/queries.ts'
import { translateTitle } from './titles.ts'
import { HOST_ROLE_WORDS, MEMBER_ROLE_WORDS, PROGRAMME_TEXT, dateText, dayText, daysText, timeText } from './words.ts'

interface Person {
  personId: string | null
  name: string
  title: string | null
}

/** Names as the document's reader expects them: Japanese names in kanji, family first, where the register knows them. */
async function namesFor(db: Db, people: Person[], lang: ProgrammeLanguage): Promise<Map<string, string>> {
  const ids = people.flatMap((p) => (p.personId ? [p.personId] : []))
  const names = new Map<string, string>()
  if (!ids.length) return names
  const rows = await db.selectFrom('person').select(['id', 'familyName', 'givenName', 'familyNameNative', 'givenNameNative', 'nameOrder', 'country']).where('id', 'in', ids).execute()
  for (const p of rows) {
    const name = { ...p, givenName: p.givenName ?? '', countryCode: p.country }
    const native = p.country === 'JP' ? formatNativeName(name) : ''
    names.set(p.id, lang === 'ja' && native ? native : formatPersonName(name))
  }
  return names
}

async function places(db: Db, trip: Trip, lang: ProgrammeLanguage) {
  const homeId = trip.homeLocalityId ?? (await briefHeader(db)).homeLocalityId
  const home = homeId ? await db.selectFrom('locality').select(['nameVi']).where('id', '=', homeId).executeTakeFirst() : undefined
  const ids = trip.destinations.map((d) => d.id)
  const rows = ids.length ? await db.selectFrom('locality').select(['id', 'nameVi', 'nameEn', 'nameNative', 'designationVi', 'country', 'level']).where('id', 'in', ids).execute() : []
  const partners = ids.flatMap((id) => rows.filter((r) => r.id === id)).map((r) => (lang === 'ja' && r.nameNative ? r.nameNative : englishPlace(r)))
  return { home: home?.nameVi ?? null, partners: partners.join(lang === 'ja' ? '・' : ', ') || (lang === 'ja' ? '相手側' : 'the host') }
}

/** Each day's items as one table; the item's own words in the language where it has them. */
function days(items: ItineraryItem[], lang: ProgrammeLanguage, header: readonly string[], last: (i: ItineraryItem) => string, warn: (w: ProgrammeWarning) => void): ProgrammeBlock[] {
  const blocks: ProgrammeBlock[] = []
  let day = ''
  let rows: string[][] = []
  const flush = () => {
    if (rows.length) blocks.push({ type: 'table', header: [...header], rows, widths: [1, 3, 2, 2.5] })
    rows = []
  }
  for (const i of items) {
    if (i.start.slice(0, 10) !== day) {
      flush()
      day = i.start.slice(0, 10)
      blocks.push({ type: 'day', text: dayText(day, lang) })
    }
    const words = i.translations[lang]
    if (!words?.title) warn({ code: 'item_untranslated', subject: i.title })
    rows.push([timeText(i.start, i.end), words?.title ?? i.title, words?.place ?? i.place ?? '', last(i)])
  }
  flush()
  return blocks
}

export async function assembleProgramme(db: Db, tripOrId: string | Trip, lang: ProgrammeLanguage, now: Date, today: string): Promise<ProgrammeModel> {
  const trip = typeof tripOrId === 'string' ? await getTrip(db, tripOrId) : tripOrId
  const T = PROGRAMME_TEXT[lang]
  const warnings: ProgrammeWarning[] = []
  const warn = (w: ProgrammeWarning) => {
    if (!warnings.some((x) => x.code === w.code && x.subject === w.subject)) warnings.push(w)
  }
  const { home, partners } = await places(db, trip, lang)
  const homeName = home ?? '…'
  const title = (t: string | null, short = false) => {
    const words = translateTitle(t, lang, home, { short })
    for (const u of words.unknown) warn({ code: 'title_untranslated', subject: u })
    return words.text
  }
  const people = async (list: Person[], role: (i: number) => string) => {
    const names = await namesFor(db, list, lang)
    return list.map((p, i) => [String(i + 1), (p.personId && names.get(p.personId)) || p.name || '—', title(p.title), role(i)])
  }
  const attendees = (i: ItineraryItem) => {
    const typed = i.translations[lang]?.attendees
    if (typed) return typed
    if (!i.attendees) return ''
    // "Phó Chủ tịch UBND tỉnh; Giám đốc Sở Ngoại vụ": each of our titles in the document's words, one a line.
    return i.attendees
      .split(/\s*;\s*|\n+/)
      .filter(Boolean)
      .map((a) => title(a, true))
      .join('\n')
  }
  const asks = (i: ItineraryItem) => {
    const typed = i.translations[lang]?.asks
    if (typed) return typed
    if (i.asks) warn({ code: 'item_untranslated', subject: i.title })
    return i.asks ?? ''
  }

  const incoming = trip.direction === 'in'
  if (!trip.items.length) warn({ code: 'no_items', subject: trip.title })
  if (incoming && !trip.hosts.length) warn({ code: 'no_hosts', subject: trip.title })
  if (!incoming && !trip.members.length) warn({ code: 'no_members', subject: trip.title })

  const sections: ProgrammeModel['sections'] = incoming
    ? [
        { title: `I. ${T.programme}`, blocks: [{ type: 'paragraph', text: T.introIn(partners, homeName) }, ...days(trip.items, lang, T.programmeHeader, attendees, warn)] },
        {
          title: `II. ${T.participants}`,
          blocks: [{ type: 'table', header: [...T.peopleHeader], rows: await people(trip.hosts, (i) => HOST_ROLE_WORDS[trip.hosts[i]!.role][lang]), widths: [0.5, 3, 3, 1.5] }],
        },
      ]
    : [
        {
          title: `I. ${T.members}`,
          blocks: [
            { type: 'paragraph', text: T.introOut(homeName, partners) },
            { type: 'table', header: [...T.peopleHeader], rows: await people(trip.members, (i) => MEMBER_ROLE_WORDS[trip.members[i]!.role][lang]), widths: [0.5, 3, 3, 1.5] },
          ],
        },
        { title: `II. ${T.requested}`, blocks: days(trip.items.filter((i) => i.kind !== 'travel'), lang, T.requestHeader, asks, warn) },
      ]

  const from = incoming ? partners : homeName
  const to = incoming ? homeName : partners
  const slug = (s: string) => slugify(s).split('-').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('-')
  return {
    tripId: trip.id,
    language: lang,
    direction: trip.direction,
    generatedAt: now.toISOString(),
    // "Programme-Yamanashi-Thanh-Hoa-2027-ja": ASCII, safe on every file system.
    fileBaseName: ['Programme', slug(trip.destinations.map((d) => d.nameVi).join(' ')), slug(home ?? ''), trip.startDate.slice(0, 4), lang].filter(Boolean).join('-'),
    agency: T.agency(homeName),
    title: incoming ? T.titleIn(from, to) : T.titleOut(from, to),
    dates: daysText(trip.startDate, trip.endDate, lang),
    sections,
    placeDate: T.placeDate(homeName, dateText(today, lang)),
    warnings,
  }
}
