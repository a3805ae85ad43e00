import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { OrganizationRow } from '../../../shared/domain/partners.ts'
import { COUNTRIES, ORGANIZATION_KINDS } from '../../../shared/domain/labels.ts'
import { fold } from '../../../shared/text/fold.ts'
import { useApi } from '../api.ts'
import { PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { OrganizationForm } from './OrganizationForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

export function OrganizationsPage() {
  const { t } = useTranslation()
  const { label } = useLabels()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const { data = [], isSuccess } = useApi('organizations.list')
  const q = fold(text.trim())
  const rows = data.filter((o) => !q || fold([o.nameVi, o.nameEn, o.abbreviation, o.nameNative].join(' ')).includes(q))
  const columns: Column<OrganizationRow>[] = [
    { key: 'abbr', header: t('organizations.abbreviation'), width: '12%', render: (o) => <Text fw={600}>{o.abbreviation}</Text> },
    { key: 'name', header: t('common.name'), width: '38%', render: (o) => o.nameVi },
    { key: 'native', header: t('localities.nativeShort'), width: '22%', render: (o) => <span lang="ja">{o.nameNative}</span> },
    { key: 'kind', header: t('common.kind'), render: (o) => label(ORGANIZATION_KINDS, o.kind) },
    { key: 'country', header: t('common.country'), width: '10%', render: (o) => label(COUNTRIES, o.country) },
  ]
  return (
    <Stack>
      <PageHeader title={t('organizations.title')} subtitle={t('common.count', { count: rows.length })} actions={<Writable><Button onClick={open}>{t('organizations.new')}</Button></Writable>} />
      <TextInput label={t('common.filter')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
      <VirtualTable rows={rows} columns={columns} onRowClick={(o) => navigate(`/organizations/${o.id}`)} empty={isSuccess ? <EmptyState kind="organizations" filtered={!!q} onAdd={open} addLabel={t('organizations.new')} /> : null} />
      {adding && <OrganizationForm onClose={close} onSaved={(id) => navigate(`/organizations/${id}`)} />}
    </Stack>
  )
}
