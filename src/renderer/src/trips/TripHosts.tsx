import { Card, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { HOST_ROLES } from '../../../shared/domain/labels.ts'
import type { Trip } from '../../../shared/domain/trips.ts'
import { useLabels } from '../i18n/index.ts'

/** A visit received: who from our side receives the delegation, and their part. */
export function TripHosts({ hosts }: { hosts: Trip['hosts'] }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('incoming.hosts')} ({hosts.length})
      </Text>
      {hosts.length === 0 && <Text c="dimmed">{t('incoming.noHosts')}</Text>}
      <Table verticalSpacing={4} data-testid="hosts-table">
        <Table.Tbody>
          {hosts.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td fw={600}>{h.name || '—'}</Table.Td>
              <Table.Td>{h.title}</Table.Td>
              <Table.Td>
                <Text size="sm" c="teal.9" style={{ whiteSpace: 'nowrap' }}>
                  {label(HOST_ROLES, h.role)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
