import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { EngagementRow } from '../../../shared/domain/engagements.ts'
import { ENGAGEMENT_KINDS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { fold } from '../../../shared/text/fold.ts'
import { useApi } from '../api.ts'
import { PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { EngagementForm } from './EngagementForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

export function EngagementsPage() {
  const { t } = useTranslation()
  const { label } = useLabels()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const { data = [], isSuccess } = useApi('engagements.list')
  const q = fold(text.trim())
  const rows = data.filter((e) => !q || fold([e.title, e.place].join(' ')).includes(q))
  const columns: Column<EngagementRow>[] = [
    { key: 'date', header: t('common.date'), width: '14%', render: (e) => formatDate(e.startDate) + (e.endDate ? ` – ${formatDate(e.endDate)}` : '') },
    { key: 'title', header: t('engagements.eventTitle'), width: '44%', render: (e) => <Text fw={600} lineClamp={2}>{e.title}</Text> },
    { key: 'kind', header: t('common.kind'), width: '14%', render: (e) => label(ENGAGEMENT_KINDS, e.kind) },
    { key: 'place', header: t('engagements.place'), render: (e) => <Text size="sm" lineClamp={2}>{e.place}</Text> },
    { key: 'n', header: t('engagements.participants'), width: '10%', render: (e) => e.participantCount },
  ]
  return (
    <Stack>
      <PageHeader title={t('engagements.title')} subtitle={t('common.count', { count: rows.length })} actions={<Writable><Button onClick={open}>{t('engagements.new')}</Button></Writable>} />
      <TextInput label={t('common.filter')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
      <VirtualTable rows={rows} columns={columns} onRowClick={(e) => navigate(`/engagements/${e.id}`)} empty={isSuccess ? <EmptyState kind="engagements" filtered={!!q} onAdd={open} addLabel={t('engagements.new')} /> : null} />
      {adding && <EngagementForm onClose={close} onSaved={(id) => navigate(`/engagements/${id}`)} />}
    </Stack>
  )
}
