import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { COUNTRIES } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, useApi } from '../api.ts'
import { ErrorAlert, Info, Loading, PageHeader, RecordActions } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { PersonForm } from './PersonForm.tsx'
import { Attachments } from '../components/Attachments.tsx'
import { AgreementList, EngagementTimeline } from './timeline.tsx'
import { GiftsCard } from './GiftsCard.tsx'

export function PersonPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label } = useLabels()
  const [editing, edit] = useDisclosure(false)
  const { data, error } = useApi('people.get', { id })
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const p = data.person
  const term = [formatDate(p.termStart), formatDate(p.termEnd)].filter(Boolean).join(' – ')
  return (
    <Stack>
      <PageHeader
        title={
          <span data-testid="person-title">
            {data.displayName}
            {data.nativeName && (
              <Text span fz="inherit" c="dimmed" lang="ja" ml="sm">
                {data.nativeName}
              </Text>
            )}
          </span>
        }
        subtitle={[p.title, label(COUNTRIES, p.country)].filter(Boolean).join(' · ')}
        actions={<RecordActions name={data.displayName} onEdit={edit.open} onDelete={() => call('people.delete', { id })} listPath="/people" />}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={t('people.nameKana')}>{p.nameKana}</Info>
            <Info label={t('people.nameVi')}>{p.nameVi}</Info>
            {p.organizationId && (
              <Info label={t('people.organization')}>
                <Anchor component={Link} to={`/organizations/${p.organizationId}`}>
                  {data.organizationName}
                </Anchor>
              </Info>
            )}
            {p.localityId && (
              <Info label={t('people.locality')}>
                <Anchor component={Link} to={`/localities/${p.localityId}`}>
                  {data.localityName}
                </Anchor>
              </Info>
            )}
            <Info label={t('people.term')}>{term}</Info>
            <Info label={t('people.languages')}>{p.languages}</Info>
            <Info label={t('people.phone')}>{p.phone}</Info>
            <Info label={t('people.email')}>{p.email}</Info>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={t('people.bio')}>{p.bio}</Info>
            <Info label={t('people.protocolNotes')}>{p.protocolNotes}</Info>
          </Stack>
        </Card>
      </SimpleGrid>
      <Attachments entity="person" entityId={id} />
      <GiftsCard counterpart={{ personId: id }} counterpartId={id} />
      <Text fw={600}>{t('nav.agreements')}</Text>
      <AgreementList rows={data.agreements} />
      <Text fw={600}>{t('engagements.timeline')}</Text>
      <EngagementTimeline rows={data.engagements} trips={data.trips} />
      {editing && <PersonForm person={p} onClose={edit.close} />}
    </Stack>
  )
}
