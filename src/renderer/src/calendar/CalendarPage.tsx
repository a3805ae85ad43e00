/**
 * "Lịch": the trips and engagements of a month, laid out by week, today marked; each entry
 * opens its record. The month is in the address (?month=2026-12), so Back returns to it.
 */
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { CalendarEntry } from '../../../shared/domain/calendar.ts'
import { ENGAGEMENT_KINDS, TRIP_DIRECTIONS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { useApi } from '../api.ts'
import { ErrorAlert, PageHeader } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { monthOf, monthSpan, monthWeeks, shiftMonth, type Month } from '../../../shared/time/months.ts'

const COLOR = { trip: 'grape', engagement: 'indigo' } as const
/** A delegation received is teal, a delegation sent grape (the trips list marks them alike). */
const colorOf = (e: CalendarEntry) => (e.type === 'trip' && e.kind === 'in' ? 'teal' : COLOR[e.type])
const href = (e: CalendarEntry) => (e.type === 'trip' ? `/trips/${e.id}` : `/engagements/${e.id}`)

function EntryLink({ entry }: { entry: CalendarEntry }) {
  const { label } = useLabels()
  const color = `var(--mantine-color-${colorOf(entry)}-7)`
  const mark = entry.type === 'trip' ? label(TRIP_DIRECTIONS, entry.kind) : null
  return (
    <Anchor
      component={Link}
      to={href(entry)}
      size="xs"
      fw={600}
      lineClamp={2}
      data-testid="calendar-entry"
      title={mark ? `${mark}: ${entry.title}` : entry.title}
      style={{ borderInlineStart: `3px ${entry.kind === 'in' ? 'double' : 'solid'} ${color}`, paddingInlineStart: 4, color, overflowWrap: 'anywhere' }}
    >
      {mark && entry.kind === 'in' && <span aria-hidden>⇲ </span>}
      {mark && <VisuallyHidden>{`${mark}: `}</VisuallyHidden>}
      {entry.title}
    </Anchor>
  )
}

function MonthGrid({ month, today, entries }: { month: Month; today: string; entries: CalendarEntry[] }) {
  const { t } = useTranslation()
  const weekdays = t('calendar.weekdays').split(',')
  return (
    <Table withTableBorder withColumnBorders layout="fixed" data-testid="calendar-grid" style={{ minWidth: 0 }}>
      <Table.Thead>
        <Table.Tr>
          {weekdays.map((d) => (
            <Table.Th key={d} ta="center" fz="xs" px={2}>
              {d}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {monthWeeks(month).map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((day) => {
              const isToday = day === today
              const inMonth = monthOf(day) === month
              const onDay = entries.filter((e) => e.startDate <= day && e.endDate >= day)
              return (
                <Table.Td
                  key={day}
                  valign="top"
                  px={4}
                  py={4}
                  h={96}
                  aria-current={isToday ? 'date' : undefined}
                  data-testid={isToday ? 'calendar-today' : undefined}
                  bg={isToday ? 'indigo.0' : inMonth ? undefined : 'gray.0'}
                >
                  <Stack gap={2}>
                    <Text
                      size="xs"
                      fw={isToday ? 800 : 500}
                      c={isToday ? 'white' : inMonth ? undefined : 'gray.7'}
                      bg={isToday ? 'indigo.7' : undefined}
                      w="fit-content"
                      px={isToday ? 6 : 0}
                      style={{ borderRadius: 10 }}
                    >
                      {Number(day.slice(8))}
                      {isToday && <VisuallyHidden>{` ${t('calendar.today')}`}</VisuallyHidden>}
                    </Text>
                    {onDay.map((e) => (
                      <EntryLink key={`${e.type}:${e.id}`} entry={e} />
                    ))}
                  </Stack>
                </Table.Td>
              )
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The month's entries as a list: dates in full, and readable at any zoom. */
function MonthList({ entries }: { entries: CalendarEntry[] }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  if (entries.length === 0) return <Text c="dimmed">{t('calendar.empty')}</Text>
  return (
    <Stack gap="xs" data-testid="calendar-list">
      {entries.map((e) => (
        <Group key={`${e.type}:${e.id}`} gap="xs" wrap="wrap" align="baseline">
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {formatDate(e.startDate) + (e.endDate !== e.startDate ? ` – ${formatDate(e.endDate)}` : '')}
          </Text>
          <Badge size="sm" variant={e.kind === 'in' ? 'filled' : 'light'} color={e.type === 'trip' && e.kind === 'in' ? 'teal.8' : COLOR[e.type]}>
            {e.type === 'trip' ? `${t('trips.single')} · ${label(TRIP_DIRECTIONS, e.kind)}` : label(ENGAGEMENT_KINDS, e.kind)}
          </Badge>
          <Anchor component={Link} to={href(e)} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {e.title}
          </Anchor>
          {e.where && (
            <Text size="sm" c="dimmed">
              {e.where}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  )
}

export function CalendarPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const asked = params.get('month') ?? undefined
  const { data, error } = useApi('calendar.month', asked ? { month: asked } : undefined, { placeholderData: (p) => p })
  const month = data?.month as Month | undefined
  const go = (m: Month) => setParams({ month: m })
  const span = month ? monthSpan(month) : null
  const named = month ? { month: Number(month.slice(5)), year: Number(month.slice(0, 4)), name: t('calendar.months').split(',')[Number(month.slice(5)) - 1] } : null
  // Everything, or only the delegations sent or received.
  const [direction, setDirection] = useState<'all' | 'out' | 'in'>('all')
  const { options } = useLabels()
  const entries = data ? data.entries.filter((e) => direction === 'all' || (e.type === 'trip' && e.kind === direction)) : []
  const inMonth = span && data ? entries.filter((e) => e.startDate <= span.last && e.endDate >= span.first) : []
  return (
    <Stack>
      <PageHeader
        title={t('calendar.title')}
        subtitle={named ? t('calendar.month', named) : undefined}
        actions={
          month && data && (
            <>
              <Button variant="default" onClick={() => go(shiftMonth(month, -1))} aria-label={t('calendar.previous')} data-testid="calendar-previous">
                ‹
              </Button>
              <Button variant="default" onClick={() => go(monthOf(data.today))} data-testid="calendar-this-month">
                {t('calendar.thisMonth')}
              </Button>
              <Button variant="default" onClick={() => go(shiftMonth(month, 1))} aria-label={t('calendar.next')} data-testid="calendar-next">
                ›
              </Button>
            </>
          )
        }
      />
      <ErrorAlert error={error} />
      {month && data && (
        <>
          <SegmentedControl
            w="fit-content"
            aria-label={t('incoming.direction')}
            data-testid="calendar-direction-filter"
            value={direction}
            onChange={(v) => setDirection(v as typeof direction)}
            data={[{ value: 'all', label: t('incoming.all') }, ...options(TRIP_DIRECTIONS)]}
          />
          <MonthGrid month={month} today={data.today} entries={entries} />
          <Title order={3} size="h4">
            {t('calendar.inMonth', named ?? {})}
          </Title>
          <MonthList entries={inMonth} />
        </>
      )}
    </Stack>
  )
}
