/**
 * A table that renders only the rows in view (TanStack Virtual), so a register of
 * thousands of agreements opens as fast as one of ten.
 */
import { Table, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface Column<T> {
  key: string
  header: ReactNode
  width?: number | string
  render: (row: T) => ReactNode
}

export function VirtualTable<T extends { id: string }>({
  rows,
  columns,
  onRowClick,
  height = 'calc(100vh - 250px)',
  testId,
  onEndReached,
}: {
  rows: T[]
  columns: Column<T>[]
  onRowClick?: (row: T) => void
  height?: string
  testId?: string
  /** Called when the last rows come into view: the next page can be fetched. */
  onEndReached?: () => void
}) {
  const { t } = useTranslation()
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => 46, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const lastIndex = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 20) onEndReached()
  }, [lastIndex, rows.length, onEndReached])

  if (rows.length === 0) return <Text c="dimmed">{t('common.empty')}</Text>
  return (
    <div ref={parentRef} style={{ height, overflow: 'auto' }} data-testid={testId}>
      <Table className="virtual-table" highlightOnHover verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} style={{ width: c.width }}>
                {c.header}
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
            const row = rows[item.index]!
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
