/**
 * What the browser mode's page and its loopback server say to each other (src/main/web,
 * src/renderer/web-bridge.ts): header names, the fragment the secret comes in, and the
 * shape of an answer. Pure, so both sides import the one spelling.
 */
import type { Result } from './result.ts'

/** The URL's fragment carries the per-run secret: `http://127.0.0.1:PORT/#k=SECRET` (a fragment is never sent). */
export const SECRET_FRAGMENT_KEY = 'k'
/** The header every call carries the secret in. */
export const SECRET_HEADER = 'x-hanh-trang-secret'
/** The chosen file's name (URI-encoded), on an answer that uploads it. */
export const FILE_NAME_HEADER = 'x-hanh-trang-file-name'
/** `cancel` on an answer: the officer closed the file input without choosing. */
export const ANSWER_HEADER = 'x-hanh-trang-answer'
/** The page's bridge, a file of the renderer's build that index.html loads first in the browser mode. */
export const BRIDGE_FILE = 'web-bridge.js'

export type FileKind = 'spreadsheet' | 'pack' | 'docx' | 'attachment'

/** The handler waits for a file: the page shows its file input for `accept`, then answers `call`. */
export interface Ask {
  call: string
  kind: FileKind
  accept: string
}
/** A file the handler wrote, for the page to download once. */
export interface Download {
  url: string
  name: string
}
/** What the server answers a call (or an answer) with: the handler's result, or its next question. */
export type Envelope = { done: Result<unknown>; downloads?: Download[] } | { ask: Ask }
