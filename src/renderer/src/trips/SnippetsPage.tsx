import { Button, Card, Group, MultiSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Snippet } from '../../../shared/domain/trips.ts'
import { call, useApi } from '../api.ts'
import { FormModal } from '../components/FormModal.tsx'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { DeleteButton, foldFilter, PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { useLabels } from '../i18n/index.ts'
import { useShortcut } from '../app/shortcuts.ts'
import { openable } from '../components/openable.ts'
import { useOpenParam } from '../search/open-param.ts'
import { Writable } from '../app/session.tsx'

export function SnippetsPage() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: loaded, isSuccess } = useApi('snippets.list')
  const data = loaded ?? []
  const { data: sectors = [] } = useApi('reference.sectors')
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null)
  useShortcut('new', () => setEditing('new'))
  // A talking point found by search opens here, in the library.
  useOpenParam('open', loaded, setEditing)
  const sectorLabel = (c: string) => sectors.find((s) => s.code === c)?.[lang] ?? c
  return (
    <Stack>
      <PageHeader title={t('snippets.title')} subtitle={t('common.count', { count: data.length })} actions={<Writable><Button onClick={() => setEditing('new')}>{t('snippets.new')}</Button></Writable>} />
      {isSuccess && data.length === 0 && <EmptyState kind="snippets" onAdd={() => setEditing('new')} addLabel={t('snippets.new')} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {data.map((s) => (
          <Card key={s.id} withBorder {...openable(() => setEditing(s), 'button')}>
            <Text fw={600}>{s.title}</Text>
            <Text size="sm">{s.text}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {[s.scopeName, s.sectors.map(sectorLabel).join(', ')].filter(Boolean).join(' · ')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {editing && <SnippetForm snippet={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  )

}

function SnippetForm({ snippet, onClose }: { snippet?: Snippet; onClose: () => void }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: sectors = [] } = useApi('reference.sectors')
  const form = useForm({
    initialValues: {
      title: snippet?.title ?? '',
      text: snippet?.text ?? '',
      sectors: snippet?.sectors ?? [],
      scope: snippet?.localityId ? `locality:${snippet.localityId}` : snippet?.organizationId ? `organization:${snippet.organizationId}` : (null as string | null),
    },
  })
  const save = async (v: typeof form.values) => {
    const ref = decodePartner(v.scope)
    const input = { title: v.title, text: v.text, sectors: v.sectors, localityId: ref?.kind === 'locality' ? ref.id : null, organizationId: ref?.kind === 'organization' ? ref.id : null }
    if (snippet) await call('snippets.update', { id: snippet.id, expectedUpdatedAt: snippet.updatedAt, ...input })
    else await call('snippets.create', input)
  }
  return (
    <FormModal title={snippet ? t('snippets.edit') : t('snippets.new')} opened onClose={onClose} form={form} save={save} size="lg">
      <TextInput label={t('snippets.snippetTitle')} required data-autofocus {...form.getInputProps('title')} />
      <Textarea label={t('snippets.text')} required autosize minRows={3} {...form.getInputProps('text')} />
      <MultiSelect label={t('trips.sectors')} data={sectors.map((s) => ({ value: s.code, label: s[lang] }))} searchable filter={foldFilter} {...form.getInputProps('sectors')} />
      <PartnerSelect kinds={['locality', 'organization']} label={t('snippets.scope')} value={form.values.scope} onChange={(v) => form.setFieldValue('scope', v)} />
      {snippet && (
        <Group>
          <DeleteButton name={snippet.title} onConfirm={async () => (await call('snippets.delete', { id: snippet.id }), onClose())} />
        </Group>
      )}
    </FormModal>
  )
}
