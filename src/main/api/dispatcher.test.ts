import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, methods } from '../../shared/contract.ts'
import { errorLines, wordErrorBoth } from '../../shared/messages/index.ts'
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
    ['an unknown method', 'partners.dropAll', {}, { code: 'unknown_method', reason: 'unknown_method', params: { method: 'partners.dropAll' } }],
    ['a missing required field', 'localities.create', { ...validLocality, nameVi: '' }, { details: [{ field: 'nameVi', code: 'required' }] }],
    ['an empty required field sent as null', 'localities.create', { ...validLocality, nameVi: null }, { details: [{ field: 'nameVi', code: 'required' }] }],
    ['a wrong type', 'localities.create', { ...validLocality, population: 'nhiều' }, { details: [{ field: 'population', code: 'must_be_number' }] }],
    ['a value outside the list', 'localities.create', { ...validLocality, level: 'galaxy' }, { details: [{ field: 'level', code: 'not_in_list' }] }],
    ['an oversized string', 'localities.create', { ...validLocality, notes: 'x'.repeat(100_001) }, { details: [{ field: 'notes', code: 'too_long', params: { max: 100_000 } }] }],
    ['31/02/2025', 'localities.create', { ...validLocality, validFrom: '2025-02-31' }, { details: [{ field: 'validFrom', code: 'invalid_date' }] }],
    ['a malformed id', 'localities.get', { id: "1' OR 1=1" }, { details: [{ field: 'id', code: 'invalid_id' }] }],
    ['no input at all', 'agreements.create', undefined, { details: [{ field: '', code: 'required' }] }],
  ])('refuses %s with codes and no words, and writes nothing', async (_label, method, input, expected) => {
    const before = await auditCount()
    const r = await core.dispatch(method, input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toEqual({ code: 'invalid_input', reason: 'invalid_input', ...expected })
    // Nothing in it is prose: codes, field names and parameters, none of them a sentence.
    expect(JSON.stringify(r.error)).not.toMatch(/\s|[àáảãạăâđêôơư]/)
    expect(await auditCount()).toBe(before)
  })

  it('refuses every wrong field at once, each with its code', async () => {
    const r = await core.dispatch('agreements.create', { kind: 'mou', status: 'signed', titleVi: null, signedDate: '2025-02-31', parties: [] })
    expect(r.ok ? null : r.error.details).toEqual([
      { field: 'titleVi', code: 'required' },
      { field: 'signedDate', code: 'invalid_date' },
      { field: 'parties', code: 'needs_party' },
    ])
  })

  it('words a refusal in either language, and in both for the command line', async () => {
    const r = await core.dispatch('localities.create', { ...validLocality, nameVi: null, validFrom: '2025-02-31' })
    if (r.ok) throw new Error('accepted')
    expect(errorLines(r.error, 'en')).toEqual({ title: 'Some of what was entered is not valid', lines: ['Vietnamese name: Required', 'Valid from: Not a real date; for example 25/11/2025'] })
    expect(errorLines(r.error, 'vi')).toEqual({ title: 'Dữ liệu chưa hợp lệ', lines: ['Tên tiếng Việt: Bắt buộc', 'Hiệu lực từ: Ngày không hợp lệ, ví dụ 25/11/2025'] })
    expect(wordErrorBoth(r.error)).toBe(
      'Dữ liệu chưa hợp lệ / Some of what was entered is not valid\n  Tên tiếng Việt: Bắt buộc / Vietnamese name: Required\n  Hiệu lực từ: Ngày không hợp lệ, ví dụ 25/11/2025 / Valid from: Not a real date; for example 25/11/2025',
    )
  })

  it('sends a refusal of the core as its reason and parameters', async () => {
    const r = await core.dispatch('trips.get', { id: '01936d00-0000-7000-8000-999999999999' })
    expect(r).toEqual({ ok: false, error: { code: 'not_found', reason: 'not_found', params: { entity: 'trip' } } })
    if (r.ok) return
    expect(errorLines(r.error, 'en').title).toBe('Trip not found (it may have been deleted)')
    expect(errorLines(r.error, 'vi').title).toBe('Không tìm thấy đoàn công tác (có thể đã bị xóa)')
  })

  it('normalizes text to NFC and trims it', async () => {
    const { id } = await core.call('localities.create', { ...validLocality, nameVi: '  Thanh Hóa mới  '.normalize('NFD') })
    const detail = await core.call('localities.get', { id })
    expect(detail.locality.nameVi).toBe('Thanh Hóa mới')
    expect(detail.locality.nameVi).toBe(detail.locality.nameVi.normalize('NFC'))
  })

  it('reports unexpected errors without internals', async () => {
    core.sqlite.prepare('DROP TABLE fact').run()
    const r = await core.dispatch('facts.create', { label: 'x', value: '1', scope: 'country', country: 'JP' })
    expect(r).toEqual({ ok: false, error: { code: 'internal', reason: 'internal' } })
  })
})
