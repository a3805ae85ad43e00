import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../platform.ts'
import { sql } from 'kysely'
import { dialectOf } from '../db/dialect/index.ts'
import { openTestCore, tempDir, testDialect, type TestCore } from '../test-support.ts'
import { applyPackFile, exportPack } from './pack/index.ts'
import { wordErrorBoth } from '../../shared/messages/index.ts'

const MOU = '01936d00-0000-7000-8000-000300000001'
const PERSON = '01936d00-0000-7000-8000-000200000001'
const files = { attachmentToOpen: undefined as string | undefined, opened: [] as string[] }
let core: TestCore
const dir = tempDir()
beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(join(dir, 'out'), files) })
  await core.call('demo.load')
})
afterAll(() => core.dispose())

describe('attachments', () => {
  it('keeps a scan once by its hash, opens it with the system viewer and carries it in a pack', async () => {
    const scan = join(dir, 'Ban-ghi-nho-Ha-Nam-Gunma.pdf')
    writeFileSync(scan, '%PDF-1.4\n% bản quét văn kiện\n%%EOF\n')
    files.attachmentToOpen = scan
    const first = await core.call('attachments.add', { entity: 'agreement', entityId: MOU })
    await core.call('attachments.add', { entity: 'person', entityId: PERSON })
    // The same scan, stored once: in the data folder of a file, in the database of a server.
    if (testDialect === 'sqlite') expect(readdirSync(join(core.dir, 'attachments'))).toHaveLength(1)
    else expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stored_file`.execute(core.db)).rows[0]!.n).toBe(1)
    const [listed] = await core.call('attachments.list', { entityId: MOU })
    expect(listed).toMatchObject({ fileName: 'Ban-ghi-nho-Ha-Nam-Gunma.pdf', mime: 'application/pdf' })
    await core.call('attachments.open', { id: first!.id })
    // The viewer gets a copy the core made in the data folder, with the extension of what the bytes are.
    expect(files.opened).toHaveLength(1)
    expect(files.opened[0]!.startsWith(join(core.dir, 'viewing'))).toBe(true)
    expect(files.opened[0]).toMatch(/\.pdf$/)
    expect(readFileSync(files.opened[0]!, 'utf8')).toBe(readFileSync(scan, 'utf8'))

    const other = await openTestCore()
    const path = join(tempDir(), 'all.htpack')
    await exportPack(core.ctx, { kind: 'all' }, core.dir, path)
    await applyPackFile(other.ctx, path, other.dir)
    expect(await other.call('attachments.list', { entityId: MOU })).toEqual([expect.objectContaining({ sha256: listed!.sha256 })])
    expect(await dialectOf(other.db).files.has(other.db, other.dir, 'attachment', listed!.sha256)).toBe(true)
    await other.dispose()
  })

  it('refuses what is not a PDF or a picture', async () => {
    const exe = join(dir, 'chuong-trinh.exe')
    writeFileSync(exe, 'MZ')
    files.attachmentToOpen = exe
    const r = await core.dispatch('attachments.add', { entity: 'agreement', entityId: MOU })
    expect(r.ok ? null : r.error.reason).toBe('attachment_kind')
    expect(r.ok ? null : wordErrorBoth(r.error)).toMatch(/Chỉ đính kèm tệp PDF hoặc ảnh/)
  })
})
