import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Select } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Input } from '../../../shared/contract.ts'
import { COUNTRIES, FACT_SCOPES, LOCALITY_LEVELS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { toInput } from '../components/forms.ts'
import { ErrorAlert, Info, Loading, PageHeader, RecordActions } from '../components/ui.tsx'
import { designated } from '../../../shared/domain/lineage.ts'
import { useLabels } from '../i18n/index.ts'
import { LocalityForm } from './LocalityForm.tsx'
import { PersonForm } from './PersonForm.tsx'
import { PackButton } from '../components/PackButton.tsx'
import { AgreementList, EngagementTimeline, PeopleList } from './timeline.tsx'
import { GiftsCard } from './GiftsCard.tsx'
import { Writable } from '../app/session.tsx'

const TWO_YEARS_MS = 2 * 365.25 * 24 * 3600 * 1000

export function LocalityPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { label, name, lang } = useLabels()
  const [editing, edit] = useDisclosure(false)
  const [addingFact, factDialog] = useDisclosure(false)
  const [addingPerson, personDialog] = useDisclosure(false)
  const { data, error } = useApi('localities.get', { id })
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const { locality: l } = data
  const number = (n: number | null) => (n === null ? '' : n.toLocaleString('vi-VN'))

  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="locality-title">{name(data.displayName)}</span>
            {l.nameNative && (
              <Text span fz="inherit" c="dimmed" lang="ja">
                {l.nameNative}
              </Text>
            )}
          </Group>
        }
        subtitle={[label(COUNTRIES, l.country), label(LOCALITY_LEVELS, l.level), l.region].filter(Boolean).join(' · ')}
        actions={
          <>
            <PackButton partnerId={id} />
            <RecordActions name={l.nameVi} onEdit={edit.open} onDelete={() => call('localities.delete', { id })} listPath="/localities" />
          </>
        }
      />
      {data.successors.length > 0 && (
        <Card withBorder bg="yellow.0">
          <Text>
            {t('localities.successor')}:{' '}
            {data.successors.map((s) => (
              <Anchor key={s.id} component={Link} to={`/localities/${s.id}`} fw={600}>
                {designated(s, lang)}
              </Anchor>
            ))}{' '}
            ({formatDate(data.successors[0]!.effectiveDate)})
          </Text>
        </Card>
      )}
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('localities.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="people">{`${t('localities.tabs.people')} (${data.people.length})`}</Tabs.Tab>
          <Tabs.Tab value="agreements">{`${t('localities.tabs.agreements')} (${data.agreements.length})`}</Tabs.Tab>
          <Tabs.Tab value="engagements">{`${t('localities.tabs.engagements')} (${data.engagements.length + data.trips.length})`}</Tabs.Tab>
          <Tabs.Tab value="facts">{`${t('localities.tabs.facts')} (${data.facts.length})`}</Tabs.Tab>
          <Tabs.Tab value="notes">{t('localities.tabs.notes')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Stack gap="sm">
                <Info label={t('localities.nameVi')}>{l.nameVi}</Info>
                <Info label={t('localities.nameEn')}>{l.nameEn}</Info>
                <Info label={t('localities.nativeShort')}>{[l.nameNative, l.nameKana].filter(Boolean).join(' · ')}</Info>
                <Info label={t('localities.capital')}>{l.capital}</Info>
                <Info label={t('localities.code')}>{l.code}</Info>
                <Info label={t('localities.leader')}>{l.leader}</Info>
                <Info label={t('localities.population')}>{number(l.population)}</Info>
                <Info label={t('localities.areaKm2')}>{number(l.areaKm2)}</Info>
                <Info label={t('localities.gdp')}>{l.gdp}</Info>
                <Info label={t('localities.validFrom')}>{formatDate(l.validFrom)}</Info>
                <Info label={t('localities.validTo')}>{formatDate(l.validTo)}</Info>
                {l.refKey && (
                  <Badge variant="outline" color="gray">
                    {t('localities.reference')}
                  </Badge>
                )}
              </Stack>
            </Card>
            <Stack>
              <Card withBorder>
                <Stack gap="sm">
                  <Info label={t('localities.industries')}>{l.industries}</Info>
                  <Info label={t('common.notes')}>{l.notes}</Info>
                  {data.predecessors.length > 0 && (
                    <Info label={t('localities.predecessors')}>
                      {data.predecessors.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 && ', '}
                          <Anchor component={Link} to={`/localities/${p.id}`}>
                            {p.nameVi}
                          </Anchor>
                        </span>
                      ))}
                    </Info>
                  )}
                  {data.organizations.length > 0 && (
                    <Info label={t('localities.organizations')}>
                      {data.organizations.map((o, i) => (
                        <span key={o.id}>
                          {i > 0 && '; '}
                          <Anchor component={Link} to={`/organizations/${o.id}`}>
                            {o.nameVi}
                          </Anchor>
                        </span>
                      ))}
                    </Info>
                  )}
                </Stack>
              </Card>
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('engagements.timeline')}
                </Text>
                <EngagementTimeline rows={data.engagements} trips={data.trips} limit={5} />
              </Card>
              <GiftsCard counterpart={{ localityId: id }} counterpartId={id} />
            </Stack>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <Stack>
            <Group justify="flex-end">
              <Writable>
                <Button variant="light" onClick={personDialog.open} data-testid="add-person">
                  {t('people.new')}
                </Button>
              </Writable>
            </Group>
            <PeopleList rows={data.people} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="agreements" pt="md">
          <AgreementList rows={data.agreements} />
        </Tabs.Panel>
        <Tabs.Panel value="engagements" pt="md">
          <EngagementTimeline rows={data.engagements} trips={data.trips} />
        </Tabs.Panel>
        <Tabs.Panel value="facts" pt="md">
          <Stack>
            <Group justify="flex-end">
              <Writable>
                <Button variant="light" onClick={factDialog.open}>
                  {t('localities.addFact')}
                </Button>
              </Writable>
            </Group>
            {data.facts.length === 0 ? (
              <Text c="dimmed">{t('common.none')}</Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('localities.factLabel')}</Table.Th>
                    <Table.Th>{t('localities.factValue')}</Table.Th>
                    <Table.Th>{t('localities.asOf')}</Table.Th>
                    <Table.Th>{t('common.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.facts.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>{f.label}</Table.Td>
                      <Table.Td fw={600}>{[f.value, f.unit].filter(Boolean).join(' ')}</Table.Td>
                      <Table.Td>
                        {formatDate(f.asOf)}{' '}
                        {f.asOf && Date.now() - Date.parse(f.asOf) > TWO_YEARS_MS && (
                          <Badge size="xs" color="orange">
                            {t('localities.staleFact')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.source}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{l.notes || t('common.none')}</Text>
        </Tabs.Panel>
      </Tabs>
      {editing && <LocalityForm locality={l} opened onClose={edit.close} />}
      {addingPerson && <PersonForm defaults={{ localityId: id, country: l.country }} onClose={personDialog.close} />}
      {addingFact && <FactForm localityId={id} country={l.country} onClose={factDialog.close} />}
    </Stack>
  )
}

function FactForm({ localityId, country, onClose }: { localityId: string; country: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const form = useForm({ initialValues: { label: '', value: '', unit: '', asOf: '', source: '', scope: 'locality' } })
  return (
    <FormModal
      title={t('localities.addFact')}
      opened
      onClose={onClose}
      form={form}
      size="lg"
      save={(values) => call('facts.create', { ...(toInput(values, ['asOf']) as Input<'facts.create'>), localityId, country })}
    >
      <TextInput label={t('localities.factLabel')} required {...form.getInputProps('label')} />
      <Group grow>
        <TextInput label={t('localities.factValue')} required {...form.getInputProps('value')} />
        <TextInput label={t('localities.factUnit')} {...form.getInputProps('unit')} />
        <Select label={t('localities.factScope')} data={options(FACT_SCOPES)} allowDeselect={false} {...form.getInputProps('scope')} />
      </Group>
      <DateField label={t('localities.asOf')} {...form.getInputProps('asOf')} />
      <TextInput label={t('common.source')} {...form.getInputProps('source')} />
    </FormModal>
  )
}
