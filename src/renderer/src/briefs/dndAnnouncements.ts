/**
 * What dnd-kit says to a screen reader while a section is dragged, in the UI's language
 * and with the section's name and place ("Đã nhấc mục Chương trình, đang ở vị trí 2 trên 9"),
 * instead of its English defaults with the section's internal id.
 */
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core'
import type { TFunction } from 'i18next'

export function dndAnnouncements(t: TFunction, ids: readonly string[], name: (id: string) => string): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const item = (id: UniqueIdentifier) => name(String(id))
  const at = (id: UniqueIdentifier) => ({ position: ids.indexOf(String(id)) + 1, total: ids.length })
  return {
    screenReaderInstructions: { draggable: t('a11y.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('a11y.dnd.start', { item: item(active.id), ...at(active.id) }),
      onDragOver: ({ active, over }) => (over ? t('a11y.dnd.over', { item: item(active.id), ...at(over.id) }) : t('a11y.dnd.none', { item: item(active.id) })),
      onDragEnd: ({ active, over }) => (over ? t('a11y.dnd.end', { item: item(active.id), ...at(over.id) }) : t('a11y.dnd.cancel', { item: item(active.id) })),
      onDragCancel: ({ active }) => t('a11y.dnd.cancel', { item: item(active.id) }),
    },
  }
}
