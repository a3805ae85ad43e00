import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, queryClient, useApi, useApiMutation } from '../api.ts'
import { ConfirmButton, ErrorAlert } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { formatMegabytes } from '../i18n/format.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { Writable } from '../app/session.tsx'

/** Backups: make one now, restore one (the current data is backed up first). */
export function BackupsSection() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: backups = [] } = useApi('backups.list')
  const create = useApiMutation('backups.create')
  const [restored, setRestored] = useState<string | null>(null)
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.backups')}</Text>
          <Button variant="light" onClick={() => create.mutate(undefined)} loading={create.isPending} data-testid="backup-now">
            {t('settings.backupNow')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.backupHint')}
        </Text>
        {create.data && <Alert color="teal">{t('settings.backupDone', { name: create.data.fileName })}</Alert>}
        {restored && <Alert color="teal">{t('settings.restored', { name: restored })}</Alert>}
        <ErrorAlert error={create.error} />
        <Table striped data-testid="backups" aria-label={t('settings.backupsLabel')}>
          <Table.Tbody>
            {backups.slice(0, 20).map((b) => (
              <Table.Tr key={b.fileName}>
                <Table.Td>{formatDateTime(b.at)}</Table.Td>
                <Table.Td>{t(`settings.reason.${b.reason}`, { defaultValue: b.reason })}</Table.Td>
                <Table.Td align="right">{formatMegabytes(b.bytes, lang)}</Table.Td>
                <Table.Td align="right">
                  <Writable>
                    <ConfirmButton
                      label={t('settings.restore')}
                      ariaLabel={`${t('settings.restore')} (${formatDateTime(b.at)})`}
                      question={t('settings.restoreConfirm', { at: formatDateTime(b.at) })}
                      onConfirm={async () => {
                        const safety = await call('backups.restore', { fileName: b.fileName })
                        await queryClient.invalidateQueries()
                        setRestored(safety.fileName)
                      }}
                    />
                  </Writable>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  )
}
