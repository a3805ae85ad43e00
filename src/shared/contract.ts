/**
 * The one contract between the renderer and the core. Every method is `feature.verb` with
 * a zod schema for its input and its output. The core validates every input against it
 * (whichever transport the call came by); the renderer builds its typed client from its
 * keys (src/shared/client.ts).
 */
import { z } from 'zod'
import { id, idInput, isoDate, okOutput, requiredText, saveWarning } from './domain/common.ts'
import { importKinds, textEncodings } from './domain/exchange.ts'
import {
  fact,
  factInput,
  locality,
  localityInput,
  localityListInput,
  localityRef,
  localityRow,
  organization,
  organizationInput,
  organizationRow,
  person,
  personInput,
  personRow,
} from './domain/partners.ts'
import { agreement, agreementInput, agreementList, agreementListInput, agreementRow, commitmentInput } from './domain/agreements.ts'
import { engagement, engagementInput, engagementRow } from './domain/engagements.ts'
import { commitmentStatuses, searchKinds } from './domain/labels.ts'
import { itemInput, snippet, snippetInput, trip, tripInput, tripMention, tripRow } from './domain/trips.ts'
import { briefModel, briefSettings } from './domain/briefs.ts'
import { itemFollowUp, recordResult, reportModel, reportRule, reportSave } from './domain/report.ts'
import { gift, giftInput, giftListInput } from './domain/gifts.ts'
import { programmeLanguages, programmeModel } from './domain/programme.ts'
import { attentionSummary } from './domain/attention.ts'
import { calendarInput, calendarMonth } from './domain/calendar.ts'
import { commitmentFilter, commitmentRegisterRow } from './domain/commitments.ts'
import { apiErrorShape, messageParams } from './messages/schema.ts'
import { appSettings, firstStartInput, settingsPatch } from './domain/settings.ts'
import { approvalModel, approvalOffice, approvalOfficePatch, approvalSettings, approvalSettingsView, legalBasisInput, travelRateInput } from './domain/approval.ts'
import { connectionReport, officeServerInput, officeServerView, sessionInfo } from './domain/office.ts'

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })
const noInput = z.object({}).optional()
/**
 * An update: the record's id, its fields, and the version the officer's form loaded
 * (`expectedUpdatedAt`, the record's `updatedAt` then); a stale version is refused with
 * code `conflict`. Without it, the update overwrites (scripts, the CLI).
 */
const withId = <T extends z.ZodObject>(schema: T) => z.intersection(idInput.extend({ expectedUpdatedAt: z.string().min(1).max(40).optional() }), schema)
const created = z.object({ id: z.string() })
/** A save that went through, with what may not be what the officer meant. */
const checkedCreate = created.extend({ warnings: z.array(saveWarning) })
const checkedUpdate = okOutput.extend({ warnings: z.array(saveWarning) })
export const packAnalysis = z.object({
  token: z.string(),
  fileName: z.string(),
  exportedBy: z.string(),
  createdAt: z.string(),
  created: z.number(),
  updated: z.number(),
  /** Records deleted here because they were deleted there and not edited here since. */
  deleted: z.number(),
  unchanged: z.number(),
  keptMine: z.number(),
  matchedByName: z.number(),
  conflicts: z.array(
    z.object({
      key: z.string(),
      table: z.string(),
      name: z.string(),
      /** Which side deleted the record ("theirs": "Bản bên kia đã xóa"), or null when both edited it. */
      deletedBy: z.enum(['mine', 'theirs']).nullable(),
      /** The fields that differ: [field, mine, theirs]. */
      fields: z.array(z.tuple([z.string(), z.string(), z.string()])),
    }),
  ),
})
export type PackAnalysisView = z.infer<typeof packAnalysis>
const importOptions = z.object({
  token: z.string().max(64),
  kind: z.enum(importKinds),
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string().max(64), z.number().int().nonnegative().nullable()).optional(),
  encoding: z.enum(textEncodings).nullable().optional(),
})
export const importPreview = z.object({
  token: z.string(),
  fileName: z.string(),
  kind: z.enum(importKinds),
  sheet: z.string(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  fields: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.number().nullable()),
  encoding: z.enum(textEncodings).nullable(),
  encodingSuspected: z.enum(textEncodings).nullable(),
  /** The first cells as read and as converted, so the officer sees what a conversion does. */
  encodingSample: z.array(z.object({ before: z.string(), after: z.string() })),
  rows: z.array(
    z.object({
      row: z.number(),
      values: z.record(z.string(), z.string()),
      /** Each problem without words: `code` and `params` (src/shared/messages/issues.ts), the record's `field` when its own checks refused it. */
      problems: z.array(z.object({ column: z.string().nullable(), level: z.enum(['error', 'warning', 'info']), code: z.string(), field: z.string().optional(), params: messageParams.optional() })),
      match: z.object({ id: z.string(), name: z.string(), unchanged: z.boolean() }).nullable(),
      action: z.enum(['create', 'update', 'skip']),
    }),
  ),
})
export type ImportPreview = z.infer<typeof importPreview>
const attachmentView = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), bytes: z.number(), sha256: z.string(), createdAt: z.string(), updatedBy: z.string() })
const backupInfo = z.object({ fileName: z.string(), reason: z.string(), at: z.string(), bytes: z.number() })
const tripIdInput = z.object({ tripId: id() })
const exportResult = z.object({ path: z.string(), fileName: z.string(), sha256: z.string(), bytes: z.number() })

