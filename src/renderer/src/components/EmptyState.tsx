/**
 * What a list says when it has nothing to show: a sentence, and what to do about it (add
 * the first record, load the sample data, or clear the filter that hid everything).
 */
import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api.ts'
import { LoadSampleButton } from './SampleData.tsx'
import { useMayWrite } from '../app/session.tsx'

export type EmptyKind = 'localities' | 'organizations' | 'people' | 'agreements' | 'commitments' | 'engagements' | 'trips' | 'snippets'

export function EmptyState({
  kind,
  filtered = false,
  onAdd,
  addLabel,
}: {
  kind: EmptyKind
  /** A filter is set: the register may hold records that it hides. */
  filtered?: boolean
  onAdd?: () => void
  addLabel?: string
}) {
  const { t } = useTranslation()
  const { data: info } = useApi('app.info')
  const mayWrite = useMayWrite()
  return (
    <Stack gap="sm" align="flex-start" py="lg" data-testid="empty-state">
      <Text>{filtered && kind !== 'localities' ? t('empty.filtered') : t(`empty.${kind}`)}</Text>
      {!filtered && (
        <Group gap="xs">
          {onAdd && addLabel && mayWrite && (
            <Button onClick={onAdd} data-testid="empty-add">
              {addLabel}
            </Button>
          )}
          {info && !info.demoLoaded && mayWrite && <LoadSampleButton />}
        </Group>
      )}
    </Stack>
  )
}
