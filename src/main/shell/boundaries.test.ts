/**
 * The shell's boundaries, read from the sources: only src/main/shell imports electron, so
 * everything else in src/main runs under plain Node (vitest, the CLI, the e2e host); and
 * the preload is the one-function bridge, importing nothing but electron.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BRIDGE_GLOBAL } from '../../shared/client.ts'

const SRC = resolve(import.meta.dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

/** Every module specifier a file imports or re-exports, with whether the import is type-only. */
function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8')
  const found: { from: string; typeOnly: boolean }[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ from: m[2]!, typeOnly: !!m[1] })
  }
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ from: m[1]!, typeOnly: false })
  return found
}

const isElectron = (from: string) => from === 'electron' || from.startsWith('electron/')

/** The files under `dir` that import electron, as paths from src/, counting type-only imports or not. */
function electronImporters(dir: string, { typesToo }: { typesToo: boolean }): string[] {
  return sources(dir)
    .filter((f) => importsOf(f).some((i) => isElectron(i.from) && (typesToo || !i.typeOnly)))
    .map((f) => relative(SRC, f).split('\\').join('/'))
    .sort()
}

describe('the Electron shell', () => {
  it('is the only part of src/main that imports electron', () => {
    const importers = electronImporters(join(SRC, 'main'), { typesToo: true })
    expect(importers.filter((f) => !f.startsWith('main/shell/'))).toEqual([])
  })

  it('loads electron from four files; the rest of it (origins, lockdown, CSP) runs under vitest', () => {
    expect(electronImporters(join(SRC, 'main'), { typesToo: false })).toEqual(['main/shell/index.ts', 'main/shell/platform.ts', 'main/shell/transport.ts', 'main/shell/window.ts'])
  })
})

describe('the preload', () => {
  const PRELOAD = join(SRC, 'preload', 'index.ts')

  it('loads nothing but electron (types aside): no contract, no zod in its bundle', () => {
    const imports = importsOf(PRELOAD)
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron'])
    expect(sources(join(SRC, 'preload'))).toEqual([PRELOAD])
  })

  it('exposes one object, under the name the renderer and the e2e host use', () => {
    const text = readFileSync(PRELOAD, 'utf8')
    expect([...text.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])).toEqual([BRIDGE_GLOBAL])
  })
})
