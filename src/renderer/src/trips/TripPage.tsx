import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ITEM_KINDS, MEMBER_ROLES, TRIP_DIRECTIONS } from '../../../shared/domain/labels.ts'
import type { ItineraryItem } from '../../../shared/domain/trips.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, queryClient, useApi } from '../api.ts'
import { ErrorAlert, Info, Loading, PageHeader, RecordActions } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { ItemForm } from './ItemForm.tsx'
import { TripForm } from './TripForm.tsx'
import { PackButton } from '../components/PackButton.tsx'
import { openable } from '../components/openable.ts'
import { useOpenParam } from '../search/open-param.ts'
import { TripOutcomesActions } from './TripOutcomesActions.tsx'
import { ProgrammeButton } from '../documents/ProgrammeButton.tsx'
import { DirectionBadge } from './DirectionBadge.tsx'
import { TripHosts } from './TripHosts.tsx'
import { Writable } from '../app/session.tsx'

export function TripPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label } = useLabels()
  const navigate = useNavigate()
  const [editing, edit] = useDisclosure(false)
  const [item, setItem] = useState<ItineraryItem | 'new' | null>(null)
  const { data: trip, error } = useApi('trips.get', { id })
  // A programme item found by search opens here, in its trip.
  useOpenParam('item', trip?.items, setItem)
  if (error) return <ErrorAlert error={error} />
  if (!trip) return <Loading />
  const days = [...new Set(trip.items.map((i) => i.start.slice(0, 10)))].sort()
  const duplicate = async () => {
    const { id: copy } = await call('trips.duplicate', { id })
    await queryClient.invalidateQueries()
    navigate(`/trips/${copy}`)
  }
  return (
    <Stack>
      <PageHeader
        title={
          <>
            <DirectionBadge direction={trip.direction} label={label(TRIP_DIRECTIONS, trip.direction)} /> <span data-testid="trip-title">{trip.title}</span>
          </>
        }
        subtitle={`${formatDate(trip.startDate)} – ${formatDate(trip.endDate)} · ${trip.destinations.map((d) => d.nameVi).join(', ')}`}
        actions={
          <>
            <Button onClick={() => navigate(`/trips/${id}/brief`)} data-testid="open-brief">
              {t('trips.brief')}
            </Button>
            <TripOutcomesActions tripId={id} endDate={trip.endDate} />
            <Button variant="light" onClick={() => navigate(`/trips/${id}/approval`)} data-testid="open-approval">
              {t('approval.open')}
            </Button>
            <ProgrammeButton tripId={id} />
            <PackButton tripId={id} />
            <Writable>
              <Button variant="default" onClick={duplicate}>
                {t('trips.duplicate')}
              </Button>
            </Writable>
            <RecordActions name={trip.title} onEdit={edit.open} onDelete={() => call('trips.delete', { id })} listPath="/trips" />
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={trip.direction === 'in' ? t('incoming.receivingHome') : t('trips.home')}>{trip.homeLocalityName}</Info>
            <Info label={t('trips.objectives')}>{trip.objectives}</Info>
            <Info label={t('trips.notes')}>{trip.notes}</Info>
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {trip.direction === 'in' ? t('incoming.visitors') : t('trips.members')} ({trip.members.length})
          </Text>
          <Table verticalSpacing={4} data-testid="members">
            <Table.Tbody>
              {trip.members.map((m, i) => (
                <Table.Tr key={i}>
                  <Table.Td fw={600}>{m.name}</Table.Td>
                  <Table.Td>{m.title}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="indigo.8" style={{ whiteSpace: 'nowrap' }}>
                      {label(MEMBER_ROLES, m.role)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        {trip.direction === 'in' && <TripHosts hosts={trip.hosts} />}
      </SimpleGrid>
      <Group justify="space-between">
        <Title order={3}>{t('trips.programme')}</Title>
        <Writable>
          <Button variant="light" onClick={() => setItem('new')} data-testid="add-item">
            {t('trips.addItem')}
          </Button>
        </Writable>
      </Group>
      {trip.items.length === 0 && <Text c="dimmed">{t('trips.noItems')}</Text>}
      {days.map((day) => (
        <Card key={day} withBorder data-testid="programme-day">
          <Group gap="xs" mb="xs">
            <Text fw={700}>{formatDate(day)}</Text>
            {(day < trip.startDate || day > trip.endDate) && <Badge color="orange">{t('trips.outsideDates')}</Badge>}
          </Group>
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Tbody>
              {trip.items
                .filter((i) => i.start.startsWith(day))
                .map((i) => (
                  <Table.Tr key={i.id} {...openable(() => setItem(i))} data-testid="programme-item">
                    <Table.Td w={120}>{`${i.start.slice(11)}${i.end ? `–${i.end.slice(11)}` : ''}`}</Table.Td>
                    <Table.Td>
                      <Text fw={600}>{i.title}</Text>
                      <Text size="sm" c="dimmed">
                        {[label(ITEM_KINDS, i.kind), i.place].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td w="30%">
                      {i.counterparts.map((c, k) => (
                        <Text key={k} size="sm" c={c.exists ? undefined : 'red'}>
                          {c.exists ? c.name : `⚠ ${t('trips.deletedCounterpart')}`}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      {editing && <TripForm trip={trip} onClose={edit.close} />}
      {item && <ItemForm tripId={id} item={item === 'new' ? undefined : item} defaultDay={trip.startDate} onClose={() => setItem(null)} />}
    </Stack>
  )
}
