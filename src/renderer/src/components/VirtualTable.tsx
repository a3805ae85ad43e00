/**
 * A table that renders only the rows in view (TanStack Virtual), so a register of
 * thousands of agreements opens as fast as one of ten.
 *
 * From the keyboard the rows are one stop of the Tab order (a roving tabindex): the
 * arrows, Page Up/Down, Home and End move between them, scrolling the ones not yet
 * drawn into view, and Enter opens the row. It scrolls inside itself, both ways, so a
 * narrow window (200 % zoom) never scrolls the page sideways.
 */
import { Table, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface Column<T> {
  key: string
  header: ReactNode
  width?: number | string
  render: (row: T) => ReactNode
  /** The value the column sorts by; a column with one sorts when its header is pressed. */
  sort?: (row: T) => string | number | null
  /** Sortable by the core (the table's `onSortChange`) rather than here. */
  sortable?: boolean
}

export type TableSort = { key: string; dir: 1 | -1 } | null
type Sort = TableSort

/** Rows sorted by a column's value (empty values last, Vietnamese order for text). */
function sorted<T>(rows: T[], columns: Column<T>[], sort: Sort): T[] {
  const column = sort && columns.find((c) => c.key === sort.key)
  if (!sort || !column?.sort) return rows
  const value = column.sort
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === null || x === '') return y === null || y === '' ? 0 : 1
    if (y === null || y === '') return -1
    return sort.dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi'))
  })
}

export function VirtualTable<T extends { id: string }>({
  rows,
  columns,
  onRowClick,
  height = 'calc(100vh - 250px)',
  testId,
  onEndReached,
  label,
  minWidth = 720,
  sort: sortAsked,
  onSortChange,
  empty,
}: {
  rows: T[]
  columns: Column<T>[]
  onRowClick?: (row: T) => void
  height?: string
  testId?: string
  /** Called when the last rows come into view: the next page can be fetched. */
  onEndReached?: () => void
  /** The table's name for assistive technology (default: "Bảng dữ liệu"). */
  label?: string
  /** Below this width (px) the columns stop shrinking and the table scrolls sideways inside itself. */
  minWidth?: number
  /** With `onSortChange`, the order is the caller's (a list the core sorts a page at a time). */
  sort?: TableSort
  onSortChange?: (sort: TableSort) => void
  /** What to show instead of an empty table (an EmptyState; null while the rows are still coming). */
  empty?: ReactNode
}) {
  const { t } = useTranslation()
  const [sortHere, setSortHere] = useState<Sort>(null)
  const sort = onSortChange ? (sortAsked ?? null) : sortHere
  const next = (key: string): Sort => (sort?.key === key ? (sort.dir === 1 ? { key, dir: -1 } : null) : { key, dir: 1 })
  const setSort = (key: string) => (onSortChange ? onSortChange(next(key)) : setSortHere(next(key)))
  const shown = useMemo(() => (onSortChange ? rows : sorted(rows, columns, sort)), [rows, columns, sort, onSortChange])
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => parentRef.current, estimateSize: () => 46, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const lastIndex = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 20) onEndReached()
  }, [lastIndex, rows.length, onEndReached])

  // The row that takes the Tab stop; a move asks for the focus once the row is drawn.
  const [active, setActive] = useState(0)
  const focusWanted = useRef<number | null>(null)
  const current = Math.min(active, Math.max(shown.length - 1, 0))
  const tabStop = items.some((i) => i.index === current) ? current : (items[0]?.index ?? 0)
  useEffect(() => {
    const wanted = focusWanted.current
    if (wanted === null) return
    const row = parentRef.current?.querySelector<HTMLElement>(`tr[data-index="${wanted}"]`)
    if (row) {
      focusWanted.current = null
      row.focus()
    }
  })
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index))
    setActive(next)
    focusWanted.current = next
    virtualizer.scrollToIndex(next)
  }
  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    // Keys typed in a control inside the row (an inline select) are the control's.
    if (e.target !== e.currentTarget) return
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 10, PageUp: index - 10, Home: 0, End: shown.length - 1 }
    if (e.key in moves) {
      e.preventDefault()
      moveTo(moves[e.key]!)
    } else if ((e.key === 'Enter' || e.key === ' ') && onRowClick) {
      e.preventDefault()
      onRowClick(row)
    }
  }

  if (rows.length === 0) return empty === undefined ? <Text c="dimmed">{t('common.empty')}</Text> : empty
  return (
    <div
      ref={parentRef}
      className="virtual-table-scroll"
      style={{ height, overflow: 'auto' }}
      data-testid={testId}
      role="region"
      aria-label={label ?? t('a11y.table')}
    >
      <Table className="virtual-table" highlightOnHover verticalSpacing="xs" style={{ tableLayout: 'fixed', minWidth }} aria-rowcount={shown.length + 1}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {columns.map((c) => (
              <Table.Th key={c.key} style={{ width: c.width }} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                {c.sort || c.sortable ? (
                  <UnstyledButton
                    onClick={() => setSort(c.key)}
                    data-testid={`sort-${c.key}`}
                    fw={700}
                    fz="sm"
                  >
                    {c.header} {sort?.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                  </UnstyledButton>
                ) : (
                  c.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            <tr>
              <td colSpan={columns.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = shown[item.index]!
            return (
              <Table.Tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                ref={virtualizer.measureElement}
                className={onRowClick ? 'clickable-row' : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                tabIndex={item.index === tabStop ? 0 : -1}
                onFocus={(e) => e.target === e.currentTarget && setActive(item.index)}
                onKeyDown={(e) => onRowKeyDown(e, item.index, row)}
                data-testid="row"
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            )
          })}
          {bottom > 0 && (
            <tr>
              <td colSpan={columns.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  )
}
