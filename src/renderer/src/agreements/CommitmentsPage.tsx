/**
 * "Cam kết": every follow-up action across agreements, with its state today. Filtered by
 * owner, state, due period, partner and words; sorted by any column; a status changed in
 * its row; exported as the register's "Cam kết" sheet, as shown.
 */
import { Anchor, Alert, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { CommitmentFilter, CommitmentRegisterRow } from '../../../shared/domain/commitments.ts'
import { commitmentStates, duePeriods } from '../../../shared/domain/commitments.ts'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, queryClient, useApi, useApiMutation } from '../api.ts'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { ErrorAlert, PageHeader } from '../components/ui.tsx'
import { EmptyState } from '../components/EmptyState.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { useLabels } from '../i18n/index.ts'
import { useMayWrite } from '../app/session.tsx'

const STATE_COLOR: Record<CommitmentRegisterRow['state'], string> = { overdue: 'red', due_soon: 'orange', open: 'blue', done: 'teal', cancelled: 'gray' }

export function CommitmentsPage() {
  const { t } = useTranslation()
  const { options, name } = useLabels()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [q] = useDebouncedValue(text, 250)
  const [owner, setOwner] = useState<string | null>(null)
  const [state, setState] = useState<string | null>(null)
  const [due, setDue] = useState<string | null>(null)
  const [partner, setPartner] = useState<string | null>(null)
  const filter: CommitmentFilter = {
    ...(q.trim() && { q: q.trim() }),
    ...(owner && { owner }),
    ...(state && { state: state as CommitmentFilter['state'] }),
    ...(due && { due: due as CommitmentFilter['due'] }),
    ...(partner && { partnerId: decodePartner(partner)!.id }),
  }
  const { data, error } = useApi('commitments.list', filter, { placeholderData: (previous) => previous })
  const excel = useApiMutation('reports.commitments')
  const [statusError, setStatusError] = useState<unknown>(null)
  const mayWrite = useMayWrite()
  const setStatus = async (id: string, status: CommitmentStatus) => {
    setStatusError(null)
    try {
      await call('commitments.setStatus', { id, status })
      await queryClient.invalidateQueries()
    } catch (e) {
      setStatusError(e)
    }
  }

  const columns: Column<CommitmentRegisterRow>[] = [
    { key: 'action', header: t('commitments.action'), width: '26%', sort: (c) => c.action, render: (c) => <Text fw={600} size="sm" lineClamp={2}>{c.action}</Text> },
    {
      key: 'agreement',
      header: t('commitments.agreement'),
      width: '24%',
      sort: (c) => c.agreementTitle,
      render: (c) => (
        <Stack gap={0}>
          {/* A commitment arising from a trip's meeting without an agreement opens the trip. */}
          <Anchor component={Link} to={c.agreementId ? `/agreements/${c.agreementId}` : `/trips/${c.tripId}`} size="sm" lineClamp={2}>
            {c.agreementTitle}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {c.agreementId ? name(c.partners) : t('outcomes.fromMeeting')}
          </Text>
        </Stack>
      ),
    },
    { key: 'owner', header: t('commitments.owner'), width: '14%', sort: (c) => c.owner, render: (c) => <Text size="sm">{c.owner}</Text> },
    { key: 'due', header: t('commitments.due'), width: '10%', sort: (c) => c.dueDate, render: (c) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(c.dueDate)}</Text> },
    {
      key: 'state',
      header: t('commitments.state'),
      width: '12%',
      sort: (c) => commitmentStates.indexOf(c.state) * 10_000 - (c.days ?? 0),
      render: (c) => (
        <Badge color={STATE_COLOR[c.state]} variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
          {t(`commitments.states.${c.state}`, { count: c.days ?? 0 })}
        </Badge>
      ),
    },
    {
      key: 'status',
      header: t('commitments.status'),
      width: '14%',
      sort: (c) => c.status,
      render: (c) => (
        <Select
          size="xs"
          aria-label={t('commitments.statusOf', { action: c.action })}
          data={options(COMMITMENT_STATUSES)}
          value={c.status}
          allowDeselect={false}
          readOnly={!mayWrite}
          onChange={(v) => v && v !== c.status && void setStatus(c.id, v as CommitmentStatus)}
          data-testid="commitment-status"
        />
      ),
    },
  ]

  return (
    <Stack>
      <PageHeader
        title={t('commitments.title')}
        subtitle={data ? t('commitments.count', { count: data.rows.length }) : undefined}
        actions={
          <Button variant="light" onClick={() => excel.mutate(filter)} loading={excel.isPending} data-testid="export-commitments">
            {t('commitments.export')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('commitments.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} data-testid="commitments-q" />
        <Select label={t('commitments.owner')} data={data?.owners ?? []} value={owner} onChange={setOwner} clearable searchable placeholder={t('common.all')} w={200} data-testid="commitments-owner" />
        <Select
          label={t('commitments.state')}
          data={commitmentStates.map((s) => ({ value: s, label: t(`commitments.stateFilter.${s}`) }))}
          value={state}
          onChange={setState}
          clearable
          placeholder={t('common.all')}
          w={180}
          data-testid="commitments-state"
        />
        <Select
          label={t('commitments.period')}
          data={duePeriods.map((p) => ({ value: p, label: t(`commitments.periods.${p}`) }))}
          value={due}
          onChange={setDue}
          clearable
          placeholder={t('common.all')}
          w={180}
          data-testid="commitments-due"
        />
        <PartnerSelect kinds={['locality', 'organization']} label={t('commitments.partner')} value={partner} onChange={setPartner} placeholder={t('common.all')} w={240} data-testid="commitments-partner" />
      </Group>
      <ErrorAlert error={error ?? statusError ?? excel.error} />
      {excel.data && <Alert color="teal">{t('commitments.exported', { name: excel.data.fileName })}</Alert>}
      {data && (
        <VirtualTable
          rows={data.rows}
          columns={columns}
          testId="commitments-table"
          empty={<EmptyState kind="commitments" filtered={Object.keys(filter).length > 0} onAdd={() => navigate('/agreements')} addLabel={t('empty.toAgreements')} />}
        />
      )}
    </Stack>
  )
}