export const sector = z.object({ code: z.string(), vi: z.string(), en: z.string(), ja: z.string() })
export type Sector = z.infer<typeof sector>

export const searchHit = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** A programme item's trip, where the item opens. */
  tripId: z.string().optional(),
})
export type SearchHit = z.infer<typeof searchHit>

export const localityDetail = z.object({
  locality,
  displayName: z.string(),
  successors: z.array(localityRef),
  predecessors: z.array(localityRef),
  organizations: z.array(organizationRow),
  people: z.array(personRow),
  agreements: z.array(agreementRow),
  engagements: z.array(engagementRow),
  /** Trips it is a destination, a counterpart or a member of: on its timeline beside the engagements. */
  trips: z.array(tripMention),
  facts: z.array(fact),
})
export type LocalityDetail = z.infer<typeof localityDetail>

export const organizationDetail = z.object({
  organization,
  localityName: z.string().nullable(),
  people: z.array(personRow),
  agreements: z.array(agreementRow),
  engagements: z.array(engagementRow),
  /** Trips it is a destination, a counterpart or a member of: on its timeline beside the engagements. */
  trips: z.array(tripMention),
})
export type OrganizationDetail = z.infer<typeof organizationDetail>

export const personDetail = z.object({
  person,
  displayName: z.string(),
  nativeName: z.string(),
  organizationName: z.string().nullable(),
  localityName: z.string().nullable(),
  agreements: z.array(agreementRow),
  engagements: z.array(engagementRow),
  /** Trips it is a destination, a counterpart or a member of: on its timeline beside the engagements. */
  trips: z.array(tripMention),
})
export type PersonDetail = z.infer<typeof personDetail>

export const appInfo = z.object({
  version: z.string(),
  schemaVersion: z.number(),
  dataPath: z.string(),
  userName: z.string(),
  counts: z.object({
    localities: z.number(),
    organizations: z.number(),
    people: z.number(),
    agreements: z.number(),
    engagements: z.number(),
  }),
  demoLoaded: z.boolean(),
})
export type AppInfo = z.infer<typeof appInfo>

export const healthResult = z.object({
  at: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  ms: z.number(),
  trigger: z.enum(['start', 'background', 'manual']),
})
export type HealthResult = z.infer<typeof healthResult>

