import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { toTCVN3, toVNI } from 'vietnamese-conversion'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { agreementsWorkbook } from '../reports.ts'
import { commitImport, previewImport, sheetFor } from './import.ts'
import { readTable } from './read.ts'
import { wordProblem } from '../../../shared/messages/index.ts'

const dir = tempDir()
let core: TestCore
beforeAll(async () => {
  core = await openTestCore()
  await core.call('demo.load')
})
afterAll(() => core.dispose())

async function xlsx(name: string, header: string[], rows: unknown[][], dateColumns: number[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Văn kiện')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  for (const c of dateColumns) ws.getColumn(c + 1).numFmt = 'dd/mm/yyyy'
  const path = join(dir, name)
  await wb.xlsx.writeFile(path)
  return path
}

const table = async (path: string) => readTable(readFileSync(path), path)
const agreementCount = async () => Number((await core.db.selectFrom('agreement').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>
const HEADERS = ['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Bên Việt Nam', 'Đối tác', 'Lĩnh vực']

describe('spreadsheet import', () => {
  it('maps Vietnamese headers, reads every kind of date, and imports 200 agreements in one go', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const d = new Date(Date.UTC(2020, i % 12, 1 + (i % 28)))
      // Three ways a date arrives: an Excel date cell, text dd/MM/yyyy, an Excel serial.
      const date = i % 3 === 0 ? d : i % 3 === 1 ? `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/2020` : String((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000)
      return [`Thỏa thuận thử số ${i + 1}`, i % 2 ? 'Bản ghi nhớ' : 'MOU', date, 'tỉnh Thanh Hóa', i % 2 ? 'Yamanashi' : 'JETRO', 'Du lịch; Nông nghiệp công nghệ cao']
    })
    const path = await xlsx('clean.xlsx', HEADERS, rows, [2])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    expect(preview.mapping).toMatchObject({ titleVi: 0, kind: 1, signedDate: 2, homeParty: 3, partnerParty: 4, sectors: 5 })
    expect(preview.rows.flatMap((r) => r.problems)).toEqual([])
    expect(preview.rows.map((r) => r.values.signedDate).slice(0, 3)).toEqual(['2020-01-01', '02/02/2020', String((Date.UTC(2020, 2, 3) - Date.UTC(1899, 11, 30)) / 86_400_000)])
    const before = (await agreementCount())
    expect(await commitImport(core.ctx, preview)).toEqual({ created: 200, updated: 0, unchanged: 0, skipped: 0, indexing: 0 })
    expect((await agreementCount())).toBe(before + 200)
    const hit = (await core.call('search.query', { q: 'thoa thuan thu so 18' })).find((h) => h.kind === 'agreement')!
    const a = await core.call('agreements.get', { id: hit.id })
    expect(a).toMatchObject({ kind: 'mou', status: 'signed', signedDate: '2020-06-18', sectors: ['high_tech_agriculture', 'tourism'] })
    expect(a.parties.map((p) => p.displayName)).toEqual(['Thanh Hóa', 'Yamanashi'])
  })

  it('updates the matching agreement when asked: parties and sectors from the row, signatories kept', async () => {
    const hit = (await core.call('search.query', { q: 'thoa thuan thu so 18' })).find((h) => h.kind === 'agreement')!
    const before = await core.call('agreements.get', { id: hit.id })
    const person = (await core.db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id
    await core.call('agreements.update', {
      ...before,
      parties: before.parties.map((p) => ({ side: p.side, localityId: p.localityId, organizationId: p.organizationId })),
      signatories: [{ personId: person, side: 'partner' }],
    })
    const path = await xlsx('update.xlsx', HEADERS, [['Thỏa thuận thử số 18', 'MOU', '18/06/2020', 'Thanh Hóa', 'Gunma', 'Giáo dục']])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    expect(preview.rows[0]).toMatchObject({ action: 'skip', match: { id: hit.id } })
    expect(await commitImport(core.ctx, preview, { [preview.rows[0]!.row]: 'update' })).toMatchObject({ created: 0, updated: 1 })
    const after = await core.call('agreements.get', { id: hit.id })
    expect(after.parties.map((p) => p.displayName)).toEqual(['Thanh Hóa', 'Gunma'])
    expect(after.sectors).toEqual(['education'])
    expect(after.signatories.map((x) => x.personId)).toEqual([person])
  })

  it('updates only what the sheet has columns for; the rest of each record stays as it was', async () => {
    // An agreement with much more than a sheet carries.
    const id = '01936d00-0000-7000-8000-000300000002' // Thanh Hóa – Yamanashi, with its commitments
    const a = await core.call('agreements.get', { id })
    const parties = a.parties.map((p) => ({ side: p.side, localityId: p.localityId, organizationId: p.organizationId }))
    await core.call('agreements.update', { ...a, parties, titleEn: 'Record of discussion', summary: 'Tóm tắt giữ nguyên', mofaOpinionNo: '1234/BNG-LPQT', mofaOpinionDate: '2025-01-10', validFrom: '2025-02-01' })
    const full = await core.call('agreements.get', { id })
    const title = full.titleVi
    const signed = full.signedDate ?? '' // not signed yet
    // A Vietnamese official, and a commitment with notes.
    const person = await core.db.selectFrom('person').selectAll().where('country', '=', 'VN').executeTakeFirstOrThrow()
    await core.call('people.update', { ...pick(person, ['familyName', 'givenName', 'familyNameNative', 'givenNameNative', 'nameKana', 'nameVi', 'nameOrder', 'country', 'title', 'organizationId', 'localityId', 'termStart', 'termEnd', 'bio', 'languages', 'protocolNotes']), id: person.id, protocolNotes: 'Ăn chay', languages: 'Tiếng Anh' } as never)
    const c = full.commitments[0]!
    await core.call('commitments.update', { id: c.id, agreementId: id, action: c.action, owner: 'Sở Ngoại vụ', dueDate: '2026-12-31', status: c.status, notes: 'Ghi chú giữ nguyên' })

    const agreements = await xlsx('status-only.xlsx', ['Tên văn kiện', 'Ngày ký', 'Tình trạng'], [[title, signed, 'Đang hiệu lực']])
    const people = await xlsx('title-only.xlsx', ['Họ và tên', 'Chức vụ'], [[`${person.familyName} ${person.givenName}`, 'Phó Chủ tịch']])
    const commitments = await xlsx('done-only.xlsx', ['Văn kiện', 'Ngày ký văn kiện', 'Nội dung', 'Tình trạng'], [[title, signed, c.action, 'Hoàn thành']])
    for (const [path, kind] of [[agreements, 'agreements'], [people, 'people'], [commitments, 'commitments']] as const) {
      const preview = await previewImport(core.db, await table(path), kind)
      expect(preview.rows[0]!.match).toMatchObject({ unchanged: false })
      expect(await commitImport(core.ctx, preview, { [preview.rows[0]!.row]: 'update' })).toMatchObject({ updated: 1 })
    }

    const after = await core.call('agreements.get', { id })
    expect(after.status).toBe('in_force')
    const kept = ['kind', 'titleEn', 'summary', 'mofaOpinionNo', 'mofaOpinionDate', 'validFrom', 'validUntil', 'sources', 'sectors', 'signedPlace'] as const
    expect(pick(after, kept)).toEqual(pick(full, kept))
    expect(after.parties.map((p) => p.displayName)).toEqual(full.parties.map((p) => p.displayName))
    const p2 = await core.db.selectFrom('person').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow()
    expect(p2).toMatchObject({ title: 'Phó Chủ tịch', country: 'VN', protocolNotes: 'Ăn chay', languages: 'Tiếng Anh', organizationId: person.organizationId, localityId: person.localityId, nameOrder: person.nameOrder })
    const c2 = await core.db.selectFrom('commitment').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow()
    expect(c2).toMatchObject({ status: 'done', owner: 'Sở Ngoại vụ', dueDate: '2026-12-31', notes: 'Ghi chú giữ nguyên' })

    // A cell that cannot be read ("Loại lạ") keeps the record's value instead of a default.
    const org = await core.db.selectFrom('organization').selectAll().where('website', 'is not', null).executeTakeFirstOrThrow()
    const partners = await xlsx('partner-notes.xlsx', ['Tên tổ chức', 'Loại', 'Ghi chú'], [[org.nameVi, 'Loại lạ', 'Ghi chú mới']])
    const preview = await previewImport(core.db, await table(partners), 'partners')
    expect(preview.rows[0]!.problems.map((p) => wordProblem(p, 'vi'))).toEqual([expect.stringContaining('bản ghi trùng giữ như cũ'), expect.stringContaining('cập nhật sẽ đổi ghi chú')])
    await commitImport(core.ctx, preview, { [preview.rows[0]!.row]: 'update' })
    const o2 = await core.db.selectFrom('organization').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow()
    expect(o2).toMatchObject({ kind: org.kind, website: org.website, country: org.country, nameEn: org.nameEn, localityId: org.localityId, notes: 'Ghi chú mới' })
  })

  it('lists every problem with its row and column, and the command line writes nothing', async () => {
    const path = await xlsx('problems.xlsx', HEADERS, [
      ['', 'MOU', '01/03/2024', 'Thanh Hóa', 'Yamanashi', ''],
      ['Văn kiện với tỉnh lạ', 'MOU', '01/03/2024', 'Tỉnh Không Có', 'Yamanashi', ''],
      ['Văn kiện ngày sai', 'MOU', 'hôm qua', 'Thanh Hóa', 'Gunma', ''],
      ['Văn kiện ngày 31/02', 'MOU', '31/02/2025', 'Thanh Hóa', 'Gunma', ''],
      ['Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma', 'MOU', '', 'Hà Nam', 'Gunma', 'Giáo dục'],
      ['Văn kiện đúng', 'Loại lạ', '02/03/2024', 'Hà Nam', 'Gunma', 'Lĩnh vực lạ'],
    ])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    const problems = Object.fromEntries(preview.rows.map((r) => [r.row, r.problems.map((p) => `${p.level} ${p.column}: ${wordProblem(p, 'vi')}`)]))
    expect(problems[2]).toEqual(['error Tên văn kiện: Thiếu tên văn kiện'])
    expect(problems[3]).toEqual(['error Bên Việt Nam: Không tìm thấy “Tỉnh Không Có” trong danh bạ (địa phương hoặc tổ chức)'])
    expect(problems[4]).toEqual(['error Ngày ký: “hôm qua” không phải ngày hợp lệ (dd/MM/yyyy)'])
    expect(problems[5]).toEqual(['error Ngày ký: “31/02/2025” không phải ngày hợp lệ (dd/MM/yyyy)'])
    expect(problems[6]?.[0]).toMatch(/^warning null: Trùng với bản ghi đã có: Bản ghi nhớ hợp tác giữa tỉnh Hà Nam/)
    expect(preview.rows.find((r) => r.row === 6)?.action).toBe('skip')
    expect(problems[7]).toEqual([
      'warning Loại văn kiện: Không rõ loại văn kiện “Loại lạ”; bản ghi mới ghi là “Khác”, bản ghi trùng giữ như cũ',
      'warning Lĩnh vực: Lĩnh vực “Lĩnh vực lạ” không có trong danh mục; bỏ qua',
    ])

    const before = (await agreementCount())
    const lines: string[] = []
    expect(await main([...core.cliPlace, 'import', path, '--kind', 'agreements', '--json'], (s) => lines.push(s))).toBe(1)
    const report = JSON.parse(lines.join('\n'))
    expect(report.written).toBe(false)
    expect(report.problems.filter((p: { level: string }) => p.level === 'error').map((p: { row: number }) => p.row)).toEqual([2, 3, 4, 5])
    expect((await agreementCount())).toBe(before)
  })

  it('resolves a province that no longer exists to the old unit, with its lineage', async () => {
    const path = await xlsx('ha-nam.xlsx', HEADERS, [['Kế hoạch hợp tác Hà Nam – Gunma 2024', 'Chương trình, kế hoạch hợp tác', '10/01/2024', 'Hà Nam', 'Gunma', '']])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    await commitImport(core.ctx, preview)
    const hit = (await core.call('search.query', { q: 'ke hoach hop tac ha nam gunma 2024' })).find((h) => h.kind === 'agreement')!
    expect((await core.call('agreements.get', { id: hit.id })).parties[0]?.displayName).toBe('Hà Nam (nay thuộc tỉnh Ninh Bình)')
  })

  it.each([
    ['TCVN3', 'tcvn3', toTCVN3],
    ['VNI', 'vni', toVNI],
  ] as const)('recognises a sheet typed in %s and converts it on request', async (_name, encoding, encode) => {
    const path = await xlsx(`${encoding}.xlsx`, ['Tên tổ chức', 'Quốc gia', 'Tỉnh', 'Ghi chú'].map((h) => encode(h, 'unicode')), [
      [encode('Công ty Nông sản Phú Sĩ', 'unicode'), 'JP', 'Yamanashi', encode('Đối tác chế biến nông sản', 'unicode')],
      [encode('Hiệp hội Du lịch Hồ Kawaguchi', 'unicode'), 'JP', 'Yamanashi', encode('Giới thiệu tuyến du lịch Núi Phú Sĩ', 'unicode')],
    ])
    const raw = await previewImport(core.db, await table(path), 'partners')
    expect(raw.encodingSuspected).toBe(encoding)
    expect(raw.mapping.nameVi).toBeNull() // the garbled headers match nothing
    const converted = await previewImport(core.db, await table(path), 'partners', { encoding })
    expect(converted.headers).toEqual(['Tên tổ chức', 'Quốc gia', 'Tỉnh', 'Ghi chú'])
    expect(converted.rows.map((r) => r.values.nameVi)).toEqual(['Công ty Nông sản Phú Sĩ', 'Hiệp hội Du lịch Hồ Kawaguchi'])
    expect(converted.rows.flatMap((r) => r.problems)).toEqual([])
  })

  it('reads a UTF-8 .csv with a BOM, semicolons and quoted fields', async () => {
    const path = join(dir, 'people.csv')
    writeFileSync(path, '\uFEFFHọ và tên;Chức vụ;Tỉnh;Tên bản ngữ\n"YAMAMOTO Ichita";"Thống đốc; tỉnh Gunma";Gunma;山本 一太\n')
    const preview = await previewImport(core.db, await table(path), 'people')
    expect(preview.rows[0]?.problems).toEqual([])
    await commitImport(core.ctx, preview)
    const hit = (await core.call('search.query', { q: '山本' })).find((h) => h.kind === 'person')!
    expect(hit.title).toBe('YAMAMOTO Ichita (山本 一太)')
  })

  it('imports commitments under the agreement they name, and says which agreement it cannot tell', async () => {
    const YAMANASHI = 'Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi'
    const home = (await core.db.selectFrom('locality').select('id').where('nameVi', '=', 'Thanh Hóa').executeTakeFirstOrThrow()).id
    for (const signedDate of ['2019-04-01', '2023-04-01']) {
      await core.call('agreements.create', { kind: 'mou', titleVi: 'Biên bản ghi nhớ hợp tác thường niên', status: 'signed', signedDate, parties: [{ side: 'home', localityId: home }] })
    }
    const existing = 'Tiếp tục trao đổi, hoàn thiện các bước tiến tới ký kết văn bản hợp tác chính thức'
    const path = await xlsx('commitments.xlsx', ['Nội dung cam kết', 'Văn kiện', 'Ngày ký văn kiện', 'Đơn vị thực hiện', 'Hạn hoàn thành', 'Tình trạng'], [
      ['Đón đoàn doanh nghiệp chế biến nông sản Yamanashi', YAMANASHI, '', 'Sở Công Thương', '30/06/2027', 'Đang thực hiện'],
      ['Việc của một văn kiện không có', 'Văn kiện không có trong sổ', '', '', '', ''],
      ['Việc có hạn sai', YAMANASHI, '', '', '31/04/2027', ''],
      ['Báo cáo kết quả năm', 'Biên bản ghi nhớ hợp tác thường niên', '', '', '', ''],
      ['Báo cáo kết quả năm 2023', 'Biên bản ghi nhớ hợp tác thường niên', '01/04/2023', 'Sở Ngoại vụ', '', 'Chưa thực hiện'],
      [existing, YAMANASHI, '', '', '', 'Hoàn thành'],
    ])
    const preview = await previewImport(core.db, await table(path), 'commitments')
    expect(preview.mapping).toMatchObject({ action: 0, agreement: 1, agreementSignedDate: 2, owner: 3, dueDate: 4, status: 5 })
    const problems = Object.fromEntries(preview.rows.map((r) => [r.row, r.problems.map((p) => `${p.level} ${p.column}: ${wordProblem(p, 'vi')}`)]))
    expect(problems[2]).toEqual([])
    expect(problems[3]).toEqual(['error Văn kiện: Không tìm thấy văn kiện “Văn kiện không có trong sổ”'])
    expect(problems[4]).toEqual(['error Hạn hoàn thành: “31/04/2027” không phải ngày hợp lệ (dd/MM/yyyy)'])
    expect(problems[5]).toEqual(['error Văn kiện: Có 2 văn kiện cùng tên “Biên bản ghi nhớ hợp tác thường niên”; thêm cột “Ngày ký văn kiện” để chọn đúng'])
    expect(problems[6]).toEqual([])
    expect(problems[7]).toEqual([`warning null: Trùng với bản ghi đã có: ${existing}; cập nhật sẽ đổi đơn vị thực hiện và tình trạng`])

    // Rows with errors cannot be written; once skipped, the rest goes in, the match updated.
    await expect(commitImport(core.ctx, preview, { 3: 'create' })).rejects.toThrow(/Còn 1 dòng có lỗi/)
    expect(await commitImport(core.ctx, preview, { 7: 'update' })).toMatchObject({ created: 2, updated: 1, unchanged: 0 })
    const yamanashi = (await core.db.selectFrom('agreement').select('id').where('titleVi', '=', YAMANASHI).executeTakeFirstOrThrow()).id
    const commitments = (await core.call('agreements.get', { id: yamanashi })).commitments
    expect(commitments.find((c) => c.action.startsWith('Đón đoàn'))).toMatchObject({ owner: 'Sở Công Thương', dueDate: '2027-06-30', status: 'in_progress' })
    expect(commitments.find((c) => c.action === existing)?.status).toBe('done')
    const annual = await core.db.selectFrom('agreement').select(['id', 'signedDate']).where('titleVi', '=', 'Biên bản ghi nhớ hợp tác thường niên').execute()
    const of2023 = await core.call('agreements.get', { id: annual.find((a) => a.signedDate === '2023-04-01')!.id })
    expect(of2023.commitments.map((c) => [c.action, c.owner, c.status])).toEqual([['Báo cáo kết quả năm 2023', 'Sở Ngoại vụ', 'open']])
  })

  it('reads back the "Cam kết" sheet of its own register with statuses brought up to date', async () => {
    // The office sends the register out; a department marks one commitment done and returns it.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await agreementsWorkbook(core.db, '2026-11-23')) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Cam kết')!
    const invite = 'Mời lãnh đạo tỉnh Yamanashi thăm Thanh Hóa, dự Hội nghị Xúc tiến đầu tư Thanh Hóa năm 2026 và các sự kiện văn hóa – thương mại'
    let changed = 0
    ws.eachRow((row) => {
      if (row.getCell(4).value === invite) {
        row.getCell(7).value = 'Hoàn thành'
        changed++
      }
    })
    expect(changed).toBe(1)
    const path = join(dir, 'register-returned.xlsx')
    await wb.xlsx.writeFile(path)
    // The agreements register's sheet holds the agreements' commitments (not those of a trip's meetings).
    const sent = (await core.db.selectFrom('commitment').select(['id', 'updatedAt', 'status']).where('agreementId', 'is not', null).execute()).length

    // The commitments sheet is found by its name; the title row above the headers is passed over.
    const returned = await readTable(readFileSync(path), path, sheetFor('commitments'))
    expect(returned.sheet).toBe('Cam kết')
    const preview = await previewImport(core.db, returned, 'commitments')
    expect(preview.mapping).toMatchObject({ action: 3, agreement: 1, agreementSignedDate: 2, owner: 4, dueDate: 5, status: 6 })
    expect(preview.rows).toHaveLength(sent)
    expect(preview.rows.filter((r) => r.problems.some((p) => p.level === 'error'))).toEqual([])
    expect(preview.rows.filter((r) => r.match && !r.match.unchanged).map((r) => r.values.action)).toEqual([invite])

    const before = await core.db.selectFrom('commitment').select(['id', 'updatedAt']).execute()
    const lines: string[] = []
    expect(await main([...core.cliPlace, 'import', path, '--kind', 'commitments', '--update', '--json'], (s) => lines.push(s))).toBe(0)
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ sheet: 'Cam kết', written: true, created: 0, updated: 1, unchanged: sent - 1, skipped: 0 })
    const after = await core.db.selectFrom('commitment').select(['id', 'action', 'status', 'updatedAt']).where('agreementId', 'is not', null).execute()
    expect(after).toHaveLength(sent)
    expect(after.find((c) => c.action === invite)?.status).toBe('done')
    // Only the commitment that changed is marked as edited: the next pack exchange sees one change.
    const touched = after.filter((c) => c.updatedAt !== before.find((b) => b.id === c.id)?.updatedAt)
    expect(touched.map((c) => c.action)).toEqual([invite])
  })

  it('reads back the "Văn kiện" sheet of its own register: every row its record, one status changed', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await agreementsWorkbook(core.db, '2026-11-23')) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Văn kiện')!
    expect(ws.getRow(3).getCell(8).value).toBe('Tình trạng')
    const target = 'Bản ghi nhớ hợp tác giữa tỉnh Hà Nam và tỉnh Gunma'
    ws.eachRow((row) => {
      if (row.getCell(2).value === target) row.getCell(8).value = 'Đang hiệu lực'
    })
    const path = join(dir, 'register-agreements.xlsx')
    await wb.xlsx.writeFile(path)
    const total = (await agreementCount())
    const before = await core.db.selectFrom('agreement').select(['id', 'updatedAt']).execute()

    const preview = await previewImport(core.db, await readTable(readFileSync(path), path, sheetFor('agreements')), 'agreements')
    expect(preview.sheet).toBe('Văn kiện')
    expect(preview.rows).toHaveLength(total)
    expect(preview.rows.flatMap((r) => r.problems.filter((p) => p.level !== 'info').map((p) => `${r.row} ${p.column}: ${wordProblem(p, 'vi')}`)).filter((p) => !p.includes('Trùng với'))).toEqual([])
    expect(preview.rows.filter((r) => !r.match?.unchanged).map((r) => r.values.titleVi)).toEqual([target])

    const lines: string[] = []
    expect(await main([...core.cliPlace, 'import', path, '--kind', 'agreements', '--update', '--json'], (s) => lines.push(s))).toBe(0)
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ sheet: 'Văn kiện', written: true, created: 0, updated: 1, unchanged: total - 1 })
    const after = await core.db.selectFrom('agreement').select(['id', 'titleVi', 'status', 'updatedAt']).execute()
    expect(after.filter((a) => a.updatedAt !== before.find((b) => b.id === a.id)?.updatedAt).map((a) => [a.titleVi, a.status])).toEqual([[target, 'in_force']])
    // Parties read back by the names the register gives them, old units included.
    expect((await core.call('agreements.get', { id: '01936d00-0000-7000-8000-000300000001' })).parties.map((p) => p.displayName)).toEqual(['Hà Nam (nay thuộc tỉnh Ninh Bình)', 'Gunma'])
  })

  it('refuses a truncated .xlsx with a clear message', async () => {
    const path = await xlsx('whole.xlsx', HEADERS, [['A', 'MOU', '', 'Thanh Hóa', 'Gunma', '']])
    const broken = join(dir, 'truncated.xlsx')
    writeFileSync(broken, readFileSync(path).subarray(0, 600))
    await expect(table(broken)).rejects.toThrow(/Tệp Excel bị hỏng/)
  })
})

