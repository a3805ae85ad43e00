import { notifySaveWarnings } from '../components/saveWarnings.ts'
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Input } from '../../../shared/contract.ts'
import type { Commitment } from '../../../shared/domain/agreements.ts'
import { AGREEMENT_KINDS, COMMITMENT_STATUSES, ENGAGEMENT_KINDS, PARTY_SIDES } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { CommitmentBadge, DeleteButton, ErrorAlert, Info, Loading, PageHeader, RecordActions, StatusBadge } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { AgreementForm } from './AgreementForm.tsx'
import { Attachments } from '../components/Attachments.tsx'
import { openable } from '../components/openable.ts'
import { Writable } from '../app/session.tsx'

export function AgreementPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label, lang, name } = useLabels()
  const [editing, edit] = useDisclosure(false)
  const [commitment, setCommitment] = useState<Commitment | 'new' | null>(null)
  const { data: a, error } = useApi('agreements.get', { id })
  const { data: sectors = [] } = useApi('reference.sectors')
  if (error) return <ErrorAlert error={error} />
  if (!a) return <Loading />
  const partyHref = (p: { localityId: string | null; organizationId: string | null }) => (p.localityId ? `/localities/${p.localityId}` : `/organizations/${p.organizationId}`)
  const money = a.valueAmount !== null ? `${a.valueAmount.toLocaleString('vi-VN')} ${a.valueCurrency ?? ''}` : ''

  return (
    <Stack>
      <PageHeader
        title={<span data-testid="agreement-title">{a.titleVi}</span>}
        subtitle={[label(AGREEMENT_KINDS, a.kind), a.signedDate && `${t('agreements.signedDate')} ${formatDate(a.signedDate)}`, a.signedPlace].filter(Boolean).join(' · ')}
        actions={
          <>
            <StatusBadge status={a.status} />
            <RecordActions
              name={a.titleVi}
              extra={a.commitments.length ? `${t('agreements.commitments')}: ${a.commitments.length}` : undefined}
              onEdit={edit.open}
              onDelete={() => call('agreements.delete', { id })}
              listPath="/agreements"
            />
          </>
        }
      />
      {a.pmReportLate && (
        <Alert color="orange" title={t('agreements.pmReportLate')}>
          {t('agreements.pmReportDue', { date: formatDate(a.pmReportDue) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Text fw={600}>{t('agreements.parties')}</Text>
            {a.parties.map((p, i) => (
              <Group key={i} gap="xs">
                <Badge variant="light" color={p.side === 'home' ? 'indigo' : 'grape'}>
                  {label(PARTY_SIDES, p.side)}
                </Badge>
                <Anchor component={Link} to={partyHref(p)} data-testid="party">
                  {name(p.displayName)}
                </Anchor>
              </Group>
            ))}
            {a.signatories.length > 0 && (
              <Info label={t('agreements.signatories')}>
                {a.signatories.map((s) => [s.name, s.titleAtSigning].filter(Boolean).join(', ')).join('; ')}
              </Info>
            )}
            <Info label={t('agreements.titleEn')}>{a.titleEn}</Info>
            <Info label={t('agreements.titleJa')}>{a.titleJa && <span lang="ja">{a.titleJa}</span>}</Info>
            <Info label={t('agreements.sectors')}>{a.sectors.map((c) => sectors.find((s) => s.code === c)?.[lang] ?? c).join(', ')}</Info>
            <Info label={t('agreements.value')}>{money}</Info>
            <Info label={t('agreements.validity')}>{[formatDate(a.validFrom), formatDate(a.validUntil)].filter(Boolean).join(' – ')}</Info>
            <Info label={t('agreements.renewal')}>{a.renewal}</Info>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={t('agreements.summary')}>{a.summary}</Info>
            <Text fw={600}>{t('agreements.law')}</Text>
            <Info label={t('agreements.mofaOpinionNo')}>{[a.mofaOpinionNo, formatDate(a.mofaOpinionDate)].filter(Boolean).join(', ')}</Info>
            {a.shortenedProcedure && <Badge variant="outline">{t('agreements.shortenedProcedure')}</Badge>}
            {a.pmReportDue && <Text size="sm">{t('agreements.pmReportDue', { date: formatDate(a.pmReportDue) })}</Text>}
            <Info label={t('agreements.pmReportSentDate')}>{formatDate(a.pmReportSentDate)}</Info>
            <Info label={t('agreements.mofaCopySentDate')}>{formatDate(a.mofaCopySentDate)}</Info>
            <Info label={t('common.sources')}>{a.sources}</Info>
          </Stack>
        </Card>
      </SimpleGrid>

      <Group justify="space-between">
        <Text fw={650} size="lg">
          {t('agreements.commitments')}
        </Text>
        <Writable>
          <Button variant="light" onClick={() => setCommitment('new')} data-testid="add-commitment">
            {t('agreements.addCommitment')}
          </Button>
        </Writable>
      </Group>
      {a.commitments.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="commitments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agreements.action')}</Table.Th>
              <Table.Th w="18%">{t('agreements.owner')}</Table.Th>
              <Table.Th w="10%">{t('agreements.dueDate')}</Table.Th>
              <Table.Th w="14%">{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.commitments.map((c) => (
              <Table.Tr key={c.id} {...openable(() => setCommitment(c))}>
                <Table.Td>{c.action}</Table.Td>
                <Table.Td>{c.owner}</Table.Td>
                <Table.Td>{formatDate(c.dueDate)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <CommitmentBadge status={c.status} />
                    {c.overdue && <CommitmentBadge status={c.status} overdue />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Attachments entity="agreement" entityId={id} />
      {a.engagements.length > 0 && (
        <>
          <Text fw={650} size="lg">
            {t('agreements.relatedEngagements')}
          </Text>
          {a.engagements.map((e) => (
            <Text key={e.id}>
              <Anchor component={Link} to={`/engagements/${e.id}`}>
                {e.title}
              </Anchor>{' '}
              <Text span c="dimmed">
                · {formatDate(e.startDate)} · {label(ENGAGEMENT_KINDS, e.kind)}
              </Text>
            </Text>
          ))}
        </>
      )}
      {editing && <AgreementForm agreement={a} onClose={edit.close} />}
      {commitment && <CommitmentForm agreementId={id} commitment={commitment === 'new' ? undefined : commitment} onClose={() => setCommitment(null)} />}
    </Stack>
  )
}

const EMPTY_COMMITMENT = { action: '', owner: '', dueDate: '', status: 'open', notes: '' }

function CommitmentForm({ agreementId, commitment, onClose }: { agreementId: string; commitment?: Commitment; onClose: () => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const form = useForm({ initialValues: initialValues(EMPTY_COMMITMENT, commitment, ['dueDate']) })
  const save = async (values: typeof EMPTY_COMMITMENT) => {
    const input = { ...(toInput(values, ['dueDate']) as Omit<Input<'commitments.create'>, 'agreementId'>), agreementId }
    notifySaveWarnings((commitment ? await call('commitments.update', { id: commitment.id, expectedUpdatedAt: commitment.updatedAt, ...input }) : await call('commitments.create', input)).warnings)
  }
  return (
    <FormModal title={commitment ? t('common.edit') : t('agreements.addCommitment')} opened onClose={onClose} form={form} save={save} size="lg">
      <Textarea label={t('agreements.action')} required autosize minRows={2} data-autofocus {...form.getInputProps('action')} />
      <Group align="flex-start" grow>
        <TextInput label={t('agreements.owner')} {...form.getInputProps('owner')} />
        <DateField label={t('agreements.dueDate')} {...form.getInputProps('dueDate')} />
        <Select label={t('common.status')} data={options(COMMITMENT_STATUSES)} allowDeselect={false} {...form.getInputProps('status')} />
      </Group>
      <Textarea label={t('common.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      {commitment && (
        <Group>
          <DeleteButton name={commitment.action} onConfirm={async () => (await call('commitments.delete', { id: commitment.id }), onClose())} />
        </Group>
      )}
    </FormModal>
  )
}