/** What the window shows first: the register, or the recovery screen when the database is damaged. */
export const appStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), health: healthResult.nullable() }),
  /** `problem`: why the file could not be opened, worded by the window. */
  z.object({ state: z.literal('damaged'), dataPath: z.string(), problem: apiErrorShape, backups: z.array(backupInfo) }),
  /** The saved choice is the office's server and it did not answer at start: try again, or go back to the file. */
  z.object({ state: z.literal('unreachable'), where: z.string(), problem: apiErrorShape, fileName: z.string() }),
])
export type AppStatus = z.infer<typeof appStatus>

/** The pages a change-log row can open (a brief's is its trip's brief page). */
export const auditRecordKinds = ['agreement', 'locality', 'organization', 'person', 'engagement', 'trip', 'brief', 'snippet'] as const
export type AuditRecordKind = (typeof auditRecordKinds)[number]

export const auditEntry = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  at: z.string(),
  actor: z.string(),
  /** "pack:<event id>" for a record a data pack wrote; null for an edit. */
  source: z.string().nullable(),
  /** For an event (a pack imported, a restore): the file it came from. */
  detail: z.string().nullable(),
  /** The changed record's name as the row recorded it (a deleted record keeps its name). */
  name: z.string().nullable(),
  /** The record to open for this row (a commitment's agreement, an item's trip); null when it is gone. */
  record: z.object({ kind: z.enum(auditRecordKinds), id: z.string() }).nullable(),
  /** For a sample-data event ("demo"): how many records it wrote, folded into this one row. */
  count: z.number().nullable(),
})
export type AuditEntry = z.infer<typeof auditEntry>

