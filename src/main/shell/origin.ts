/**
 * Exact-origin checks for navigation, redirects and the IPC sender. Pure (no electron), so
 * vitest runs it. A URL prefix is not an origin: `app://hanh-trang.x` starts with
 * `app://hanh-trang`, and so does `app://hanh-trang@evil`.
 *
 * WHATWG URL gives every non-special scheme the opaque origin "null", so
 * `new URL('app://hanh-trang/').origin` is "null" in Node (Electron's main process) even
 * though Chromium treats our registered standard scheme as a tuple origin. `originOf` reads
 * the tuple itself for such schemes, and keeps `URL.origin` for http(s), where it is the
 * real thing (lower-cased host, default port dropped).
 */

/** Where the packaged renderer lives, served by the app:// protocol handler (index.ts). */
export const APP_ORIGIN = 'app://hanh-trang'

/** The URL's origin as `scheme://host[:port]`, or null when it has none (file:, javascript:, data:, garbage). */
export function originOf(url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  // Credentials in the authority are never ours, and they are how `app://hanh-trang@evil` misleads a reader.
  if (u.username !== '' || u.password !== '') return null
  if (u.origin !== 'null') return u.origin
  // A non-special scheme with a host (our app://): the tuple Chromium uses for standard schemes.
  if (u.host === '' || u.protocol === 'file:') return null
  return `${u.protocol}//${u.host}`
}

/** True only when `url` lies in exactly `origin` (as `originOf` spells it); false on anything unreadable. */
export function isAppUrl(url: string, origin: string): boolean {
  const o = originOf(url)
  return o !== null && o === originOf(origin)
}
