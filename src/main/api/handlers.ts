/** Every contract method bound to its feature function. The type makes a missing one a compile error. */
import * as agreements from '../agreements/queries.ts'
import type { Ctx } from '../context.ts'
import { loadDemo } from '../demo/load.ts'
import { removeDemo } from '../demo/remove.ts'
import { listAudit } from '../audit/list.ts'
import { completeFirstStart, readSettings, updateSettings } from '../settings/settings.ts'
import * as engagements from '../engagements/queries.ts'
import * as partners from '../partners/queries.ts'
import * as trips from '../trips/queries.ts'
import { writeFileAtomic } from '../files.ts'
import { assembleBrief } from '../briefs/model.ts'
import { attentionSummary } from '../attention/queries.ts'
import type { Platform } from '../platform.ts'
import { listBackups, type BackupInfo } from '../exchange/backup.ts'
import type { ImportSessions } from '../exchange/import/sessions.ts'
import type { PackScope } from '../exchange/pack/index.ts'
import { PackSessions } from '../exchange/pack/sessions.ts'
import { AppError } from '../errors.ts'
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { listCommitments, setCommitmentStatus } from '../agreements/commitments.ts'
import { listAgreements } from '../agreements/list.ts'
import { calendarMonth } from '../calendar/queries.ts'
import { AgreementOrder } from '../agreements/order.ts'
import { search } from '../search/query.ts'
import { pendingCount, type Indexer } from '../search/queue.ts'
import type { ChangeFeed } from '../changes.ts'
import type { Handlers } from './dispatcher.ts'
import { reportHandlers } from './report-handlers.ts'
import type { HealthResult } from '../db/health.ts'
import { approvalHandlers } from '../documents/approval/api.ts'
import type { SessionInfo } from '../../shared/domain/office.ts'

export interface HandlerEnv {
  version: string
  dataPath: string
  resourcesDir: string
  schemaVersion: number
  /** The register's change counter, which windows wait on to refresh. */
  changes: Pick<ChangeFeed, 'wait'>
  platform: Platform
  /** The folder beside the db: letterhead templates live here. */
  dataDir: string
  /** Bulk writes queue search documents; the indexer writes them after. */
  searchIndex: Pick<Indexer, 'kick'>
  health: {
    check(): Promise<HealthResult>
    last(): HealthResult | null
  }
  /** Who the window works as, on which register (office/who.ts). */
  session(): Promise<SessionInfo>
  backups: {
    dir: string
    create(): Promise<BackupInfo>
    restore(path: string): Promise<BackupInfo>
  }
}

const ok = { ok: true } as const
const CHANGE_WAIT_MS = 25_000

/**
 * The features that bring a large library (docx and fflate for briefs, exceljs for reports,
 * SheetJS and exceljs for imports, yauzl/yazl for packs, file-type for attachments) are
 * loaded when first called, not when the core opens: a CLI command or the window's first
 * screen does not pay for all of them (issue 11).
 */
const briefFiles = () => import('../briefs/export.ts')
const programmeFiles = () => import('../documents/programme/export.ts')
const reports = () => import('../exchange/reports.ts')
const importer = () => import('../exchange/import/import.ts')
const packFiles = () => import('../exchange/pack/index.ts')
const attachments = () => import('../exchange/attachments.ts')

