/**
 * The brief rendered on its worker thread (workers/brief-render.ts) is the brief rendered
 * here, and what the worker refuses comes back as the same clear error.
 */
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefModel } from '../../../shared/domain/briefs.ts'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { renderBrief } from './file.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
let core: TestCore
let model: BriefModel
beforeAll(async () => {
  core = await openTestCore({ platform: folderPlatform(join(tempDir(), 'exports')), now: () => new Date('2026-11-23T09:00:00Z') })
  await core.call('demo.load')
  model = (await core.call('briefs.get', { tripId: TRIP })).model
})
afterAll(() => core.dispose())

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!)

describe('rendering a brief on its worker', () => {
  it('gives the document rendered on this thread, page numbers and all', async () => {
    const [worker, here] = await Promise.all([renderBrief(model), renderBrief(model, undefined, { here: true })])
    expect(worker).toBeInstanceOf(Uint8Array)
    expect(documentXml(worker)).toBe(documentXml(here))
    expect(documentXml(worker)).toContain('Yamanashi')
  })

  it('sends back a letterhead it cannot use as the clear error, in Vietnamese', async () => {
    const notDocx = new TextEncoder().encode('not a word file')
    await expect(renderBrief(model, notDocx)).rejects.toMatchObject({ name: 'AppError', code: 'invalid_input', message: expect.stringMatching(/\.docx/) })
  })
})
