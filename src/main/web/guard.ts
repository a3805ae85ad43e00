/**
 * Who may talk to the loopback server. The page of the browser mode proves itself with a
 * per-run secret it read from the URL's fragment (which no request carries) and sends as a
 * header with every call; and every request must name our exact host and, when the
 * browser says where it comes from, our exact origin. That shuts out other sites in the
 * same browser (they cannot read the fragment, and their Origin is theirs) and DNS
 * rebinding (a rebound name arrives with its own Host header). Pure, for vitest.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { SECRET_HEADER } from '../../shared/web-protocol.ts'

export interface Refusal {
  /** 401 no secret, 403 a wrong secret or a foreign origin, 421 a request for another host. */
  status: 401 | 403 | 421
  /** Shown to whoever opened the page, in Vietnamese then English; never the secret. */
  message: string
}

export interface Expected {
  /** `127.0.0.1:PORT`, as the Host header must spell it. */
  host: string
  /** `http://127.0.0.1:PORT`. */
  origin: string
  /** The per-run secret, or null where there is none (the e2e host: its only client is the test). */
  secret: string | null
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** Any request: the exact Host, and no Origin but ours. */
export function checkRequest(headers: IncomingHttpHeaders, expected: Expected): Refusal | null {
  if (header(headers, 'host') !== expected.host) return { status: 421, message: 'Địa chỉ không đúng / wrong host' }
  const origin = header(headers, 'origin')
  if (origin !== undefined && origin !== expected.origin) return { status: 403, message: 'Nguồn gọi không được phép / foreign origin' }
  return null
}

/** A call (the API, an answer to a dialog): also our Origin, stated, and the secret. */
export function checkCall(headers: IncomingHttpHeaders, expected: Expected): Refusal | null {
  const refused = checkRequest(headers, expected)
  if (refused || expected.secret === null) return refused
  // Browsers state the Origin of every POST; a request without one is not from our page.
  if (header(headers, 'origin') !== expected.origin) return { status: 403, message: 'Nguồn gọi không được phép / foreign origin' }
  const given = header(headers, SECRET_HEADER)
  if (!given) {
    return {
      status: 401,
      message:
        'Trang này cần mã truy cập: hãy mở Hành Trang bằng đúng địa chỉ mà `npm start` đã in ra. / ' +
        'This page needs its access key: open Hành Trang from the exact address `npm start` printed.',
    }
  }
  if (!sameSecret(given, expected.secret)) return { status: 403, message: 'Mã truy cập không đúng / wrong access key' }
  return null
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}
