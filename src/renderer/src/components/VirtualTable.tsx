/**
 * A table that renders only the rows in view (TanStack Virtual), so a register of
 * thousands of agreements opens as fast as one of ten.
 */
import { Table, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
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

  if (rows.length === 0) return empty === undefined ? <Text c="dimmed">{t('common.empty')}</Text> : empty
  return (
    <div ref={parentRef} style={{ height, overflow: 'auto' }} data-testid={testId}>
      <Table className="virtual-table" highlightOnHover verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
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
                ref={virtualizer.measureElement}
                className={onRowClick ? 'clickable-row' : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
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