async function count(ctx: Ctx, table: 'locality' | 'organization' | 'person' | 'agreement' | 'engagement') {
  const r = await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

export function createHandlers(env: HandlerEnv): Handlers {
  /** Asks where to save, then writes atomically; null when the officer cancels. */
  const saveFile = async (_ctx: Ctx, defaultName: string, bytes: Buffer) => {
    const path = await env.platform.chooseSavePath(defaultName)
    if (!path) return null
    const written = writeFileAtomic(path, bytes)
    return { path, fileName: basename(path), sha256: written.sha256, bytes: written.bytes }
  }
  let importSessions: Promise<ImportSessions> | undefined
  const imports = () => (importSessions ??= import('../exchange/import/sessions.ts').then((m) => new m.ImportSessions()))
  const packs = new PackSessions()
  const agreementOrder = new AgreementOrder()
  return {
    'app.info': async (ctx) => ({
      version: env.version,
      schemaVersion: env.schemaVersion,
      dataPath: env.dataPath,
      userName: ctx.actor,
      counts: {
        localities: await count(ctx, 'locality'),
        organizations: await count(ctx, 'organization'),
        people: await count(ctx, 'person'),
        agreements: await count(ctx, 'agreement'),
        engagements: await count(ctx, 'engagement'),
      },
      demoLoaded: !!(await ctx.db.selectFrom('appMeta').select('value').where('key', '=', 'demo_loaded_at').executeTakeFirst()),
    }),
    'app.status': async () => ({ state: 'ready', health: env.health.last() }),
    'health.check': () => env.health.check(),
    // The recovery screen's calls are answered by the session while the database is damaged (session.ts).
    'recovery.restore': async () => {
      throw new AppError('not_damaged')
    },
    'recovery.startEmpty': async () => {
      throw new AppError('not_damaged_start_empty')
    },
    'attention.summary': (ctx) => ctx.db.transaction().execute((trx) => attentionSummary(trx, ctx.today(), new Date(ctx.now()))),
    'settings.setUserName': async (ctx, { userName }) => (await updateSettings(ctx, { userName }), ok),
    'settings.get': (ctx) => readSettings(ctx.db, ctx.actor),
    'settings.update': (ctx, patch) => updateSettings(ctx, patch),
    'settings.completeFirstStart': (ctx, input) => completeFirstStart(ctx, input),
    'reference.sectors': async (ctx) =>
      (await ctx.db.selectFrom('sector').selectAll().orderBy('sortOrder').execute()).map((s) => ({
        code: s.code,
        vi: s.labelVi,
        en: s.labelEn,
        ja: s.labelJa,
      })),
    'demo.load': (ctx) => loadDemo(ctx, env.resourcesDir),
    'demo.remove': (ctx) => removeDemo(ctx, env.resourcesDir),

    'localities.list': (ctx, input) => partners.listLocalities(ctx.db, input),
    'localities.get': (ctx, { id }) => partners.getLocality(ctx.db, id, ctx.today()),
    'localities.create': (ctx, input) => partners.createLocality(ctx, input),
    'localities.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await partners.updateLocality(ctx, id, input, expectedUpdatedAt), ok),
    'localities.delete': async (ctx, { id }) => (await partners.deleteLocality(ctx, id), ok),

    'organizations.list': (ctx) => partners.listOrganizations(ctx.db),
    'organizations.get': (ctx, { id }) => partners.getOrganization(ctx.db, id, ctx.today()),
    'organizations.create': (ctx, input) => partners.createOrganization(ctx, input),
    'organizations.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await partners.updateOrganization(ctx, id, input, expectedUpdatedAt), ok),
    'organizations.delete': async (ctx, { id }) => (await partners.deleteOrganization(ctx, id), ok),

    'people.list': (ctx) => partners.listPeople(ctx.db),
    'people.get': (ctx, { id }) => partners.getPerson(ctx.db, id, ctx.today()),
    'people.create': (ctx, input) => partners.createPerson(ctx, input),
    'people.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await partners.updatePerson(ctx, id, input, expectedUpdatedAt), ok),
    'people.delete': async (ctx, { id }) => (await partners.deletePerson(ctx, id), ok),

    'facts.create': (ctx, input) => partners.createFact(ctx, input),
    'facts.delete': async (ctx, { id }) => (await partners.deleteFact(ctx, id), ok),

    'agreements.list': (ctx, input) => listAgreements(ctx.db, input, ctx.today(), agreementOrder),
    'agreements.get': (ctx, { id }) => agreements.getAgreement(ctx.db, id, ctx.today()),
    'agreements.create': (ctx, input) => agreements.createAgreement(ctx, input),
    'agreements.update': async (ctx, { id, expectedUpdatedAt, ...input }) => ({ ...ok, warnings: await agreements.updateAgreement(ctx, id, input, expectedUpdatedAt) }),
    'agreements.delete': async (ctx, { id }) => (await agreements.deleteAgreement(ctx, id), ok),

    'commitments.create': (ctx, input) => agreements.createCommitment(ctx, input),
    'commitments.update': async (ctx, { id, expectedUpdatedAt, ...input }) => ({ ...ok, warnings: await agreements.updateCommitment(ctx, id, input, expectedUpdatedAt) }),
    'commitments.list': (ctx, input) => listCommitments(ctx.db, input ?? {}, ctx.today()),
    'commitments.setStatus': async (ctx, { id, status }) => (await setCommitmentStatus(ctx, id, status), ok),
    'commitments.delete': async (ctx, { id }) => (await agreements.deleteCommitment(ctx, id), ok),

    'engagements.list': (ctx) => engagements.listEngagements(ctx.db),
    'engagements.get': (ctx, { id }) => engagements.getEngagement(ctx.db, id),
    'engagements.create': (ctx, input) => engagements.createEngagement(ctx, input),
    'engagements.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await engagements.updateEngagement(ctx, id, input, expectedUpdatedAt), ok),
    'engagements.delete': async (ctx, { id }) => (await engagements.deleteEngagement(ctx, id), ok),

    'search.query': (ctx, { q, limit }) => search(ctx.db, q, limit),
    'search.status': async (ctx) => ({ pending: await pendingCount(ctx.db) }),

    'trips.list': (ctx) => trips.listTrips(ctx.db),
    'calendar.month': (ctx, input) => calendarMonth(ctx.db, input?.month, ctx.today()),
    'trips.get': (ctx, { id }) => trips.getTrip(ctx.db, id),
    'trips.create': (ctx, input) => trips.createTrip(ctx, input),
    'trips.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await trips.updateTrip(ctx, id, input, expectedUpdatedAt), ok),
    'trips.delete': async (ctx, { id }) => (await trips.deleteTrip(ctx, id), ok),
    'trips.duplicate': (ctx, { id }) => trips.duplicateTrip(ctx, id),

    'itinerary.create': (ctx, input) => trips.createItem(ctx, input),
    'itinerary.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await trips.updateItem(ctx, id, input, expectedUpdatedAt), ok),
    'itinerary.delete': async (ctx, { id }) => (await trips.deleteItem(ctx, id), ok),

    'snippets.list': (ctx) => trips.listSnippets(ctx.db),
    'snippets.create': (ctx, input) => trips.createSnippet(ctx, input),
    'snippets.update': async (ctx, { id, expectedUpdatedAt, ...input }) => (await trips.updateSnippet(ctx, id, input, expectedUpdatedAt), ok),
    'snippets.delete': async (ctx, { id }) => (await trips.deleteSnippet(ctx, id), ok),
    'snippets.suggest': (ctx, { counterparts, sectors }) =>
      trips.suggestSnippets(ctx.db, {
        counterparts: counterparts.map((c) => ({ personId: c.personId ?? null, organizationId: c.organizationId ?? null, localityId: c.localityId ?? null })),
        sectors,
      }),

    'briefs.get': (ctx, { tripId }) =>
      ctx.db.transaction().execute(async (trx) => {
        const settings = await (await briefFiles()).loadSettings(trx, tripId)
        return { settings, model: await assembleBrief(trx, tripId, settings, new Date(ctx.now()), ctx.today()) }
      }),
    'briefs.save': async (ctx, { tripId, settings }) => (await (await briefFiles()).saveSettings(ctx, tripId, settings), ok),
    'briefs.export': async (ctx, { tripId }) => {
      const { buildModel, loadSettings, readLetterhead, writeBrief } = await briefFiles()
      const letterhead = await readLetterhead(ctx.db, env.dataDir, await loadSettings(ctx.db, tripId))
      const model = await buildModel(ctx, tripId)
      const path = await env.platform.chooseSavePath(`${model.fileBaseName}.docx`)
      return path ? writeBrief(ctx, model, path, letterhead) : null
    },
    'briefs.exportMeetings': async (ctx, { tripId }) => {
      const { exportPerMeeting, loadSettings, readLetterhead } = await briefFiles()
      const letterhead = await readLetterhead(ctx.db, env.dataDir, await loadSettings(ctx.db, tripId))
      const folder = await env.platform.chooseFolder()
      return folder ? { folder, files: await exportPerMeeting(ctx, tripId, folder, letterhead) } : null
    },
    'briefs.exportEngagement': async (ctx, { engagementId, homeLocalityId }) => {
      const folder = await env.platform.chooseFolder()
      return folder ? { folder, files: await (await briefFiles()).exportEngagementBriefs(ctx, engagementId, homeLocalityId, folder) } : null
    },
    'briefs.setLetterhead': async (ctx, { tripId }) => {
      const { loadSettings, saveSettings, storeLetterhead } = await briefFiles()
      const settings = await loadSettings(ctx.db, tripId)
      const source = await env.platform.chooseDocx()
      if (!source) return null
      const stored = await storeLetterhead(ctx.db, env.dataDir, source, ctx.actor)
      await saveSettings(ctx, tripId, { ...settings, letterhead: { sha256: stored.sha256, fileName: stored.fileName } })
      return { fileName: stored.fileName, placeholders: stored.placeholders }
    },
    'briefs.exports': (ctx, { tripId }) =>
      ctx.db
        .selectFrom('briefExport')
        .select(['id', 'at', 'actor', 'document', 'fileName', 'sha256', 'language'])
        .where('tripId', '=', tripId)
        .orderBy('at', 'desc')
        .execute(),
    'briefs.showInFolder': async (_ctx, { path }) => {
      if (!/\.docx$/i.test(path) || !existsSync(path)) throw new AppError('file_missing')
      await env.platform.showInFolder(path)
      return ok
    },
    'programme.get': async (ctx, { tripId, language }) => (await programmeFiles()).buildProgramme(ctx, tripId, language),
    'programme.export': async (ctx, { tripId, language }) => {
      const { buildProgramme, writeProgramme } = await programmeFiles()
      const model = await buildProgramme(ctx, tripId, language)
      const path = await env.platform.chooseSavePath(`${model.fileBaseName}.docx`)
      return path ? writeProgramme(ctx, model, path) : null
    },
    'reports.agreements': async (ctx) => saveFile(ctx, `So-theo-doi-van-kien-${ctx.today()}.xlsx`, await (await reports()).agreementsWorkbook(ctx.db, ctx.today())),
    'reports.commitments': async (ctx, input) => {
      const { rows } = await listCommitments(ctx.db, input ?? {}, ctx.today())
      return saveFile(ctx, `So-theo-doi-cam-ket-${ctx.today()}.xlsx`, await (await reports()).commitmentsWorkbook(rows, ctx.today()))
    },
    'reports.law': async (ctx, { from, to }) => saveFile(ctx, `Bao-cao-thoa-thuan-quoc-te-${from}-${to}.xlsx`, await (await reports()).lawReportWorkbook(ctx.db, from, to, ctx.today())),
    'import.open': async (ctx, { kind }) => {
      const path = await env.platform.chooseSpreadsheet()
      if (!path) return null
      const sessions = await imports()
      const token = sessions.open(path)
      return (await sessions.preview(ctx.db, token, kind, {})).view
    },
    'import.preview': async (ctx, { token, kind, ...options }) => (await (await imports()).preview(ctx.db, token, kind, options)).view,
    'import.commit': async (ctx, { token, kind, actions, ...options }) => {
      const { preview } = await (await imports()).preview(ctx.db, token, kind, options)
      const r = await (await importer()).commitImport(ctx, preview, Object.fromEntries(Object.entries(actions).map(([row, action]) => [Number(row), action])))
      env.searchIndex.kick()
      return r
    },
    'packs.export': async (ctx, input) => {
      const scope: PackScope = input?.tripId ? { kind: 'trip', id: input.tripId } : input?.partnerId ? { kind: 'partner', id: input.partnerId } : { kind: 'all' }
      const path = await env.platform.chooseSavePath(`Hanh-Trang-${scope.kind === 'all' ? 'toan-bo' : scope.kind}-${ctx.today()}.htpack`)
      if (!path) return null
      const { written } = await (await packFiles()).exportPack(ctx, scope, env.dataDir, path)
      return { path, fileName: basename(path), sha256: written.sha256, bytes: written.bytes }
    },
    'packs.open': async (ctx) => {
      const path = await env.platform.choosePack()
      if (!path) return null
      const token = packs.open(path)
      const { fileName } = packs.get(token)
      const { analyzePackFile, packView } = await packFiles()
      return packView(token, fileName, await analyzePackFile(ctx, path, env.dataDir))
    },
    'packs.apply': async (ctx, { token, choices }) => {
      const { path, fileName } = packs.get(token)
      const { applyPackFile, packView } = await packFiles()
      const r = await applyPackFile(ctx, path, env.dataDir, choices, fileName)
      return { ...packView(token, fileName, r), resolvedTheirs: r.resolvedTheirs, indexing: r.indexing }
    },
    'attachments.add': async (ctx, { entity, entityId }) => {
      const source = await env.platform.chooseAttachment()
      return source ? (await attachments()).attachFile(ctx, env.dataDir, entity, entityId, source) : null
    },
    'attachments.list': async (ctx, { entityId }) => (await attachments()).listAttachments(ctx.db, entityId),
    'attachments.open': async (ctx, { id }) => (await env.platform.openFile(await (await attachments()).attachmentFile(ctx.db, env.dataDir, id)), ok),
    'attachments.delete': async (ctx, { id }) => (await (await attachments()).removeAttachment(ctx, id), ok),
    'backups.list': async () => listBackups(env.backups.dir).map(({ path: _p, ...b }) => b),
    'backups.create': async () => {
      const { path: _p, ...b } = await env.backups.create()
      return b
    },
    'backups.restore': async (_ctx, { fileName }) => {
      // Only a file of the backups folder, named as this app names them, can be restored from the window.
      const backup = listBackups(env.backups.dir).find((b) => b.fileName === fileName)
      if (!backup) throw new AppError('backup_not_found', { name: fileName })
      const { path: _p, ...safety } = await env.backups.restore(backup.path)
      return safety
    },
    // A window's long poll: answered when the register changes, else after 25 s unchanged.
    'changes.wait': async (_ctx, { since }) => ({ seq: await env.changes.wait(since, CHANGE_WAIT_MS) }),
    'audit.list': (ctx, input) => listAudit(ctx.db, input),
    ...reportHandlers(env),
    // The approval request (issue 14, item 1); docx and exceljs are loaded when first called.
    ...approvalHandlers(env.platform),
    'briefs.presence': async (ctx, input) => (await import('../briefs/presence.ts')).briefPresence(ctx, env.dataDir, input),

    // ---- the office's server: who the window works as; switching is the session's (src/main/office/service.ts)
    'session.get': () => env.session(),
    'office.get': notInApp,
    'office.test': notInApp,
    'office.connect': notInApp,
    'office.useFile': notInApp,
    'office.reconnect': notInApp,
    'office.chooseCa': notInApp,
  }
}

/** A core without a session (the CLI, the tests' cores) does not switch registers. */
const notInApp = async (): Promise<never> => {
  throw new AppError('office_in_app')
}
