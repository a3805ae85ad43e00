import { describe, expect, it } from 'vitest'
import { APP_ORIGIN as APP, isAppUrl, originOf } from './origin.ts'

const DEV = 'http://localhost:5173'

describe('originOf', () => {
  it('reads the tuple of our standard scheme, which WHATWG URL calls "null"', () => {
    expect(new URL('app://hanh-trang/index.html').origin).toBe('null')
    expect(originOf('app://hanh-trang/index.html')).toBe(APP)
    expect(originOf('app://hanh-trang')).toBe(APP)
  })

  it('keeps URL.origin for http', () => {
    expect(originOf('http://LOCALHOST:5173/x?y#z')).toBe(DEV)
    expect(originOf('http://localhost:80/')).toBe('http://localhost')
  })

  it('has no origin for opaque, credentialed or unreadable URLs', () => {
    for (const url of ['file:///C:/index.html', 'file://host/share', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', 'blob:app://hanh-trang/1', 'app:///index.html', 'app://a@hanh-trang/', 'not a url', '']) {
      expect(originOf(url), url).toBeNull()
    }
  })
})

describe('isAppUrl', () => {
  it('accepts the packaged app and the dev server, at any path', () => {
    expect(isAppUrl('app://hanh-trang/index.html', APP)).toBe(true)
    expect(isAppUrl('app://hanh-trang/assets/index.js?x#y', APP)).toBe(true)
    expect(isAppUrl('http://localhost:5173/index.html', DEV)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', `${DEV}/`)).toBe(true)
  })

  it('refuses what a prefix check lets through', () => {
    for (const url of [
      'app://hanh-trang.x/',
      'app://hanh-trang.evil.example/index.html',
      'app://hanh-trang@evil/',
      'app://hanh-trang:x@evil/',
      'app://user:pw@hanh-trang/',
      'app://evil/hanh-trang',
      'app://evil/?app://hanh-trang',
      'app://hanh-trang:80/',
      'app://hanh-trang./',
      'app://HANH-TRANG/',
      'app://hanh%2Dtrang/',
      'apps://hanh-trang/',
      'http://hanh-trang/',
      'file:///opt/hanh-trang/resources/app.asar/out/renderer/index.html',
      'javascript:location="app://hanh-trang/"',
      'data:text/html,<script>1</script>',
      'garbage',
      '',
    ]) {
      expect(isAppUrl(url, APP), url).toBe(false)
    }
  })

  it('tells the dev server from its neighbours', () => {
    for (const url of ['http://localhost:51730/', 'http://localhost:517/', 'http://localhost/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil:5173/', 'http://localhost:5173@evil/', 'ws://localhost:5173/']) {
      expect(isAppUrl(url, DEV), url).toBe(false)
    }
  })

  it('refuses everything when the expected origin is itself unreadable', () => {
    expect(isAppUrl('null', 'null')).toBe(false)
    expect(isAppUrl('file:///x', 'file:///x')).toBe(false)
    expect(isAppUrl('app://hanh-trang/', 'garbage')).toBe(false)
  })
})
