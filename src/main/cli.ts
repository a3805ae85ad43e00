/**
 * Headless entry for administrators and scripts: the same core, the same db as the app.
 *
 *   npm run cli -- [--db FILE] demo load
 *   npm run cli -- [--db FILE] search QUERY [--json]
 *   npm run cli -- [--db FILE] check
 *   npm run cli -- [--db FILE] import FILE.xlsx|.xls|.csv --kind partners|people|agreements|commitments [--sheet NAME] [--update] [--dry-run] [--json] [--convert]
 *   npm run cli -- [--db FILE] pack export --out FILE [--trip ID | --partner ID]
 *   npm run cli -- [--db FILE] pack import FILE [--dry-run] [--json]
 *   npm run cli -- [--db FILE] backup --out FILE
 *   npm run cli -- [--db FILE] restore FILE
 *   npm run cli -- [--db FILE] trip list [--json]
 *   npm run cli -- [--db FILE] trip plan --trip ID --out FILE.docx [--kind to-trinh|ke-hoach]
 *   npm run cli -- [--db FILE] brief export --trip ID --out FILE.docx [--lang vi|en] [--letterhead TEMPLATE.docx]
 *   npm run cli -- [--db FILE] trip programme --trip ID --lang en|ja --out FILE.docx
 *   npm run cli -- --server URL server init | migrate | add-officer LOGIN [--viewer] | import FILE.sqlite
 *
 * --db defaults to HANH_TRANG_DB, else the app's own db in the user's data folder.
 * --server postgres://… (or HANH_TRANG_DATABASE_URL) works on the office's server instead.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { SEARCH_KINDS, labelOf } from '../shared/domain/labels.ts'
import type { SearchHit } from '../shared/contract.ts'
import type { TripRow } from '../shared/domain/trips.ts'
import { formatDate } from '../shared/text/dates.ts'
import type { PackScope } from './exchange/pack/index.ts'
import { importKinds, type ImportKind } from '../shared/domain/exchange.ts'
import { bilingual, wordProblem } from '../shared/messages/index.ts'
import type { Core } from './core.ts'
import { AppError } from './errors.ts'
import { classifyDbError } from './db/errors.ts'
import { backupDirFor, defaultDbPath } from './paths.ts'

// Each command loads what it needs, when it runs (issue 11): `brief export` does not load
// exceljs, SheetJS, the packs or the import wizard, `trip list` not docx either. The modules
// above are small and import nothing heavy.

const USAGE = `Hành Trang – công cụ dòng lệnh / command line

  npm run cli -- [--db TỆP] demo load            nạp dữ liệu mẫu / load the sample data
  npm run cli -- [--db TỆP] search TỪ-KHÓA [--json]  tìm kiếm / search
  npm run cli -- [--db TỆP] check                kiểm tra tệp dữ liệu / check the database
  npm run cli -- [--db TỆP] import TỆP.xlsx|.xls|.csv --kind partners|people|agreements|commitments
                    [--sheet TÊN] [--update] [--dry-run] [--json] [--convert]
                                                 nhập từ bảng tính; --update cập nhật bản ghi trùng;
                                                 --convert chuyển chữ gõ bằng TCVN3, VNI hoặc lỗi bảng mã
                                                 (UTF-8 đọc nhầm thành Windows-1252) sang Unicode
                                                 / import a spreadsheet; --update rewrites matched records;
                                                 --convert turns TCVN3, VNI or mis-decoded UTF-8 into Unicode
  npm run cli -- [--db TỆP] pack export --out TỆP.htpack [--trip MÃ | --partner MÃ]
  npm run cli -- [--db TỆP] pack import TỆP.htpack [--dry-run] [--json]
                                                 gói dữ liệu trao đổi giữa các máy / data packs
  npm run cli -- [--db TỆP] backup --out TỆP     sao lưu / back up (online backup, quick_check)
  npm run cli -- [--db TỆP] restore TỆP          khôi phục (sao lưu dữ liệu hiện tại trước) / restore
  npm run cli -- [--db TỆP] report agreements --out TỆP.xlsx       sổ văn kiện và cam kết / register
  npm run cli -- [--db TỆP] report law --from NGÀY --to NGÀY --out TỆP.xlsx
                                                 báo cáo theo Luật Thỏa thuận quốc tế 2020
  npm run cli -- [--db TỆP] trip list [--json]   danh sách đoàn công tác / list trips
  npm run cli -- [--db TỆP] trip report --trip MÃ --out TỆP.docx   báo cáo kết quả chuyến công tác / post-trip report
  npm run cli -- [--db TỆP] trip plan --trip MÃ --out TỆP.docx [--kind to-trinh|ke-hoach]
                                                 tờ trình / kế hoạch đoàn ra / the approval request
  npm run cli -- [--db TỆP] brief export --trip MÃ --out TỆP.docx [--lang vi|en] [--letterhead MẪU.docx]
                    [--all-warnings]             xuất tài liệu Word; --all-warnings in mọi dòng cần kiểm tra
                                                 / export the brief; --all-warnings prints every warning
  npm run cli -- [--db TỆP] trip programme --trip MÃ --lang en|ja --out TỆP.docx
                                                 chương trình gửi phía bạn (tiếng Anh, tiếng Nhật)
                                                 / the programme for the other side
  npm run cli -- --server URL server init        khởi tạo máy chủ của cơ quan (lược đồ, vai trò)
  npm run cli -- --server URL server migrate     nâng cấp lược đồ (chỉ quản trị viên)
  npm run cli -- --server URL server add-officer TÊN [--viewer]
                                                 tạo tài khoản cán bộ (--viewer: chỉ xem)
  npm run cli -- --server URL server import TỆP.sqlite
                                                 nhập sổ đăng ký của một máy (như một gói dữ liệu)
                                                 / set up, upgrade the office server; add an officer

--db mặc định là HANH_TRANG_DB, nếu không có thì là tệp dữ liệu của ứng dụng.
--server postgres://… (hoặc HANH_TRANG_DATABASE_URL): làm việc trên máy chủ của cơ quan
/ work on the office's PostgreSQL server instead of the file.`

const repoRoot = resolve(import.meta.dirname, '..', '..')

class UsageError extends Error {}

/**
 * Where a command works: the register's file (its folder is the data folder either way), or
 * the office's server when HANH_TRANG_DATABASE_URL names one.
 */
