import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { AttentionGroups } from './AttentionGroups.tsx'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, PageHeader } from '../components/ui.tsx'

export function HomePage() {
  const { t } = useTranslation()
  const { data: info } = useApi('app.info')
  const { data: attention, error } = useApi('attention.summary')
  const demo = useApiMutation('demo.load')
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
            <Button onClick={() => demo.mutate(undefined)} loading={demo.isPending} data-testid="load-demo">
              {t('home.loadDemo')}
            </Button>
          </Group>
        </Card>
      )}
      {demo.data && (
        <Alert color="teal" data-testid="demo-loaded">
          {t('home.demoLoaded', { created: demo.data.created })}
        </Alert>
      )}
      <ErrorAlert error={demo.error} />
    </Stack>
  )
}
