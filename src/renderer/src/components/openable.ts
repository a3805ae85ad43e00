/**
 * What makes a row or a card that opens something on a click reachable from the keyboard:
 * a Tab stop, Enter or Space to open, the focus ring of `.clickable-row`. (A row that opens
 * a page is better a link; this is for those that open a dialog, or sit in a table.)
 */
import type { KeyboardEvent } from 'react'

export function openable(open: () => void, role?: 'button') {
  return {
    tabIndex: 0,
    role,
    className: 'clickable-row',
    onClick: open,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      // Keys typed in a control inside the row are the control's.
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return
      e.preventDefault()
      open()
    },
  }
}
