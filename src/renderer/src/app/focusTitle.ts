/**
 * After each change of page the focus moves to the new page's title (its h1, tabIndex -1),
 * so that a keyboard or screen-reader user starts reading where the page starts, instead
 * of on the body or on a link of the page that has gone. A page shows its title once its
 * data has come: wait for it a little.
 */
import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

export const MAIN_ID = 'main-content'
const WAIT_MS = 3000

/** Focuses the main area's h1 (or the area itself): the skip link and page changes land here. */
export function focusMain(): boolean {
  const main = document.getElementById(MAIN_ID)
  const title = main?.querySelector<HTMLElement>('h1')
  const target = title ?? main
  if (!target) return false
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: false })
  return title !== null && title !== undefined
}

/** The focus was left nowhere, or on what led here (the sidebar, the header, a removed node). */
function focusIsIdle(before: Element | null): boolean {
  const active = document.activeElement
  if (!active || active === document.body) return true
  if (!active.isConnected || active === before) return true
  return active.closest('nav, header') !== null
}

export function useFocusTitleOnNavigate() {
  const { pathname } = useLocation()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const before = document.activeElement
    const started = Date.now()
    let timer = 0
    const attempt = () => {
      const late = Date.now() - started > WAIT_MS
      // A dialog still open (the form that led here, closing) keeps the focus until it closes.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) {
        if (!late) timer = window.setTimeout(attempt, 50)
        return
      }
      if (!focusIsIdle(before)) return
      const title = document.getElementById(MAIN_ID)?.querySelector('h1')
      if (title || late) {
        focusMain()
        return
      }
      timer = window.setTimeout(attempt, 50)
    }
    timer = window.setTimeout(attempt, 0)
    return () => window.clearTimeout(timer)
  }, [pathname])
}
