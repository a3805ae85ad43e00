/**
 * A brief's exports on an office's register (issue 13): the file is written on the
 * officer's own computer, the record of it is in the register, signed with the officer's
 * login, and a colleague sees it in the brief's export history. On both databases: two
 * officers on one server, or two windows of one file.
 */
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderPlatform } from '../platform.ts'
import { twoOfficers, type Office } from '../office-test-support.ts'
import { tempDir } from '../test-support.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const outs = [tempDir(), tempDir()]
let office: Office
beforeAll(async () => {
  office = await twoOfficers([{ platform: folderPlatform(outs[0]!) }, { platform: folderPlatform(outs[1]!) }])
  await office.a.call('demo.load')
}, 60_000)
afterAll(() => office.dispose())

describe("a brief's exports in the office", () => {
  it("are recorded with the officer's login; the colleague sees them in the history, the file stays with its officer", async () => {
    const exported = await office.a.call('briefs.export', { tripId: TRIP })
    expect(exported!.path.startsWith(outs[0]!)).toBe(true)
    expect(existsSync(exported!.path)).toBe(true)
    const seen = await office.b.call('briefs.exports', { tripId: TRIP })
    expect(seen).toEqual([expect.objectContaining({ actor: office.logins[0], document: 'brief', fileName: exported!.fileName, sha256: exported!.sha256 })])
    // The colleague's own export is recorded beside it, under their login; the file only on their computer.
    const theirs = await office.b.call('briefs.export', { tripId: TRIP })
    expect(theirs!.path.startsWith(outs[1]!)).toBe(true)
    const both = await office.a.call('briefs.exports', { tripId: TRIP })
    expect(both.map((e) => e.actor).sort()).toEqual([...office.logins].sort())
  }, 60_000)
})
