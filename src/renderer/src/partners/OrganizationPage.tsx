import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { COUNTRIES, ORGANIZATION_KINDS } from '../../../shared/domain/labels.ts'
import { call, useApi } from '../api.ts'
import { ErrorAlert, Info, Loading, PageHeader, RecordActions } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { OrganizationForm } from './OrganizationForm.tsx'
import { PackButton } from '../components/PackButton.tsx'
import { AgreementList, EngagementTimeline, PeopleList } from './timeline.tsx'
import { GiftsCard } from './GiftsCard.tsx'

export function OrganizationPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label } = useLabels()
  const [editing, edit] = useDisclosure(false)
  const { data, error } = useApi('organizations.get', { id })
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const o = data.organization
  return (
    <Stack>
      <PageHeader
        title={o.abbreviation ? `${o.abbreviation} – ${o.nameVi}` : o.nameVi}
        subtitle={[label(ORGANIZATION_KINDS, o.kind), label(COUNTRIES, o.country)].join(' · ')}
        actions={
          <>
            <PackButton partnerId={id} />
            <RecordActions name={o.nameVi} onEdit={edit.open} onDelete={() => call('organizations.delete', { id })} listPath="/organizations" />
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Info label={t('localities.nameEn')}>{o.nameEn}</Info>
            <Info label={t('localities.nativeShort')}>{o.nameNative && <span lang="ja">{o.nameNative}</span>}</Info>
            {o.localityId && (
              <Info label={t('organizations.locality')}>
                <Anchor component={Link} to={`/localities/${o.localityId}`}>
                  {data.localityName}
                </Anchor>
              </Info>
            )}
            <Info label={t('organizations.website')}>{o.website}</Info>
            <Info label={t('common.notes')}>{o.notes}</Info>
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('nav.people')}
          </Text>
          <PeopleList rows={data.people} />
        </Card>
      </SimpleGrid>
      <Text fw={600}>{t('nav.agreements')}</Text>
      <AgreementList rows={data.agreements} />
      <Text fw={600}>{t('engagements.timeline')}</Text>
      <EngagementTimeline rows={data.engagements} trips={data.trips} />
      <GiftsCard counterpart={{ organizationId: id }} counterpartId={id} />
      {editing && <OrganizationForm organization={o} onClose={edit.close} />}
    </Stack>
  )
}