interface Place {
  dbPath: string
  serverUrl?: string
}

async function withCore<T>({ dbPath, serverUrl }: Place, fn: (core: Core) => Promise<T>, options: { migrateServer?: boolean } = {}): Promise<T> {
  mkdirSync(dirname(dbPath), { recursive: true })
  const { openCore } = await import('./core.ts')
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
  const core = await openCore({
    dbPath,
    ...(serverUrl && { databaseUrl: serverUrl }),
    ...(options.migrateServer !== undefined && { migrateServer: options.migrateServer }),
    resourcesDir: join(repoRoot, 'resources'),
    backupDir: backupDirFor(dirname(dbPath)),
    version,
  })
  try {
    const result = await fn(core)
    // The search documents a bulk write queued are written before the command exits.
    core.indexer.kick()
    await core.indexer.idle()
    return result
  } finally {
    await core.close()
  }
}

/** Why a sheet's text needs --convert. */
/** A row's problem as the CLI says it: Vietnamese, then English. */
const problemText = (p: Parameters<typeof wordProblem>[0]) => bilingual((lang) => wordProblem(p, lang))

async function call<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(method, input)
  if (!r.ok) throw AppError.from(r.error)
  return r.value as T
}

const OPTIONS = {
  db: { type: 'string' },
  server: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  trip: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  letterhead: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  kind: { type: 'string' },
  partner: { type: 'string' },
  'dry-run': { type: 'boolean' },
  convert: { type: 'boolean' },
  sheet: { type: 'string' },
  update: { type: 'boolean' },
  viewer: { type: 'boolean' },
  'all-warnings': { type: 'boolean' },
} as const

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
  if (values.help || positionals.length === 0) {
    out(USAGE)
    return values.help ? 0 : 2
  }
  const dbPath = resolve(values.db ?? process.env.HANH_TRANG_DB ?? defaultDbPath())
  const serverUrl = values.server ?? process.env.HANH_TRANG_DATABASE_URL
  const place: Place = { dbPath, ...(serverUrl && { serverUrl }) }
  const [command, ...rest] = positionals

  switch (command) {
    case 'demo': {
      if (rest[0] !== 'load') throw new UsageError(`Lệnh không hợp lệ: demo ${rest.join(' ')}`)
      const r = await withCore(place, (core) => call<{ created: number; skipped: number }>(core, 'demo.load'))
      out(`Đã nạp dữ liệu mẫu vào ${dbPath}: ${r.created} bản ghi mới, ${r.skipped} đã có. / Sample data loaded.`)
      return 0
    }
    case 'search': {
      const q = rest.join(' ')
      if (!q) throw new UsageError('Thiếu từ khóa tìm kiếm / missing query')
      const hits = await withCore(place, (core) => call<SearchHit[]>(core, 'search.query', { q, limit: 20 }))
      if (values.json) out(JSON.stringify(hits, null, 2))
      else if (hits.length === 0) out(`Không tìm thấy kết quả cho “${q}”. / No results.`)
      else {
        // Kinds in a column as wide as the longest one found ("Mục chương trình").
        const width = Math.max(...hits.map((h) => labelOf(SEARCH_KINDS, h.kind).length))
        for (const h of hits) out(`${labelOf(SEARCH_KINDS, h.kind).padEnd(width)}  ${h.title}${h.subtitle ? ` — ${h.subtitle}` : ''}  [${h.id}]${h.tripId ? ` (đoàn / trip ${h.tripId})` : ''}`)
      }
      return 0
    }
    case 'server':
      return server(place, rest, values.viewer === true, out)
    case 'check': {
      return withCore(place, async (core) => {
        const { ok, problems, schemaVersion } = await core.register.integrity()
        const where = core.register.file ? `Tệp dữ liệu ${core.register.where}` : `Sổ đăng ký trên máy chủ ${core.register.where}`
        const info = await call<{ counts: Record<string, number> }>(core, 'app.info')
        if (!ok) {
          out(`${where} có vấn đề / has problems:\n- ${problems.join('\n- ')}`)
          return 1
        }
        out(
          `${where}: tốt (lược đồ ${schemaVersion}; ${info.counts.localities} địa phương, ${info.counts.organizations} tổ chức, ` +
            `${info.counts.people} nhân vật, ${info.counts.agreements} văn kiện, ${info.counts.engagements} hoạt động). / healthy`,
        )
        return 0
      })
    }
    case 'backup': {
      if (!values.out) throw new UsageError('Cần --out TỆP.sqlite / --out is required')
      const target = resolve(values.out)
      const { backupTo } = await import('./exchange/backup.ts')
      const r = await withCore(place, (core) => {
        if (!core.register.file) throw new AppError('server_only_file', { where: core.register.where })
        return backupTo(core.register.file, target)
      })
      out(`Đã sao lưu vào ${r.path} (${Math.round(r.bytes / 1024)} KB, đã kiểm tra quick_check). / Backup written and checked.`)
      return 0
    }
    case 'restore': {
      const source = rest[0]
      if (!source) throw new UsageError('Thiếu tệp cần khôi phục / missing the file to restore')
      try {
        const safety = await withCore(place, (core) => core.restore(resolve(source)))
        out(`Đã khôi phục ${resolve(source)} vào ${dbPath}. Dữ liệu trước đó được sao lưu tại ${safety.path}. / Restored; the previous data was backed up first.`)
      } catch (e) {
        // A damaged database cannot be backed up first: it is moved aside instead, untouched.
        if (!(e instanceof AppError) || e.code !== 'db_damaged') throw e
        const { recordRecovery, replaceDamaged } = await import('./session.ts')
        const movedTo = replaceDamaged(dbPath, resolve(source))
        await withCore(place, (core) => recordRecovery(core, basename(source), movedTo))
        out(`Tệp dữ liệu bị hỏng đã được chuyển sang ${movedTo} (giữ nguyên); đã khôi phục ${resolve(source)} vào ${dbPath}. / The damaged file was moved aside; restored.`)
      }
      return 0
    }
    case 'import': {
      const file = rest[0]
      const kind = values.kind as ImportKind | undefined
      if (!file || !kind || !importKinds.includes(kind)) throw new UsageError('Dùng: import TỆP --kind partners|people|agreements|commitments [--sheet TÊN] [--update] [--dry-run] [--json] [--convert]')
      const path = resolve(file)
      let bytes: Buffer
      try {
        bytes = readFileSync(path)
      } catch {
        throw new AppError('cannot_read_file', { name: path })
      }
      const [{ readTable }, { commitImport, previewImport, sheetFor }] = await Promise.all([import('./exchange/import/read.ts'), import('./exchange/import/import.ts')])
      const table = await readTable(bytes, path, values.sheet ?? sheetFor(kind))
      return withCore(place, async (core) => {
        let preview = await previewImport(core.db, table, kind)
        const suspected = preview.encodingSuspected
        if (suspected && values.convert) preview = await previewImport(core.db, table, kind, { encoding: suspected })
        const problems = preview.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p, message: problemText(p) })))
        if (suspected && !values.convert) {
          const p = { column: null, level: 'error' as const, code: 'encoding_suspected' as const, params: { encoding: suspected } }
          problems.unshift({ row: 0, ...p, message: problemText(p) })
        }
        const errors = problems.filter((p) => p.level === 'error')
        // Rows that match a record are skipped unless --update asks to rewrite the match
        // (a row identical to its record is counted as unchanged and not written).
        const actions = values.update ? Object.fromEntries(preview.rows.filter((r) => r.match && !r.problems.some((p) => p.level === 'error')).map((r) => [r.row, 'update' as const])) : {}
        const result = errors.length || values['dry-run'] ? null : await commitImport(core.ctx, preview, actions)
        const report = { file: path, kind, sheet: preview.sheet, encoding: preview.encoding, rows: preview.rows.length, written: !!result, ...(result ?? {}), problems }
        if (values.json) out(JSON.stringify(report, null, 2))
        else {
          // Rows identical to their record need no word each: the summary counts them.
          for (const p of problems.filter((x) => x.level !== 'info')) out(`${p.level === 'error' ? 'LỖI' : 'lưu ý'}  dòng ${p.row}${p.column ? `, cột “${p.column}”` : ''}: ${p.message}`)
          out(
            result
              ? `Đã nhập ${result.created} dòng mới, cập nhật ${result.updated}, ${result.unchanged} không đổi, bỏ qua ${result.skipped}. / Imported.`
              : errors.length
                ? `Có ${errors.length} lỗi; không ghi dòng nào. / Errors found; nothing written.`
                : `Kiểm tra xong (${preview.rows.length} dòng); không ghi vì --dry-run. / Dry run; nothing written.`,
          )
        }
        return errors.length ? 1 : 0
      })
    }
    case 'pack': {
      const sub = rest[0]
      if (sub === 'export') {
        if (!values.out) throw new UsageError('Cần --out TỆP.htpack / --out is required')
        const target = resolve(values.out)
        const { exportPack } = await import('./exchange/pack/index.ts')
        const scope: PackScope = values.trip ? { kind: 'trip', id: values.trip } : values.partner ? { kind: 'partner', id: values.partner } : { kind: 'all' }
        const m = await withCore(place, async (core) => (await exportPack(core.ctx, scope, dirname(dbPath), target)).manifest)
        out(`Đã xuất gói dữ liệu ${target}: ${Object.entries(m.counts).filter(([, n]) => n).map(([t, n]) => `${t} ${n}`).join(', ')}. / Pack written.`)
        return 0
      }
      if (sub === 'import') {
        const file = rest[1]
        if (!file) throw new UsageError('Thiếu tệp .htpack / missing the pack')
        const path = resolve(file)
        const { analyzePackFile, applyPackFile } = await import('./exchange/pack/index.ts')
        const r = await withCore(place, (core) => (values['dry-run'] ? analyzePackFile(core.ctx, path, dirname(dbPath)) : applyPackFile(core.ctx, path, dirname(dbPath))))
        const conflicts = r.conflicts.map(({ key, table, name, mine, theirs }) => ({ key, table, name, deletedBy: theirs ? (mine ? null : 'mine') : 'theirs' }))
        if (values.json) out(JSON.stringify({ ...r, conflicts }, null, 2))
        else {
          out(
            `${values['dry-run'] ? 'Kiểm tra' : 'Đã nhập'} gói của ${r.manifest.exportedBy} (${r.manifest.createdAt}): ${r.created} mới, ${r.updated} cập nhật, ` +
              `${r.deleted} xóa theo bên kia, ${r.unchanged} không đổi, ${r.keptMine} giữ bản của máy này, ${r.matchedByName} khớp theo tên.`,
          )
          for (const c of conflicts) {
            const why = c.deletedBy === 'theirs' ? 'bên kia đã xóa, máy này đã sửa' : c.deletedBy === 'mine' ? 'máy này đã xóa, bên kia đã sửa' : 'sửa ở cả hai nơi'
            out(`XUNG ĐỘT ${c.table} “${c.name}”: ${why}; giữ như máy này (giải quyết trong ứng dụng).`)
          }
        }
        return 0
      }
      throw new UsageError('Dùng: pack export --out TỆP [--trip MÃ | --partner MÃ] | pack import TỆP [--dry-run]')
    }
    case 'report': {
      const kind = rest[0]
      if (!values.out || (kind !== 'agreements' && kind !== 'law')) throw new UsageError('Dùng: report agreements|law --out TỆP.xlsx [--from yyyy-mm-dd --to yyyy-mm-dd]')
      const target = resolve(values.out)
      const [{ writeFileAtomic }, { agreementsWorkbook, lawReportWorkbook }] = await Promise.all([import('./files.ts'), import('./exchange/reports.ts')])
      await withCore(place, async (core) => {
        if (kind === 'law') {
          const { contract } = await import('../shared/contract.ts')
          const period = contract['reports.law'].input.safeParse({ from: values.from, to: values.to })
          if (!period.success) throw new UsageError('Cần --from và --to dạng yyyy-mm-dd / --from and --to are required')
          writeFileAtomic(target, await lawReportWorkbook(core.db, period.data.from, period.data.to, core.ctx.today()))
        } else writeFileAtomic(target, await agreementsWorkbook(core.db, core.ctx.today()))
      })
      out(`Đã xuất ${target}. / Report written.`)
      return 0
    }
    case 'trip': {
      if (rest[0] === 'report') {
        if (!values.trip || !values.out) throw new UsageError('Cần --trip MÃ và --out TỆP.docx / --trip and --out are required')
        const { tripReportCommand } = await import('./cli/trip-report.ts')
        await withCore(place, (core) => tripReportCommand(core, values.trip!, values.out!, out))
        return 0
      }
      if (rest[0] === 'plan') return (await import('./cli/trip-plan.ts')).tripPlan(values, { withCore: (fn) => withCore(place, fn), usage: (m) => new UsageError(m), out })
      if (rest[0] === 'programme') {
        if (!values.trip || !values.out || (values.lang !== 'en' && values.lang !== 'ja')) throw new UsageError('Dùng: trip programme --trip MÃ --lang en|ja --out TỆP.docx / --trip, --lang en|ja and --out are required')
        const [tripId, lang, target] = [values.trip, values.lang as 'en' | 'ja', resolve(values.out)]
        await withCore(place, async (core) => (await import('./cli/trip-programme.ts')).tripProgramme(core, tripId, lang, target, out))
        return 0
      }
      if (rest[0] !== 'list') throw new UsageError(`Lệnh không hợp lệ: trip ${rest.join(' ')}`)
      const trips = await withCore(place, (core) => call<TripRow[]>(core, 'trips.list'))
      if (values.json) out(JSON.stringify(trips, null, 2))
      else if (trips.length === 0) out('Chưa có đoàn công tác nào. / No trips.')
      else for (const t of trips) out(`${formatDate(t.startDate)}–${formatDate(t.endDate)}  ${t.title}  [${t.id}]`)
      return 0
    }
    case 'brief': {
      if (rest[0] !== 'export') throw new UsageError(`Lệnh không hợp lệ: brief ${rest.join(' ')}`)
      if (!values.trip || !values.out) throw new UsageError('Cần --trip MÃ và --out TỆP.docx / --trip and --out are required')
      if (values.lang && values.lang !== 'vi' && values.lang !== 'en') throw new UsageError('--lang là vi hoặc en / --lang is vi or en')
      const options = { tripId: values.trip, outPath: resolve(values.out), language: (values.lang ?? 'vi') as 'vi' | 'en', letterhead: values.letterhead, allWarnings: values['all-warnings'] }
      const { briefExport } = await import('./cli/brief-export.ts')
      await withCore(place, (core) => briefExport(core, options, out))
      return 0
    }
    default:
      throw new UsageError(`Lệnh không hợp lệ / unknown command: ${command}`)
  }
}

