import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call, useApi, useApiMutation } from '../api.ts'
import { DeleteButton, ErrorAlert } from './ui.tsx'
import { Writable } from '../app/session.tsx'

/** Scans and pictures of an agreement or a person: attach, open with the system viewer, remove. */
export function Attachments({ entity, entityId }: { entity: 'agreement' | 'person'; entityId: string }) {
  const { t } = useTranslation()
  const { data = [] } = useApi('attachments.list', { entityId })
  const add = useApiMutation('attachments.add')
  const open = useApiMutation('attachments.open')
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('common.attachments')}</Text>
        <Writable>
          <Button size="xs" variant="light" onClick={() => add.mutate({ entity, entityId })} loading={add.isPending}>
            {t('common.attach')}
          </Button>
        </Writable>
      </Group>
      <ErrorAlert error={add.error ?? open.error} />
      <Stack gap={4}>
        {data.length === 0 && <Text c="dimmed" size="sm">{t('common.none')}</Text>}
        {data.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Anchor size="sm" onClick={() => open.mutate({ id: a.id })}>
              {a.fileName}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {Math.max(1, Math.round(a.bytes / 1024)).toLocaleString('vi-VN')} KB
              </Text>
              <DeleteButton name={a.fileName} onConfirm={() => call('attachments.delete', { id: a.id })} />
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  )
}
