/**
 * The approval request builder ("Tờ trình" / "Kế hoạch"): the officer's choices on the
 * left, saved as they change, the live preview of the document on the right, and the
 * export. The office's symbol, signer, rates and legal bases are kept in Settings.
 */
import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, List, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { ApprovalSettings } from '../../../../shared/domain/approval.ts'
import { formatDate, formatDateTime, parseDate } from '../../../../shared/text/dates.ts'
import { call, fieldErrors, queryClient, useApi, useApiMutation } from '../../api.ts'
import { DateField } from '../../components/DateField.tsx'
import { ErrorAlert, Loading, PageHeader } from '../../components/ui.tsx'
import { useLabels } from '../../i18n/index.ts'
import { ApprovalPreview } from './ApprovalPreview.tsx'
import { MemberRanks, Stays } from './ApprovalFields.tsx'

export function ApprovalPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data, error } = useApi('approval.get', { tripId: id })
  const { data: office } = useApi('approval.settings')
  const { data: trip } = useApi('trips.get', { id })
  const { data: exports = [] } = useApi('briefs.exports', { tripId: id })
  const exportOne = useApiMutation('approval.export')
  const [settings, setSettings] = useState<ApprovalSettings | null>(null)
  const [saveError, setSaveError] = useState<unknown>(null)
  const [issueDate, setIssueDate] = useState('')
  useEffect(() => {
    if (data && !settings) {
      setSettings(data.settings)
      setIssueDate(formatDate(data.settings.issueDate))
    }
  }, [data, settings])

  const persist = async (next: ApprovalSettings) => {
    setSaveError(null)
    try {
      await call('approval.save', { tripId: id, settings: next })
      await queryClient.invalidateQueries({ queryKey: ['approval.get'] })
    } catch (e) {
      setSaveError(e)
    }
  }
  const persistSoon = useDebouncedCallback(persist, 400)
  const update = (patch: Partial<ApprovalSettings>, soon = false) => {
    if (!settings) return
    const next = { ...settings, ...patch }
    setSettings(next)
    if (soon) persistSoon(next)
    else void persist(next)
  }

  if (error) return <ErrorAlert error={error} />
  if (!data || !settings || !trip) return <Loading />
  const model = data.model
  const errors = fieldErrors(saveError, lang)
  const mine = exports.filter((e) => e.document === 'approval')
  return (
    <Stack>
      <PageHeader
        title={t('approval.title')}
        subtitle={
          <Anchor component={Link} to={`/trips/${id}`}>
            {trip.title}
          </Anchor>
        }
        actions={
          <Button onClick={() => exportOne.mutate({ tripId: id })} loading={exportOne.isPending} data-testid="export-approval">
            {t('approval.export')}
          </Button>
        }
      />
      {exportOne.data && (
        <Alert color="teal" data-testid="approval-exported">
          <Group justify="space-between">
            <Text>{t('briefs.exported', { name: exportOne.data.fileName })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void call('briefs.showInFolder', { path: exportOne.data!.path })}>
              {t('briefs.showFolder')}
            </Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={exportOne.error ?? saveError} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder>
              <Stack gap="xs">
                <SegmentedControl
                  value={settings.kind}
                  onChange={(v) => update({ kind: v === 'ke-hoach' ? 'ke-hoach' : 'to-trinh' })}
                  data={[
                    { value: 'to-trinh', label: <span lang="vi">Tờ trình</span> },
                    { value: 'ke-hoach', label: <span lang="vi">Kế hoạch</span> },
                  ]}
                  aria-label={t('approval.kind')}
                  data-testid="approval-kind"
                />
                <Group grow align="flex-start">
                  <TextInput label={t('approval.number')} description={t('approval.numberHint')} value={settings.number} onChange={(e) => update({ number: e.currentTarget.value }, true)} error={errors.number} data-testid="approval-number-input" />
                  <DateField
                    label={t('approval.issueDate')}
                    description={t('approval.issueDateHint')}
                    value={issueDate}
                    onChange={(e) => setIssueDate(e.currentTarget.value)}
                    onBlur={() => update({ issueDate: parseDate(issueDate) })}
                    error={errors.issueDate}
                  />
                </Group>
                <Textarea label={t('approval.fundingSource')} autosize minRows={2} value={settings.fundingSource} onChange={(e) => update({ fundingSource: e.currentTarget.value }, true)} error={errors.fundingSource} lang="vi" data-testid="approval-funding" />
                <Textarea
                  label={t('approval.results')}
                  description={t('approval.resultsHint')}
                  autosize
                  minRows={2}
                  value={settings.results ?? ''}
                  onChange={(e) => update({ results: e.currentTarget.value || null }, true)}
                  lang="vi"
                />
              </Stack>
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('approval.costs')}
              </Text>
              <MemberRanks members={trip.members} ranks={office?.ranks ?? []} value={settings.memberRanks} onChange={(memberRanks) => update({ memberRanks })} />
              <Stays value={settings.stays} onChange={(stays) => update({ stays }, true)} />
              {(office?.ranks.length ?? 0) === 0 && (
                <Text size="sm" c="orange.8" mt="xs">
                  {t('approval.noRates')}{' '}
                  <Anchor component={Link} to="/settings">
                    {t('approval.toSettings')}
                  </Anchor>
                </Text>
              )}
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('approval.legalBases')}
              </Text>
              {(office?.legalBases.length ?? 0) === 0 && <Text size="sm" c="dimmed">{t('approval.noLegalBases')}</Text>}
              <Stack gap={6} data-testid="approval-legal-bases">
                {office?.legalBases.map((b) => (
                  <Checkbox
                    key={b.id}
                    label={<span lang="vi">{b.text}</span>}
                    checked={settings.legalBasisIds.includes(b.id)}
                    onChange={(e) => update({ legalBasisIds: e.currentTarget.checked ? [...settings.legalBasisIds, b.id] : settings.legalBasisIds.filter((x) => x !== b.id) })}
                  />
                ))}
              </Stack>
            </Card>
            <Card withBorder>
              <Textarea
                label={t('approval.recipients')}
                description={t('approval.recipientsHint')}
                autosize
                minRows={3}
                defaultValue={settings.recipients.join('\n')}
                onChange={(e) => update({ recipients: e.currentTarget.value.split('\n') }, true)}
                lang="vi"
              />
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('approval.warnings')} ({model.warnings.length})
              </Text>
              {model.warnings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('approval.noWarnings')}
                </Text>
              ) : (
                <List size="sm" spacing={4} lang="vi" data-testid="approval-warnings">
                  {model.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              )}
            </Card>
            {mine.length > 0 && (
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('briefs.history')}
                </Text>
                {mine.slice(0, 8).map((e) => (
                  <Text key={e.id} size="sm">
                    {formatDateTime(e.at)} · {e.fileName} · <code>{e.sha256.slice(0, 10)}</code>
                  </Text>
                ))}
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Text fw={600} mb="xs">
            {t('briefs.preview')}
          </Text>
          <ApprovalPreview model={model} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
