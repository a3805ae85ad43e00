import { Alert, Badge, Button, Group, Select, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDisclosure } from '@mantine/hooks'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { AgreementRow } from '../../../shared/domain/agreements.ts'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../../../shared/domain/labels.ts'
import { formatDate, parseDate } from '../../../shared/text/dates.ts'
import { call, useApi, useApiMutation } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { ErrorAlert, notifySaved, PageHeader, StatusBadge } from '../components/ui.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { AgreementForm } from './AgreementForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'

const PAGE = 300

/** The register: newest first, fetched a page at a time as the officer scrolls. */
export function AgreementsPage() {
  const { t } = useTranslation()
  const { label, options, lang } = useLabels()
  const navigate = useNavigate()
  const [status, setStatus] = useState<string | null>(null)
  const [kind, setKind] = useState<string | null>(null)
  const [sector, setSector] = useState<string | null>(null)
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const [lawOpen, lawDialog] = useDisclosure(false)
  const excel = useApiMutation('reports.agreements')
  const { data: sectors = [] } = useApi('reference.sectors')
  const filter = { ...(status && { status: status as never }), ...(kind && { kind: kind as never }), ...(sector && { sector }) }
  const query = useInfiniteQuery({
    queryKey: ['agreements.list', filter],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call('agreements.list', { ...filter, offset: pageParam, limit: PAGE }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0)
      return loaded < last.total ? loaded : undefined
    },
  })
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? []
  const total = query.data?.pages[0]?.total ?? 0
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const sectorLabel = (code: string) => sectors.find((s) => s.code === code)?.[lang] ?? code

  const columns: Column<AgreementRow>[] = [
    { key: 'title', header: t('agreements.titleVi'), width: '28%', render: (a) => <Text fw={600} lineClamp={2}>{a.titleVi}</Text> },
    { key: 'kind', header: t('agreements.kind'), width: '12%', render: (a) => label(AGREEMENT_KINDS, a.kind) },
    { key: 'parties', header: t('agreements.parties'), width: '18%', render: (a) => <Text size="sm" lineClamp={2}>{a.partiesText}</Text> },
    { key: 'signed', header: t('agreements.signedDate'), width: '9%', render: (a) => formatDate(a.signedDate) },
    { key: 'valid', header: t('agreements.validUntil'), width: '9%', render: (a) => formatDate(a.validUntil) },
    {
      key: 'status',
      header: t('agreements.status'),
      width: '14%',
      render: (a) => (
        <Group gap={4}>
          <StatusBadge status={a.status} />
          {a.overdueCommitments > 0 && (
            <Badge color="red" size="sm">
              {`${t('agreements.overdue')}: ${a.overdueCommitments}`}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'sectors', header: t('agreements.sectors'), render: (a) => <Text size="sm" lineClamp={2}>{a.sectors.map(sectorLabel).join(', ')}</Text> },
  ]

  return (
    <Stack>
      <PageHeader
        title={t('agreements.register')}
        subtitle={t('agreements.total', { count: total })}
        actions={
          <>
            <Button variant="default" onClick={() => excel.mutate(undefined)} loading={excel.isPending} data-testid="export-register">
              {t('agreements.exportExcel')}
            </Button>
            <Button variant="default" onClick={lawDialog.open}>
              {t('agreements.lawReport')}
            </Button>
            <Button onClick={open} data-testid="new-agreement">
              {t('agreements.new')}
            </Button>
          </>
        }
      />
      {excel.data && <Alert color="teal" data-testid="register-written">{t('agreements.written', { name: excel.data.fileName })}</Alert>}
      <ErrorAlert error={excel.error} />
      <Group align="flex-end">
        <Select label={t('agreements.filterStatus')} data={options(AGREEMENT_STATUSES)} value={status} onChange={setStatus} clearable placeholder={t('common.all')} w={200} />
        <Select label={t('agreements.filterKind')} data={options(AGREEMENT_KINDS)} value={kind} onChange={setKind} clearable placeholder={t('common.all')} w={240} />
        <Select label={t('agreements.sectors')} data={sectors.map((s) => ({ value: s.code, label: s[lang] }))} value={sector} onChange={setSector} clearable searchable placeholder={t('common.all')} w={260} />
      </Group>
      <VirtualTable rows={rows} columns={columns} onRowClick={(a) => navigate(`/agreements/${a.id}`)} onEndReached={more} testId="agreements-table" />
      {adding && <AgreementForm onClose={close} onSaved={(id) => navigate(`/agreements/${id}`)} />}
      {lawOpen && <LawReportDialog onClose={lawDialog.close} />}
    </Stack>
  )
}

function LawReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const year = new Date().getFullYear()
  const form = useForm({ initialValues: { from: `01/01/${year}`, to: `31/12/${year}` } })
  return (
    <FormModal
      title={t('agreements.lawReport')}
      opened
      onClose={onClose}
      form={form}
      size="md"
      save={async (v) => {
        const r = await call('reports.law', { from: parseDate(v.from) ?? '', to: parseDate(v.to) ?? '' })
        if (r) notifySaved(t('agreements.written', { name: r.fileName }))
      }}
    >
      <Text size="sm">{t('agreements.lawReportHint')}</Text>
      <Group>
        <DateField label={t('agreements.from')} {...form.getInputProps('from')} />
        <DateField label={t('agreements.to')} {...form.getInputProps('to')} />
      </Group>
    </FormModal>
  )
}
