/**
 * The files the scenarios start from, made once per run: a new installation, one with the
 * sample data, a colleague's data pack (new records, an edit, a deletion), a register large
 * enough that its pack goes in as a bulk load, spreadsheets. Made by the same core the
 * scenarios test, through its own functions (a child for the CLI's own work, this process
 * for the rest).
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { generateRegister } from '../bench-data.ts'
import { cli, nextStart, runChild, type Harness, type Snapshot } from './lib.ts'

export const DB = 'hanh-trang.sqlite'
const MOU = '01936d00-0000-7000-8000-000300000001'

export interface Fixtures {
  /** A new installation after its first start. */
  fresh: string
  freshState: Snapshot
  /** A backup of it, as the app makes them (rollback journal, checked): what a restore reads. */
  freshBackup: string
  /** The sample data loaded. */
  demo: string
  demoState: Snapshot
  /** A colleague's pack of everything: the sample data, 150 new partners, 20 new agreements, an edit, a deletion. */
  pack: string
  /** A register of 5,001 agreements and engagements: into a new installation it is a bulk load (rollback journal). */
  largePack: string
  /** 1,500 new agreements, in the register's own sheet layout. */
  sheet: string
  /** A second, different sheet (for two imports at once). */
  sheets: (name: string, rows: number, prefix: string) => Promise<string>
}

let made: Promise<Fixtures> | null = null

export function fixtures(h: Harness): Promise<Fixtures> {
  return (made ??= build(h))
}

const HEADERS = ['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Bên Việt Nam', 'Đối tác', 'Lĩnh vực']

async function writeSheet(path: string, rows: number, prefix: string): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Văn kiện')
  ws.addRow(HEADERS)
  for (let i = 0; i < rows; i++) ws.addRow([`${prefix} ${i + 1}`, i % 2 ? 'Bản ghi nhớ' : 'MOU', `${String((i % 28) + 1).padStart(2, '0')}/06/2024`, 'Thanh Hóa', i % 3 ? 'Yamanashi' : 'Gunma', 'Du lịch'])
  await wb.xlsx.writeFile(path)
  return path
}

async function build(h: Harness): Promise<Fixtures> {
  const started = Date.now()
  const dir = h.dir('fixtures')
  const fresh = join(h.dir('fixture-fresh'), DB)
  const demo = join(h.dir('fixture-demo'), DB)
  const colleague = join(h.dir('fixture-colleague'), DB)
  // Three first starts at once: their own installations (ids), two with the sample data.
  const made = await Promise.all([runChild(h, { args: cli(fresh, 'check') }), runChild(h, { args: cli(demo, 'demo', 'load') }), runChild(h, { args: cli(colleague, 'demo', 'load') })])
  for (const r of made) if (r.code !== 0) throw new Error(`fixture: ${r.stderr.slice(-600)}`)

  const pack = join(dir, 'colleague.htpack')
  const core = await h.openCore(colleague)
  try {
    const call = async (method: string, input: unknown) => {
      const r = await core.dispatch(method, input)
      if (!r.ok) throw new Error(`fixture ${method}: ${JSON.stringify(r.error)}`)
      return r.value as { id: string }
    }
    const towns: string[] = []
    for (let i = 0; i < 150; i++) towns.push((await call('localities.create', { country: 'JP', level: 'municipality', nameVi: `Thị trấn đồng nghiệp ${i}` })).id)
    const home = (core.sqlite.prepare(`SELECT id FROM locality WHERE ref_key = 'vn-2025-thanh-hoa'`).get() as { id: string } | undefined)?.id
    for (let i = 0; i < 20; i++) {
      await call('agreements.create', {
        kind: 'mou',
        titleVi: `Bản ghi nhớ của đồng nghiệp ${i}`,
        status: 'signed',
        signedDate: '2025-03-01',
        parties: [...(home ? [{ side: 'home', localityId: home }] : []), { side: 'partner', localityId: towns[i]! }],
      })
    }
    await call('localities.update', { id: towns[0]!, country: 'JP', level: 'municipality', nameVi: 'Thị trấn đồng nghiệp 0 (đã sửa)' })
    await call('agreements.delete', { id: MOU })
  } finally {
    await core.close()
  }

  // A large register: a new installation with a generated register, exported whole.
  const large = join(h.dir('fixture-large'), DB)
  const r = await runChild(h, { args: cli(large, 'check') })
  if (r.code !== 0) throw new Error(`fixture: ${r.stderr.slice(-600)}`)
  const largePack = join(dir, 'large.htpack')
  const big = await h.openCore(large)
  try {
    generateRegister(big.sqlite, { partners: 400, agreements: 4000, engagements: 1001 }, big.ctx.origin)
  } finally {
    await big.close()
  }
  // The packs written by the CLI, as a colleague would.
  const exported = await Promise.all([runChild(h, { args: cli(colleague, 'pack', 'export', '--out', pack) }), runChild(h, { args: cli(large, 'pack', 'export', '--out', largePack) })])
  for (const x of exported) if (x.code !== 0) throw new Error(`fixture: ${x.stderr.slice(-600)}`)

  const { backupTo } = (await import(pathToFileURL(join(h.opts.root, 'src/main/exchange/backup.ts')).href)) as typeof import('../../src/main/exchange/backup.ts')
  const freshBackup = join(dir, 'fresh-backup.sqlite')
  const f = await h.openCore(fresh)
  try {
    await backupTo(f.sqlite, freshBackup)
  } finally {
    await f.close()
  }

  const sheet = await writeSheet(join(dir, 'agreements-1500.xlsx'), 1500, 'Văn kiện nhập hàng loạt')
  const [freshState, demoState] = [(await nextStart(h, fresh)).snapshot, (await nextStart(h, demo)).snapshot]
  h.log(`fixtures made in ${Date.now() - started} ms`)
  return {
    fresh,
    freshState,
    freshBackup,
    demo,
    demoState,
    pack,
    largePack,
    sheet,
    sheets: (name, rows, prefix) => writeSheet(join(dir, name), rows, prefix),
  }
}
