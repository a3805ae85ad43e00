/** The office's legal bases, in the order documents cite them: added, edited, moved up and down, deleted. */
import { ActionIcon, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LegalBasis } from '../../../../shared/domain/approval.ts'
import { call, useApiMutation } from '../../api.ts'
import { DeleteButton, ErrorAlert } from '../../components/ui.tsx'

export function LegalBases({ bases }: { bases: LegalBasis[] }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)
  const create = useApiMutation('approval.createLegalBasis')
  const update = useApiMutation('approval.updateLegalBasis')
  const move = useApiMutation('approval.moveLegalBasis')
  return (
    <Stack gap="xs" data-testid="legal-bases">
      <Stack gap={0}>
        <Text fw={600}>{t('approval.legalBases')}</Text>
        <Text size="xs" c="dimmed">
          {t('approval.legalBasesHint')}
        </Text>
      </Stack>
      {bases.map((b, i) =>
        editing?.id === b.id ? (
          <Stack key={b.id} gap={4}>
            <Textarea autosize minRows={2} value={editing.text} onChange={(e) => setEditing({ id: b.id, text: e.currentTarget.value })} lang="vi" aria-label={t('approval.legalBasis')} />
            <Group gap="xs" justify="flex-end">
              <Button size="compact-sm" variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
              <Button size="compact-sm" onClick={() => update.mutate({ id: b.id, text: editing.text }, { onSuccess: () => setEditing(null) })} loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group key={b.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="legal-basis">
            <Text size="sm" w={24} c="dimmed">
              {i + 1}.
            </Text>
            <Text size="sm" style={{ flex: 1 }} lang="vi">
              {b.text}
            </Text>
            <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move.mutate({ id: b.id, by: -1 })} aria-label={t('approval.moveUpN', { n: i + 1 })}>
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={i === bases.length - 1} onClick={() => move.mutate({ id: b.id, by: 1 })} aria-label={t('approval.moveDownN', { n: i + 1 })}>
              ↓
            </ActionIcon>
            <ActionIcon variant="subtle" onClick={() => setEditing({ id: b.id, text: b.text })} aria-label={t('approval.editBasisN', { n: i + 1 })}>
              ✎
            </ActionIcon>
            <DeleteButton name={b.text.slice(0, 60)} onConfirm={() => call('approval.deleteLegalBasis', { id: b.id })} />
          </Group>
        ),
      )}
      <ErrorAlert error={create.error ?? update.error ?? move.error} />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea style={{ flex: 1 }} autosize minRows={1} label={t('approval.newLegalBasis')} placeholder={t('approval.newLegalBasisPlaceholder')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} lang="vi" data-testid="new-legal-basis" />
        <Button onClick={() => create.mutate({ text: draft }, { onSuccess: () => setDraft('') })} loading={create.isPending} data-testid="add-legal-basis">
          {t('approval.addLegalBasis')}
        </Button>
      </Group>
    </Stack>
  )
}
