import { Alert, Anchor, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ENGAGEMENT_KINDS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, foldFilter, Info, Loading, PageHeader, RecordActions, StatusBadge } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { EngagementForm } from './EngagementForm.tsx'

export function EngagementPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label } = useLabels()
  const [editing, edit] = useDisclosure(false)
  const [briefing, briefDialog] = useDisclosure(false)
  const { data: e, error } = useApi('engagements.get', { id })
  if (error) return <ErrorAlert error={error} />
  if (!e) return <Loading />
  const href = (p: { localityId: string | null; organizationId: string | null; personId: string | null }) =>
    p.localityId ? `/localities/${p.localityId}` : p.organizationId ? `/organizations/${p.organizationId}` : `/people/${p.personId}`
  return (
    <Stack>
      <PageHeader
        title={e.title}
        subtitle={[label(ENGAGEMENT_KINDS, e.kind), formatDate(e.startDate) + (e.endDate ? ` – ${formatDate(e.endDate)}` : ''), e.place].filter(Boolean).join(' · ')}
        actions={
          <>
            <Button variant="default" onClick={briefDialog.open} data-testid="partner-briefs">
              {t('engagements.partnerBriefs')}
            </Button>
            <RecordActions name={e.title} onEdit={edit.open} onDelete={() => call('engagements.delete', { id })} listPath="/engagements" />
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={t('engagements.summary')}>{e.summary}</Info>
            <Info label={t('engagements.outcomes')}>{e.outcomes}</Info>
            <Info label={t('common.sources')}>{e.sources}</Info>
          </Stack>
        </Card>
        <Stack>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('engagements.participants')} ({e.participants.length})
            </Text>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {e.participants.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Anchor component={Link} to={href(p)}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {p.role}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          {e.agreements.length > 0 && (
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('engagements.linkedAgreements')}
              </Text>
              {e.agreements.map((a) => (
                <Text key={a.id}>
                  <Anchor component={Link} to={`/agreements/${a.id}`}>
                    {a.titleVi}
                  </Anchor>{' '}
                  <StatusBadge status={a.status} />
                </Text>
              ))}
            </Card>
          )}
        </Stack>
      </SimpleGrid>
      {editing && <EngagementForm engagement={e} onClose={edit.close} />}
      {briefing && <PartnerBriefsDialog engagementId={id} onClose={briefDialog.close} />}
    </Stack>
  )
}

/** A forum's partner pairs: one short brief per foreign participant, for our province. */
function PartnerBriefsDialog({ engagementId, onClose }: { engagementId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { data: provinces = [] } = useApi('localities.list', { country: 'VN' })
  const [home, setHome] = useState<string | null>(() => localStorage.getItem('homeLocalityId'))
  const run = useApiMutation('briefs.exportEngagement')
  return (
    <Modal opened onClose={onClose} title={t('engagements.partnerBriefs')} size="lg">
      <Stack>
        <Text size="sm">{t('engagements.partnerBriefsHint')}</Text>
        <Select label={t('engagements.ourProvince')} data={provinces.map((p) => ({ value: p.id, label: p.nameVi }))} value={home} onChange={setHome} searchable filter={foldFilter} />
        {run.data && <Alert color="teal">{t('briefs.exportedMany', { count: run.data.files.length, folder: run.data.folder })}</Alert>}
        <ErrorAlert error={run.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            loading={run.isPending}
            onClick={() => {
              if (home) localStorage.setItem('homeLocalityId', home)
              run.mutate({ engagementId, homeLocalityId: home })
            }}
          >
            {t('engagements.exportBriefs')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
