import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { TRIP_DIRECTIONS } from '../../../shared/domain/labels.ts'
import type { TripRow } from '../../../shared/domain/trips.ts'
import { useLabels } from '../i18n/index.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { useApi } from '../api.ts'
import { PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { TripForm } from './TripForm.tsx'
import { DirectionBadge } from './DirectionBadge.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

export function TripsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const { data: all = [], isSuccess } = useApi('trips.list')
  const { label, options } = useLabels()
  // Delegations sent, received, or both.
  const [direction, setDirection] = useState<'all' | 'out' | 'in'>('all')
  const data = direction === 'all' ? all : all.filter((r) => r.direction === direction)
  const columns: Column<TripRow>[] = [
    { key: 'dates', header: t('common.date'), width: '20%', render: (r) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` },
    {
      key: 'title',
      header: t('trips.tripTitle'),
      width: '46%',
      render: (r) => (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <DirectionBadge direction={r.direction} label={label(TRIP_DIRECTIONS, r.direction)} />
          <Text fw={600} lineClamp={2}>
            {r.title}
          </Text>
        </Group>
      ),
    },
    { key: 'dest', header: t('trips.destinations'), render: (r) => r.destinations },
    { key: 'n', header: t('trips.members'), width: '10%', render: (r) => r.members },
    { key: 'items', header: t('trips.programme'), width: '10%', render: (r) => `${r.items} ${t('trips.items')}` },
  ]
  return (
    <Stack>
      <PageHeader
        title={t('trips.title')}
        subtitle={t('common.count', { count: data.length })}
        actions={
          <>
            <SegmentedControl
              aria-label={t('incoming.direction')}
              data-testid="trip-direction-filter"
              value={direction}
              onChange={(v) => setDirection(v as typeof direction)}
              data={[{ value: 'all', label: t('incoming.all') }, ...options(TRIP_DIRECTIONS)]}
            />
            <Writable>
              <Button onClick={open} data-testid="new-trip">
                {t('trips.new')}
              </Button>
            </Writable>
          </>
        }
      />
      <VirtualTable rows={data} columns={columns} onRowClick={(r) => navigate(`/trips/${r.id}`)} testId="trips-table" empty={isSuccess ? <EmptyState kind="trips" onAdd={open} addLabel={t('trips.new')} /> : null} />
      {adding && <TripForm onClose={close} onSaved={(id) => navigate(`/trips/${id}`)} />}
    </Stack>
  )
}