describe('an import killed half-way', () => {
  it('leaves a sound database holding all of the import or none of it', async () => {
    const db = join(dir, 'kill.sqlite')
    expect(await main(['--db', db, 'demo', 'load'], () => {})).toBe(0)
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Văn kiện hàng loạt ${i + 1}`, 'MOU', '01/06/2024', 'Thanh Hóa', 'Yamanashi', 'Du lịch'])
    const path = await xlsx('10000.xlsx', HEADERS, rows)
    const before = (new Database(db, { readonly: true }).prepare('SELECT count(*) AS n FROM agreement').get() as { n: number }).n
    const cli = resolve(import.meta.dirname, '..', '..', 'cli.ts')
    const child = spawn(process.execPath, [cli, '--db', db, 'import', path, '--kind', 'agreements'], { stdio: 'ignore' })
    // Kill it once the import's transaction is writing (the WAL grows), long before it ends.
    const wal = `${db}-wal`
    await new Promise<void>((done, fail) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (existsSync(wal) && statSync(wal).size > 2_000_000) {
          clearInterval(poll)
          child.kill('SIGKILL')
          done()
        } else if (child.exitCode !== null || Date.now() - started > 60_000) {
          clearInterval(poll)
          fail(new Error('the import ended before it could be interrupted'))
        }
      }, 10)
    })
    await new Promise((r) => child.on('exit', r))
    const after = new Database(db)
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    const n = (after.prepare('SELECT count(*) AS n FROM agreement').get() as { n: number }).n
    after.close()
    expect([before, before + 10_000]).toContain(n)
  }, 120_000)
})