export const contract = {
  'app.info': method(noInput, appInfo),
  /** Resolves when the register's change counter differs from `since` (at once for -1), or after a while with it unchanged. */
  'changes.wait': method(z.object({ since: z.number().int().min(-1) }), z.object({ seq: z.number().int().min(0) })),
  /** Asked first by the window: the register is ready, or the database is damaged and recovery is offered. */
  'app.status': method(noInput, appStatus),
  /** Checks the database file now (quick_check, off the window's thread). */
  'health.check': method(noInput, healthResult),
  /** Recovery from a damaged database: the damaged file is moved aside, the chosen backup takes its place. */
  'recovery.restore': method(z.object({ fileName: z.string().max(200) }), z.object({ movedTo: z.string() })),
  /** Recovery without a backup: the damaged file is moved aside and an empty register starts. */
  'recovery.startEmpty': method(noInput, z.object({ movedTo: z.string() })),
  /** The home page: what needs the officer's attention today, group by group. */
  'attention.summary': method(noInput, attentionSummary),
  'settings.setUserName': method(z.object({ userName: requiredText().pipe(z.string().max(100)) }), okOutput),
  /** The installation's settings: officer's name, home province, the brief cover's agency names (src/main/settings). */
  'settings.get': method(noInput, appSettings),
  'settings.update': method(settingsPatch, appSettings),
  /** The first start's welcome step: the officer's name and the home province, asked once. */
  'settings.completeFirstStart': method(firstStartInput, appSettings),
  'reference.sectors': method(noInput, z.array(sector)),
  'demo.load': method(noInput, z.object({ created: z.number(), skipped: z.number() })),
  /** Takes the sample data back out; sample records the officer's own records use are kept. */
  'demo.remove': method(noInput, z.object({ removed: z.number(), kept: z.number() })),

  'localities.list': method(localityListInput.optional(), z.array(localityRow)),
  'localities.get': method(idInput, localityDetail),
  'localities.create': method(localityInput, created),
  'localities.update': method(withId(localityInput), okOutput),
  'localities.delete': method(idInput, okOutput),

  'organizations.list': method(noInput, z.array(organizationRow)),
  'organizations.get': method(idInput, organizationDetail),
  'organizations.create': method(organizationInput, created),
  'organizations.update': method(withId(organizationInput), okOutput),
  'organizations.delete': method(idInput, okOutput),

  'people.list': method(noInput, z.array(personRow)),
  'people.get': method(idInput, personDetail),
  'people.create': method(personInput, created),
  'people.update': method(withId(personInput), okOutput),
  'people.delete': method(idInput, okOutput),

  'facts.create': method(factInput, created),
  'facts.delete': method(idInput, okOutput),

  /** The register, filtered and sorted, a page at a time. */
  'agreements.list': method(agreementListInput.optional(), agreementList),
  'agreements.get': method(idInput, agreement),
  'agreements.create': method(agreementInput, checkedCreate),
  'agreements.update': method(withId(agreementInput), checkedUpdate),
  'agreements.delete': method(idInput, okOutput),

  'commitments.create': method(commitmentInput, checkedCreate),
  'commitments.update': method(withId(commitmentInput), checkedUpdate),
  'commitments.delete': method(idInput, okOutput),
  /** Every commitment across agreements, with its state today, filtered. */
  'commitments.list': method(commitmentFilter.optional(), z.object({ rows: z.array(commitmentRegisterRow), owners: z.array(z.string()) })),
  /** A status changed in the register. */
  'commitments.setStatus': method(z.object({ id: idInput.shape.id, status: z.enum(commitmentStatuses) }), okOutput),

  'engagements.list': method(noInput, z.array(engagementRow)),
  'engagements.get': method(idInput, engagement),
  'engagements.create': method(engagementInput, created),
  'engagements.update': method(withId(engagementInput), okOutput),
  'engagements.delete': method(idInput, okOutput),

  'search.query': method(
    /** `limit`: hits in the whole answer (20 when not given), shared out between the kinds found. */
    z.object({ q: z.string().max(200, { error: 'query_too_long' }), limit: z.number().int().min(1).max(50).optional() }),
    z.array(searchHit),
  ),
  /** Records still waiting for their search documents after a bulk write (the index catches up in the background). */
  'search.status': method(noInput, z.object({ pending: z.number() })),
  'trips.list': method(noInput, z.array(tripRow)),
  /** Trips and engagements of a month, in the whole weeks that hold it. */
  'calendar.month': method(calendarInput, calendarMonth),
  'trips.get': method(idInput, trip),
  'trips.create': method(tripInput, created),
  'trips.update': method(withId(tripInput), okOutput),
  'trips.delete': method(idInput, okOutput),
  'trips.duplicate': method(idInput, created),

  'itinerary.create': method(itemInput, created),
  'itinerary.update': method(withId(itemInput), okOutput),
  'itinerary.delete': method(idInput, okOutput),

  'snippets.list': method(noInput, z.array(snippet)),
  'snippets.create': method(snippetInput, created),
  'snippets.update': method(withId(snippetInput), okOutput),
  'snippets.delete': method(idInput, okOutput),
  'snippets.suggest': method(
    z.object({
      counterparts: z.array(z.object({ personId: z.string().nullish(), organizationId: z.string().nullish(), localityId: z.string().nullish() })).max(100),
      sectors: z.array(z.string().max(64)).max(30),
    }),
    z.array(snippet),
  ),

  'briefs.get': method(tripIdInput, z.object({ settings: briefSettings, model: briefModel })),
  'briefs.save': method(z.object({ tripId: id(), settings: briefSettings }), okOutput),
  /** Asks where to save (a save dialog in the app), writes the .docx atomically, records the export. */
  'briefs.export': method(tripIdInput, exportResult.nullable()),
  /** One short brief per meeting of the trip, each its own file, in a folder the officer chooses. */
  'briefs.exportMeetings': method(tripIdInput, z.object({ folder: z.string(), files: z.array(z.string()) }).nullable()),
  /** One short brief per foreign participant of an engagement (a forum's partner pairs), in a chosen folder. */
  'briefs.exportEngagement': method(
    z.object({ engagementId: id(), homeLocalityId: id().nullable() }),
    z.object({ folder: z.string(), files: z.array(z.string()) }).nullable(),
  ),
  /** Asks for the officer's own cover (.docx with placeholders), keeps it, and uses it from then on. */
  'briefs.setLetterhead': method(tripIdInput, z.object({ fileName: z.string(), placeholders: z.array(z.string()) }).nullable()),
  'briefs.exports': method(tripIdInput, z.array(z.object({ id: z.string(), at: z.string(), actor: z.string(), document: z.string(), fileName: z.string(), sha256: z.string(), language: z.string() }))),
  'briefs.showInFolder': method(z.object({ path: z.string().max(4096) }), okOutput),

  // ---- issue 14: the programme for the other side (English or Japanese) ----
  'programme.get': method(z.object({ tripId: id(), language: z.enum(programmeLanguages) }), programmeModel),
  /** Asks where to save, writes the .docx atomically, records the export ('programme'). */
  'programme.export': method(z.object({ tripId: id(), language: z.enum(programmeLanguages) }), exportResult.nullable()),

  /** The agreements register and its commitments as .xlsx (asks where to save). */
  'reports.agreements': method(noInput, exportResult.nullable()),
  /** The commitments register, as filtered, as the register's "Cam kết" sheet (asks where to save). */
  'reports.commitments': method(commitmentFilter.optional(), exportResult.nullable()),
  /** Law on International Agreements 2020: agreements signed in a period with their reporting dates. */
  'reports.law': method(
    z.object({ from: isoDate(), to: isoDate() }).refine((r) => r.from <= r.to, { error: 'period_reversed', path: ['to'] }),
    exportResult.nullable(),
  ),
  /** Asks for a spreadsheet and previews it for the import wizard. */
  'import.open': method(z.object({ kind: z.enum(importKinds) }), importPreview.nullable()),
  'import.preview': method(importOptions, importPreview),
  /** Writes the chosen rows, all in one transaction. */
  'import.commit': method(
    importOptions.extend({ actions: z.record(z.string().regex(/^\d+$/), z.enum(['create', 'update', 'skip'])).default({}) }),
    z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number(), indexing: z.number() }),
  ),
  /** A data pack of everything, one partner (locality or organization) or one trip; asks where to save. */
  'packs.export': method(
    z.object({ partnerId: z.uuid().optional(), tripId: z.uuid().optional() }).optional(),
    exportResult.nullable(),
  ),
  /** Asks for a pack and says what importing it would do, conflicts included; writes nothing. */
  'packs.open': method(noInput, packAnalysis.nullable()),
  /** Imports the opened pack in one transaction; each conflict as chosen ("theirs" takes the pack's version). */
  'packs.apply': method(
    z.object({ token: z.string().max(64), choices: z.record(z.string().max(120), z.enum(['mine', 'theirs'])).default({}) }),
    packAnalysis.extend({ resolvedTheirs: z.number(), indexing: z.number() }),
  ),
  /** Asks for a PDF or picture and attaches it to an agreement or a person. */
  'attachments.add': method(z.object({ entity: z.enum(['agreement', 'person']), entityId: z.uuid() }), created.nullable()),
  'attachments.list': method(z.object({ entityId: z.uuid() }), z.array(attachmentView)),
  /** Opens the file with the system's viewer. */
  'attachments.open': method(idInput, okOutput),
  'attachments.delete': method(idInput, okOutput),
  'backups.list': method(noInput, z.array(backupInfo)),
  'backups.create': method(noInput, backupInfo),
  /** Restores a backup of the backups folder; the current data is backed up first. Returns that safety copy. */
  'backups.restore': method(z.object({ fileName: z.string().max(200) }), backupInfo),

  /** The change log: newest first; `entityId` one record's history; `event` the rows a sample load or removal wrote (folded into its line otherwise). */
  'audit.list': method(z.object({ entityId: z.string().max(64).optional(), event: z.string().max(64).optional() }).optional(), z.array(auditEntry)),

  // ---- issue 14: a trip's outcomes, the post-trip report, gifts and protocol history
  /** The report's model as the builder previews it, and the proposals the officer wrote. */
  'tripReport.get': method(tripIdInput, z.object({ model: reportModel, proposals: z.string().nullable() })),
  'tripReport.save': method(reportSave, okOutput),
  /** Asks where to save, writes the .docx whole, records the export as the trip's 'report'. */
  'tripReport.export': method(tripIdInput, exportResult.nullable()),
  /** The province's rule: the report is due this many days after return (15 by default). */
  'tripReport.rule': method(noInput, reportRule),
  'tripReport.setRule': method(reportRule, reportRule),
  /** "Ghi nhận vào sổ": after the trip, its meetings become engagements of the register, once. */
  'trips.recordInRegister': method(tripIdInput, recordResult),
  /** The commitments and agreements that arose from a programme item, and its engagement. */
  'itinerary.followUp': method(idInput, itemFollowUp),
  'gifts.list': method(giftListInput, z.array(gift)),
  'gifts.create': method(giftInput, created),
  'gifts.update': method(withId(giftInput), okOutput),
  'gifts.delete': method(idInput, okOutput),
  // ---- the approval request of a delegation (issue 14, item 1: src/main/documents/approval)
  /** The builder: the trip's choices (as saved, or `settings` to preview unsaved ones) and the document they make. */
  'approval.get': method(z.object({ tripId: id(), settings: approvalSettings.optional() }), z.object({ settings: approvalSettings, model: approvalModel })),
  'approval.save': method(z.object({ tripId: id(), settings: approvalSettings }), okOutput),
  /** Asks where to save, writes the .docx whole, records it among the trip's exports ('approval'). */
  'approval.export': method(tripIdInput, exportResult.nullable()),
  /** Settings: the office's symbol, signer and exchange rates, the rate table, the legal bases. */
  'approval.settings': method(noInput, approvalSettingsView),
  'approval.updateOffice': method(approvalOfficePatch, approvalOffice),
  'approval.createRate': method(travelRateInput, created),
  'approval.updateRate': method(withId(travelRateInput), okOutput),
  'approval.deleteRate': method(idInput, okOutput),
  /** Asks for an .xlsx and replaces the rate table with it; a file with any bad row changes nothing. */
  'approval.importRates': method(noInput, z.object({ imported: z.number() }).nullable()),
  'approval.createLegalBasis': method(legalBasisInput, created),
  'approval.updateLegalBasis': method(withId(legalBasisInput), okOutput),
  'approval.deleteLegalBasis': method(idInput, okOutput),
  'approval.moveLegalBasis': method(z.object({ id: id(), by: z.union([z.literal(-1), z.literal(1)]) }), okOutput),

  /**
   * Who else has this trip's brief open (issue 13). The brief page says it is there every
   * ~15 s under its own random `session` (or that it `leave`s); the answer is the other
   * sessions seen in the last 45 s: the officer's login, and whether it is this officer's
   * own other window.
   */
  'briefs.presence': method(
    z.object({ tripId: id(), session: z.string().regex(/^[A-Za-z0-9-]{8,64}$/), leave: z.boolean().optional() }),
    z.array(z.object({ login: z.string(), seenAt: z.string(), sameOfficer: z.boolean() })),
  ),

  // ---- the office's server (Settings > "Máy chủ của cơ quan"; answered by the session, src/main/office)
  /** Who the window works as, on which register, and whether it may write. */
  'session.get': method(noInput, sessionInfo),
  'office.get': method(noInput, officeServerView),
  /** Connects once with these settings and says what the server is (schema version, role); changes nothing. */
  'office.test': method(officeServerInput, connectionReport),
  /** Tests, then closes the register shown and opens the server's; the settings are saved once it is open. */
  'office.connect': method(officeServerInput, connectionReport),
  /** Closes the server's register and opens the file on this computer again. */
  'office.useFile': method(noInput, okOutput),
  /** The saved server again, after it could not be reached at start. */
  'office.reconnect': method(noInput, okOutput),
  /** Asks for the certificate authority's file (PEM) through the platform's dialog. */
  'office.chooseCa': method(noInput, z.object({ path: z.string() }).nullable()),
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>

export const methods = Object.keys(contract) as Method[]