/**
 * The administrator's commands for an office's server: `init` (extensions, the schema, the
 * reference data, the officer and viewer roles), `migrate` (the only way the schema
 * changes), `add-officer LOGIN [--viewer]` (a login of their own for each officer).
 */
async function server(place: Place, [sub, ...args]: string[], viewer: boolean, out: (s: string) => void): Promise<number> {
  if (!place.serverUrl) throw new UsageError('Cần --server postgres://… hoặc HANH_TRANG_DATABASE_URL / the server to work on is missing')
  const { initServerRoles, addOfficer, OFFICER_ROLE, VIEWER_ROLE } = await import('./db/dialect/postgres/roles.ts')
  switch (sub) {
    case 'init':
    case 'migrate':
      return withCore(
        place,
        async (core) => {
          // Grants cover the tables a migration adds too: run again after every migration.
          await initServerRoles(core.db)
          const { schemaVersion } = await core.register.integrity()
          const done = sub === 'init' ? 'Đã khởi tạo' : 'Đã nâng cấp'
          out(`${done} sổ đăng ký trên máy chủ ${core.register.where} (lược đồ ${schemaVersion}); vai trò ${OFFICER_ROLE} (đọc và ghi) và ${VIEWER_ROLE} (chỉ xem). / Server ready: schema ${schemaVersion}, roles granted.`)
          return 0
        },
        { migrateServer: true },
      )
    case 'add-officer': {
      const login = args[0]
      if (!login) throw new UsageError('Dùng: server add-officer TÊN-ĐĂNG-NHẬP [--viewer]')
      return withCore(place, async (core) => {
        const added = await addOfficer(core.db, login, { viewer })
        out(`Đã tạo tài khoản ${added.login} (${added.role}). Mật khẩu, chỉ hiện một lần / password, shown once:\n${added.password}`)
        return 0
      })
    }
    case 'import': {
      // A laptop's register merged in by the rules of a pack: it is exported as one (all of
      // it), then applied here, conflicts kept as on this server and listed.
      const file = args[0]
      if (!file) throw new UsageError('Dùng: server import TỆP.sqlite')
      const source = resolve(file)
      const { applyPackFile, exportPack } = await import('./exchange/pack/index.ts')
      const { mkdtempSync, rmSync } = await import('node:fs')
      const { tmpdir } = await import('node:os')
      const work = mkdtempSync(join(tmpdir(), 'hanh-trang-server-import-'))
      try {
        const packPath = join(work, `${basename(source, '.sqlite')}.htpack`)
        await withCore({ dbPath: source }, (laptop) => exportPack(laptop.ctx, { kind: 'all' }, dirname(source), packPath))
        const { importLetterheads } = await import('./briefs/export.ts')
        // The pack carries the attachments; the laptop's letterhead templates come beside it.
        const [r, letterheads] = await withCore(place, async (core) => [
          await applyPackFile(core.ctx, packPath, dirname(place.dbPath), {}, basename(source)),
          await importLetterheads(core.db, dirname(source), dirname(place.dbPath), core.ctx.actor),
        ] as const)
        out(
          `Đã nhập sổ đăng ký ${source} vào máy chủ: ${r.created} mới, ${r.updated} cập nhật, ${r.deleted} xóa theo bên kia, ${r.unchanged} không đổi, ` +
            `${r.keptMine} giữ bản của máy chủ, ${r.conflicts.length} xung đột (giữ như máy chủ); ${letterheads} mẫu bìa mới. / Merged into the server.`,
        )
        for (const c of r.conflicts) out(`XUNG ĐỘT ${c.table} “${c.name}”: giữ như máy chủ (giải quyết trong ứng dụng bằng gói dữ liệu).`)
        return 0
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    }
    default:
      throw new UsageError('Dùng: server init | server migrate | server add-officer TÊN [--viewer] | server import TỆP.sqlite')
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  // The command as its own process (not main() inside the tests or another program):
  // - `brief export` builds the whole document in memory and then serializes it (docx), and
  //   V8 grows its young generation to 2 x 64 MB on the way, for little gain in a job this short.
  //   It keeps the young generation at its starting size: some 60 MB less at the peak, for the
  //   same time. Not for the long bulk commands (imports, packs, reports), which it slows.
  // - Node strips the types of, and compiles, every module at each start; its compile cache keeps
  //   both on disk (NODE_COMPILE_CACHE, else os.tmpdir()/node-compile-cache; keyed by the file's
  //   content and Node's version and flags), so the next command starts from them. A cache that
  //   cannot be written is skipped; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  const [command, sub] = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: false }).positionals
  if (command === 'brief' && sub === 'export') setFlagsFromString('--semi-space-growth-factor=1')
  enableCompileCache()
  main(args).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${e.message}\n\n${USAGE}\n`)
        process.exit(2)
      }
      // SQLite's own words ("database is locked", "disk I/O error") are named as what happened.
      const dbPath = resolve(parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } }, strict: false }).values.db as string | undefined ?? process.env.HANH_TRANG_DB ?? defaultDbPath())
      const known = classifyDbError(e, dbPath)
      process.stderr.write(`${known ? known.message : e instanceof Error ? e.message : String(e)}\n`)
      process.exit(known?.code === 'db_from_future' ? 3 : 1)
    },
  )
}
