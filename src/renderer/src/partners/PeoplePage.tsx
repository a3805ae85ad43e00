import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { PersonRow } from '../../../shared/domain/partners.ts'
import { COUNTRIES } from '../../../shared/domain/labels.ts'
import { fold } from '../../../shared/text/fold.ts'
import { useApi } from '../api.ts'
import { PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { PersonForm } from './PersonForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

export function PeoplePage() {
  const { t } = useTranslation()
  const { label } = useLabels()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const { data = [], isSuccess } = useApi('people.list')
  const q = fold(text.trim())
  const rows = data.filter((p) => !q || fold([p.displayName, p.nativeName, p.title, p.organizationName, p.localityName].join(' ')).includes(q))
  const columns: Column<PersonRow>[] = [
    { key: 'name', header: t('common.name'), width: '24%', render: (p) => <Text fw={600}>{p.displayName}</Text> },
    { key: 'native', header: t('localities.nativeShort'), width: '14%', render: (p) => <span lang="ja">{p.nativeName}</span> },
    { key: 'title', header: t('people.personTitle'), width: '34%', render: (p) => p.title },
    { key: 'where', header: `${t('people.organization')} / ${t('people.locality')}`, render: (p) => p.organizationName ?? p.localityName },
    { key: 'country', header: t('common.country'), width: '10%', render: (p) => label(COUNTRIES, p.country) },
  ]
  return (
    <Stack>
      <PageHeader title={t('people.title')} subtitle={t('common.count', { count: rows.length })} actions={<Writable><Button onClick={open}>{t('people.new')}</Button></Writable>} />
      <TextInput label={t('common.filter')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
      <VirtualTable rows={rows} columns={columns} onRowClick={(p) => navigate(`/people/${p.id}`)} empty={isSuccess ? <EmptyState kind="people" filtered={!!q} onAdd={open} addLabel={t('people.new')} /> : null} />
      {adding && <PersonForm onClose={close} onSaved={(id) => navigate(`/people/${id}`)} />}
    </Stack>
  )
}
