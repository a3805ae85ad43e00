import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'

/** The 30 most recent changes: when, who, what. */
export function AuditSection() {
  const { t } = useTranslation()
  const { data: audit = [] } = useApi('audit.list')
  return (
    <>
      <Text fw={600}>{t('settings.audit')}</Text>
      <Table striped aria-label={t('settings.auditLabel')}>
        <Table.Tbody>
          {audit.slice(0, 30).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatDateTime(a.at)}</Table.Td>
              <Table.Td>{a.actor}</Table.Td>
              <Table.Td>{t(`settings.auditActions.${a.action}`, { defaultValue: a.action })}</Table.Td>
              <Table.Td>
                {t(`settings.entities.${a.entity}`, { defaultValue: a.entity })}
                {a.detail && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    – {a.detail}
                  </Text>
                )}
                {a.source?.startsWith('pack:') && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({t('settings.viaPack')})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
