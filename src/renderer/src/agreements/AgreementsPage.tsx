import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { AgreementListInput, AgreementRow, AgreementSortKey } from '../../../shared/domain/agreements.ts'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../../../shared/domain/labels.ts'
import { formatDate, parseDate } from '../../../shared/text/dates.ts'
import { call, useApi, useApiMutation } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { ErrorAlert, notifySaved, PageHeader, StatusBadge } from '../components/ui.tsx'
import { VirtualTable, type Column, type TableSort } from '../components/VirtualTable.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { useLabels } from '../i18n/index.ts'
import { AgreementForm } from './AgreementForm.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { Writable } from '../app/session.tsx'

const PAGE = 300

/** The report to the Prime Minister not made within 15 days of signing (Law 2020). */
function LateReportBadge({ late }: { late: NonNullable<AgreementRow['pmReportLate']> }) {
  const { t } = useTranslation()
  return (
    <Tooltip label={t('agreements.pmReportDue', { date: formatDate(late.due) })}>
      <Badge color={late.state === 'overdue' ? 'red' : 'orange'} variant={late.state === 'overdue' ? 'filled' : 'light'} size="sm" tt="none" h="auto" py={2} data-testid="late-report" styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
        {t(late.state === 'overdue' ? 'agreements.reportOverdue' : 'agreements.reportSentLate', { count: late.daysLate })}
      </Badge>
    </Tooltip>
  )
}

/** The filters the register is narrowed by, as the core takes them. */
function useFilters() {
  const [text, setText] = useState('')
  const [q] = useDebouncedValue(text, 250)
  const [status, setStatus] = useState<string | null>(null)
  const [kind, setKind] = useState<string | null>(null)
  const [sector, setSector] = useState<string | null>(null)
  const [partner, setPartner] = useState<string | null>(null)
  const [year, setYear] = useState<string | null>(null)
  const filter: AgreementListInput = {
    ...(q.trim() && { q: q.trim() }),
    ...(status && { status: status as AgreementListInput['status'] }),
    ...(kind && { kind: kind as AgreementListInput['kind'] }),
    ...(sector && { sector }),
    ...(partner && { partnerId: decodePartner(partner)!.id }),
    ...(year && { year: Number(year) }),
  }
  return { filter, text, setText, status, setStatus, kind, setKind, sector, setSector, partner, setPartner, year, setYear }
}

/** The register: filtered and sorted by the core, fetched a page at a time as the officer scrolls. */
export function AgreementsPage() {
  const { t } = useTranslation()
  const { label, options, lang, name } = useLabels()
  const navigate = useNavigate()
  const f = useFilters()
  const [sort, setSort] = useState<TableSort>(null)
  const [adding, { open, close }] = useDisclosure(false)
  useShortcut('new', open)
  const [lawOpen, lawDialog] = useDisclosure(false)
  const excel = useApiMutation('reports.agreements')
  const { data: sectors = [] } = useApi('reference.sectors')
  const input: AgreementListInput = { ...f.filter, ...(sort && { sort: { key: sort.key as AgreementSortKey, dir: sort.dir === 1 ? 'asc' : 'desc' } }), lang }
  const query = useInfiniteQuery({
    queryKey: ['agreements.list', input],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call('agreements.list', { ...input, offset: pageParam, limit: PAGE }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0)
      return loaded < last.total ? loaded : undefined
    },
    placeholderData: keepPreviousData,
  })
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? []
  const total = query.data?.pages[0]?.total ?? 0
  const years = query.data?.pages[0]?.years ?? []
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const sectorLabel = (code: string) => sectors.find((s) => s.code === code)?.[lang] ?? code

  const columns: Column<AgreementRow>[] = [
    { key: 'title', header: t('agreements.titleVi'), width: '26%', sortable: true, render: (a) => <Text fw={600} lineClamp={2}>{a.titleVi}</Text> },
    { key: 'kind', header: t('agreements.kind'), width: '12%', sortable: true, render: (a) => label(AGREEMENT_KINDS, a.kind) },
    { key: 'parties', header: t('agreements.parties'), width: '18%', sortable: true, render: (a) => <Text size="sm" lineClamp={2}>{name(a.partiesText)}</Text> },
    { key: 'signed', header: t('agreements.signedDate'), width: '9%', sortable: true, render: (a) => formatDate(a.signedDate) },
    { key: 'valid', header: t('agreements.validUntil'), width: '9%', sortable: true, render: (a) => formatDate(a.validUntil) },
    {
      key: 'status',
      header: t('agreements.status'),
      width: '16%',
      sortable: true,
      render: (a) => (
        <Group gap={4}>
          <StatusBadge status={a.effectiveStatus} />
          {a.pmReportLate && <LateReportBadge late={a.pmReportLate} />}
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
            <Writable>
              <Button onClick={open} data-testid="new-agreement">
                {t('agreements.new')}
              </Button>
            </Writable>
          </>
        }
      />
      {excel.data && <Alert color="teal" data-testid="register-written">{t('agreements.written', { name: excel.data.fileName })}</Alert>}
      <ErrorAlert error={excel.error ?? query.error} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('agreements.search')} placeholder={t('agreements.searchHint')} value={f.text} onChange={(e) => f.setText(e.currentTarget.value)} w={200} data-testid="agreements-q" />
        <Select label={t('agreements.filterStatus')} data={options(AGREEMENT_STATUSES)} value={f.status} onChange={f.setStatus} clearable placeholder={t('common.all')} w={150} data-testid="agreements-status" />
        <Select label={t('agreements.filterKind')} data={options(AGREEMENT_KINDS)} value={f.kind} onChange={f.setKind} clearable placeholder={t('common.all')} w={180} data-testid="agreements-kind" />
        <PartnerSelect kinds={['locality', 'organization']} label={t('agreements.filterPartner')} value={f.partner} onChange={f.setPartner} placeholder={t('common.all')} w={200} data-testid="agreements-partner" />
        <Select label={t('agreements.filterYear')} data={years.map(String)} value={f.year} onChange={f.setYear} clearable placeholder={t('common.all')} w={100} data-testid="agreements-year" />
        <Select label={t('agreements.sectors')} data={sectors.map((s) => ({ value: s.code, label: s[lang] }))} value={f.sector} onChange={f.setSector} clearable searchable placeholder={t('common.all')} w={190} />
      </Group>
      <VirtualTable rows={rows} columns={columns} onRowClick={(a) => navigate(`/agreements/${a.id}`)} onEndReached={more} testId="agreements-table" sort={sort} onSortChange={setSort} empty={query.isSuccess ? <EmptyState kind="agreements" filtered={Object.keys(f.filter).length > 0} onAdd={open} addLabel={t('agreements.new')} /> : null} />
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
