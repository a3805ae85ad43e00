import { Alert, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { AttentionGroups } from './AttentionGroups.tsx'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApi } from '../api.ts'
import { LoadSampleButton } from '../components/SampleData.tsx'
import { ErrorAlert, PageHeader } from '../components/ui.tsx'

export function HomePage() {
  const { t } = useTranslation()
  const { data: info } = useApi('app.info')
  const { data: attention, error } = useApi('attention.summary')
  const [loaded, setLoaded] = useState<number | null>(null)
  const counts = info?.counts
  const cards = [
    { to: '/localities', label: t('nav.localities'), n: counts?.localities },
    { to: '/organizations', label: t('nav.organizations'), n: counts?.organizations },
    { to: '/people', label: t('nav.people'), n: counts?.people },
    { to: '/agreements', label: t('nav.agreements'), n: counts?.agreements },
    { to: '/engagements', label: t('nav.engagements'), n: counts?.engagements },
  ]
  return (
    <Stack>
      <PageHeader title={t('home.title')} subtitle={t('home.intro')} />
      <ErrorAlert error={error} />
      {attention && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="attention">
          <AttentionGroups a={attention} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {cards.map((c) => (
          <Card key={c.to} withBorder component={Link} to={c.to} className="clickable-row" data-testid={`count-${c.to.slice(1)}`}>
            <Text c="dimmed" size="sm">
              {c.label}
            </Text>
            <Text fw={700} fz={24}>
              {c.n ?? '–'}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text c="dimmed">{t('home.searchHint')}</Text>
      {info && !info.demoLoaded && (
        <Card withBorder>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('home.demoHint')}</Text>
            <LoadSampleButton onDone={setLoaded} />
          </Group>
        </Card>
      )}
      {loaded !== null && (
        <Alert color="teal" data-testid="demo-loaded">
          {t('home.demoLoaded', { created: loaded })}
        </Alert>
      )}
    </Stack>
  )
}
