import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support.ts'
import { openDatabase } from '../connection.ts'
import { migrations } from './index.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('0009-tombstones', () => {
  it('adds the deletions table and the audit source, keeping the log and the queue as they were', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const path = join(dir, 'db.sqlite')
    const before = await openDatabase(path, { migrations: migrations.slice(0, 8) })
    before.sqlite.prepare(`INSERT INTO audit_log (id, entity, entity_id, action, before, after, at, actor) VALUES ('a1', 'agreement', 'x', 'create', NULL, '{}', '2026-01-01T00:00:00.000Z', 'cán bộ')`).run()
    before.sqlite.prepare(`INSERT INTO search_queue (kind, entity_id) VALUES ('agreement', 'x')`).run()
    await before.close()

    const { sqlite, close } = await openDatabase(path)
    expect(sqlite.prepare(`SELECT id, actor, source FROM audit_log`).all()).toEqual([{ id: 'a1', actor: 'cán bộ', source: null }])
    expect(sqlite.prepare(`SELECT kind, entity_id, dependents FROM search_queue`).all()).toEqual([{ kind: 'agreement', entity_id: 'x', dependents: 0 }])
    const columns = (sqlite.prepare(`SELECT name, pk FROM pragma_table_info('tombstone') ORDER BY cid`).all() as Array<{ name: string; pk: number }>).map((c) => [c.name, c.pk])
    expect(columns).toEqual([['tbl', 1], ['id', 2], ['deleted_at', 0], ['deleted_by', 0], ['origin', 0]])
    // A deletion is kept once per record.
    const insert = sqlite.prepare(`INSERT INTO tombstone VALUES ('agreement', 'x', '2026-01-02T00:00:00.000Z', 'cán bộ', 'o')`)
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE/)
    await close()
  })
})
