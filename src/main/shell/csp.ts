/**
 * The renderer's Content-Security-Policy, sent as a header with every response that serves
 * the built renderer: by the app:// protocol handler in Electron and by the e2e host, so the
 * tests run under the policy the app ships with. Pure (no electron), for both to import.
 *
 * Everything comes from the bundle; the app makes no network requests. Styles allow
 * 'unsafe-inline' because Mantine sets style attributes and injects its CSS variables.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
