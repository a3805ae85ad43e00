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

describe('0008-partial-party-indexes', () => {
  it('indexes only the rows that name a partner, and lookups by partner still use those indexes', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const path = join(dir, 'db.sqlite')
    const before = await openDatabase(path, { migrations: migrations.slice(0, 7) })
    const definition = (sqlite: typeof before.sqlite, name: string) => (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(name) as { sql: string }).sql
    expect(definition(before.sqlite, 'engagement_participant_person_id')).not.toMatch(/WHERE/)
    await before.close()

    const { sqlite, close } = await openDatabase(path)
    for (const [table, index, column] of [
      ['engagement_participant', 'engagement_participant_locality_id', 'locality_id'],
      ['engagement_participant', 'engagement_participant_organization_id', 'organization_id'],
      ['engagement_participant', 'engagement_participant_person_id', 'person_id'],
      ['agreement_party', 'agreement_party_locality', 'locality_id'],
      ['agreement_party', 'agreement_party_organization', 'organization_id'],
    ]) {
      expect(definition(sqlite, index!)).toMatch(new RegExp(`WHERE "${column}" is not null$`, 'i'))
      // The shapes the app queries with: one partner, and a list of partners as JSON.
      for (const where of [`${column} = ?`, `${column} IN (SELECT value FROM json_each(?))`]) {
        const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${table} WHERE ${where}`).all('x') as Array<{ detail: string }>
        expect(plan.map((p) => p.detail).join('; ')).toContain(`USING INDEX ${index}`)
      }
    }
    await close()
  })
})
