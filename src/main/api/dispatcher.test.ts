import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, methods } from '../../shared/contract.ts'
import { openTestCore, type TestCore } from '../test-support.ts'

let core: TestCore
beforeEach(async () => {
  core = await openTestCore()
})
afterEach(() => core.dispose())

const auditCount = async () =>
  Number((await core.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

const validLocality = { country: 'JP', level: 'province' as const, nameVi: 'Thử nghiệm' }

describe('dispatcher', () => {
  it('has a handler for every contract method', () => {
    expect(methods.length).toBe(Object.keys(contract).length)
  })

  it.each([
    ['an unknown method', 'partners.dropAll', {}, 'unknown_method', undefined],
    ['a missing required field', 'localities.create', { ...validLocality, nameVi: '' }, 'invalid_input', 'nameVi'],
    ['a wrong type', 'localities.create', { ...validLocality, population: 'nhiều' }, 'invalid_input', 'population'],
    ['a value outside the list', 'localities.create', { ...validLocality, level: 'galaxy' }, 'invalid_input', 'level'],
    ['an oversized string', 'localities.create', { ...validLocality, notes: 'x'.repeat(100_001) }, 'invalid_input', 'notes'],
    ['31/02/2025', 'localities.create', { ...validLocality, validFrom: '2025-02-31' }, 'invalid_input', 'validFrom'],
    ['a malformed id', 'localities.get', { id: "1' OR 1=1" }, 'invalid_input', 'id'],
    ['no input at all', 'agreements.create', undefined, 'invalid_input', undefined],
  ])('refuses %s with a clear message and writes nothing', async (_label, method, input, code, path) => {
    const before = await auditCount()
    const r = await core.dispatch(method, input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(/[àáảãạăâđêôơư]/) // Vietnamese, with its marks
    if (path) expect(r.error.details?.map((d) => d.path)).toContain(path)
    expect(r.error).not.toHaveProperty('stack')
    expect(await auditCount()).toBe(before)
  })

  it('normalizes text to NFC and trims it', async () => {
    const { id } = await core.call('localities.create', { ...validLocality, nameVi: '  Thanh Hóa mới  '.normalize('NFD') })
    const detail = await core.call('localities.get', { id })
    expect(detail.locality.nameVi).toBe('Thanh Hóa mới')
    expect(detail.locality.nameVi).toBe(detail.locality.nameVi.normalize('NFC'))
  })

  it('reports unexpected errors without internals', async () => {
    await sql`DROP TABLE fact`.execute(core.db)
    const r = await core.dispatch('facts.create', { label: 'x', value: '1', scope: 'country', country: 'JP' })
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/dữ liệu không bị thay đổi/) } })
  })
})
