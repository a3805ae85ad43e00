import { describe, expect, it } from 'vitest'
import { agreementInput } from '../domain/agreements.ts'
import { designated, lineageIn, withSuccessors } from '../domain/lineage.ts'
import { subtitleIn } from '../domain/subtitles.ts'
import { errorLines, issuesOf, wordErrorBoth } from './index.ts'

const refused = (input: unknown) => {
  const r = agreementInput.safeParse(input)
  if (r.success) throw new Error('accepted')
  return { code: 'invalid_input' as const, reason: 'invalid_input' as const, details: issuesOf(r.error) }
}

describe('messages', () => {
  it('names every problem of a refused agreement, a missing title as required, in either language', () => {
    const error = refused({ kind: 'mou', status: 'signed', titleVi: null, parties: [], validFrom: '2025-06-01', validUntil: '2025-01-01' })
    expect(errorLines(error, 'en').lines).toEqual([
      'Title (Vietnamese): Required',
      'Parties: An agreement needs at least one party',
      'Valid until: The validity ends before it starts',
    ])
    expect(errorLines(error, 'vi').lines[0]).toBe('Tên văn kiện (tiếng Việt): Bắt buộc')
    expect(wordErrorBoth(error).split('\n')[1]).toBe('  Tên văn kiện (tiếng Việt): Bắt buộc / Title (Vietnamese): Required')
  })

  it('names an empty title as required, not as a wrong kind of text', () => {
    const error = refused({ kind: 'mou', status: 'signed', titleVi: '   ', parties: [] })
    expect(errorLines(error, 'en').lines[0]).toBe('Title (Vietnamese): Required')
  })

  it('words the lineage of a unit that ceased in the window’s language, the names staying the register’s', () => {
    const name = withSuccessors('Hà Nam', [{ nameVi: 'Ninh Bình', designationVi: 'tỉnh' }])
    expect(name).toBe('Hà Nam (nay thuộc tỉnh Ninh Bình)')
    expect(lineageIn(`${name} – Gunma`, 'en')).toBe('Hà Nam (now part of Ninh Bình Province) – Gunma')
    expect(lineageIn(name, 'vi')).toBe(name)
    expect(designated({ nameVi: 'Huế', designationVi: 'thành phố' }, 'en')).toBe('Huế City')
    expect(subtitleIn('Nhật Bản · Bản ghi nhớ (MOU) · đến 30/06/2025', 'en')).toBe('Japan · Memorandum of understanding · until 30/06/2025')
  })
})
