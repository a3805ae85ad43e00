/**
 * Every keyboard shortcut of the window, in one place: the keys, what they do, and the
 * words the `?` dialog shows for them. A page offers an action (a new record, an export)
 * with `useShortcut`; the shell listens once and runs the action of the page on screen.
 */
import { useEffect, useRef } from 'react'
import { useMayWrite } from './session.tsx'

export type ShortcutAction = 'search' | 'new' | 'export' | 'help'

export interface Shortcut {
  action: ShortcutAction
  /** With Ctrl (⌘ on a Mac), or a single key. */
  mod: boolean
  key: string
  /** The keys as the dialog shows them. */
  keys: string[]
  /** i18n key of what it does. */
  label: string
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'search', mod: true, key: 'k', keys: ['Ctrl', 'K'], label: 'shortcuts.search' },
  { action: 'search', mod: false, key: '/', keys: ['/'], label: 'shortcuts.search' },
  { action: 'new', mod: true, key: 'n', keys: ['Ctrl', 'N'], label: 'shortcuts.new' },
  { action: 'export', mod: true, key: 'e', keys: ['Ctrl', 'E'], label: 'shortcuts.export' },
  { action: 'help', mod: false, key: '?', keys: ['?'], label: 'shortcuts.help' },
]

/** Keys that work where the focus is (lists, dialogs, the brief's sections): listed in the dialog too. */
export const LOCAL_KEYS: Array<{ keys: string[]; label: string }> = [
  { keys: ['Tab'], label: 'shortcuts.tab' },
  { keys: ['↑', '↓'], label: 'shortcuts.rows' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['Space'], label: 'shortcuts.drag' },
  { keys: ['Esc'], label: 'shortcuts.close' },
]

const offered = new Map<ShortcutAction, Array<{ run: () => void }>>()

/** Offers an action while the component is shown; the last one shown wins. */
export function useShortcut(action: ShortcutAction, run: () => void) {
  const latest = useRef(run)
  // A viewer's login is offered no new record (app/session.tsx).
  const offer = useMayWrite() || action !== 'new'
  useEffect(() => {
    latest.current = run
  })
  useEffect(() => {
    if (!offer) return
    const entry = { run: () => latest.current() }
    const list = offered.get(action) ?? []
    offered.set(action, [...list, entry])
    return () => {
      offered.set(action, (offered.get(action) ?? []).filter((e) => e !== entry))
    }
  }, [action, offer])
}

/** Runs the action offered by the page on screen; false when none is. */
export function runShortcut(action: ShortcutAction): boolean {
  const entry = offered.get(action)?.at(-1)
  if (!entry) return false
  entry.run()
  return true
}

/** True while the officer types: a single-key shortcut must not eat the character. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return ['textbox', 'combobox', 'searchbox', 'spinbutton'].includes(target.getAttribute('role') ?? '')
}

/** The shortcut a key press means here, if any. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): Shortcut | undefined {
  if (e.altKey) return undefined
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  return SHORTCUTS.find((s) => {
    if (s.mod !== mod) return false
    if (s.mod) return key === s.key || e.code === `Key${s.key.toUpperCase()}`
    return key === s.key && !isTyping(e.target)
  })
}

/** A modal dialog is open: page shortcuts wait until it closes. */
const dialogOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null

/** The shell's one listener: search and help are the shell's own, the rest the page's. */
export function useShortcutKeys(own: Partial<Record<ShortcutAction, () => void>>) {
  const latest = useRef(own)
  useEffect(() => {
    latest.current = own
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return
      const shortcut = shortcutFor(e)
      if (!shortcut || dialogOpen()) return
      const mine = latest.current[shortcut.action]
      if (mine) mine()
      else if (!runShortcut(shortcut.action)) return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
