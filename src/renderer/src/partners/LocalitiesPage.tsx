import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { LocalityRow } from '../../../shared/domain/partners.ts'
import { COUNTRIES, LOCALITY_LEVELS } from '../../../shared/domain/labels.ts'
import { fold } from '../../../shared/text/fold.ts'
import { compareVi } from '../../../shared/text/collate.ts'
import { useApi } from '../api.ts'
import { PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { LocalityForm } from './LocalityForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

export function LocalitiesPage() {
  const { t } = useTranslation()
  const { label, options, name } = useLabels()
  const navigate = useNavigate()
  const [country, setCountry] = useState<string | null>('JP')
  const [level, setLevel] = useState<string | null>(null)
  const [region, setRegion] = useState<string | null>(null)
  const [historical, setHistorical] = useState(false)
  const [text, setText] = useState('')
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const { data = [], isSuccess } = useApi('localities.list', {
    ...(country && { country }),
    ...(level && { level: level as never }),
    includeHistorical: historical,
  })
  const regions = useMemo(() => [...new Set(data.map((l) => l.region).filter((r): r is string => !!r))].sort(compareVi), [data])
  const q = fold(text.trim())
  const rows = data.filter((l) => (!region || l.region === region) && (!q || fold([l.nameVi, l.nameEn, l.nameNative, l.capital].join(' ')).includes(q)))

  const columns: Column<LocalityRow>[] = [
    {
      key: 'name',
      header: t('common.name'),
      width: '34%',
      render: (l) => (
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} truncate>
            {name(l.displayName)}
          </Text>
          {l.validTo && (
            <Badge size="xs" color="gray">
              {t('localities.historical')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'native', header: t('localities.nativeShort'), width: '14%', render: (l) => <span lang="ja">{l.nameNative}</span> },
    { key: 'country', header: t('common.country'), width: '12%', render: (l) => label(COUNTRIES, l.country) },
    { key: 'region', header: t('localities.region'), width: '14%', render: (l) => l.region },
    { key: 'capital', header: t('localities.capital'), render: (l) => l.capital },
  ]

  return (
    <Stack>
      <PageHeader title={t('localities.title')} subtitle={t('common.count', { count: rows.length })} actions={<Writable><Button onClick={open}>{t('localities.new')}</Button></Writable>} />
      <Group align="flex-end">
        <TextInput label={t('common.filter')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} data-testid="filter" />
        <Select label={t('common.country')} data={options(COUNTRIES)} value={country} onChange={(v) => { setCountry(v); setRegion(null) }} clearable placeholder={t('common.all')} w={170} />
        <Select label={t('localities.level')} data={options(LOCALITY_LEVELS)} value={level} onChange={setLevel} clearable placeholder={t('common.all')} w={190} />
        <Select label={t('localities.region')} data={regions} value={region} onChange={setRegion} clearable placeholder={t('common.all')} w={170} />
        <Checkbox label={t('localities.includeHistorical')} checked={historical} onChange={(e) => setHistorical(e.currentTarget.checked)} mb={8} />
      </Group>
      <VirtualTable rows={rows} columns={columns} onRowClick={(l) => navigate(`/localities/${l.id}`)} testId="localities-table" empty={isSuccess ? <EmptyState kind="localities" filtered /> : null} />
      {adding && <LocalityForm opened onClose={close} onSaved={(id) => navigate(`/localities/${id}`)} />}
    </Stack>
  )
}
