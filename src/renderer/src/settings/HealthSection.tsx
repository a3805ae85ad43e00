import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useIsFetching } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import type { HealthResult } from '../../../shared/contract.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, Info } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { formatNumber } from '../i18n/format.ts'

/** The last check of the data file (quick_check), and a button to check it now. */
export function HealthSection() {
  const { t } = useTranslation()
  const { data: status } = useApi('app.status')
  const check = useApiMutation('health.check')
  const ref = useRef<HTMLDivElement>(null)
  const { state } = useLocation()
  // The banner's link asks for this section: bring it into view once the page has loaded
  // (the sections above it grow as their data comes).
  const settled = useIsFetching() === 0
  useEffect(() => {
    const card = ref.current
    if (!settled || !card || (state as { section?: string } | null)?.section !== 'health') return
    // The focus goes where the link led (not to the page's title), and the card into view:
    // after this commit, so that the move of the focus to a new page's title (app/focusTitle.ts,
    // whose effect runs after this child's) sees the focus placed and leaves it.
    const timer = window.setTimeout(() => {
      card.setAttribute('tabindex', '-1')
      card.focus({ preventScroll: true })
      card.scrollIntoView({ block: 'center' })
    }, 0)
    return () => window.clearTimeout(timer)
  }, [state, settled])
  const last = newest(status?.state === 'ready' ? status.health : null, check.data ?? null)
  return (
    <Card withBorder ref={ref} data-testid="health">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('health.title')}</Text>
          <Button variant="light" onClick={() => check.mutate(undefined)} loading={check.isPending} data-testid="check-health">
            {t('health.checkNow')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('health.hint')}
        </Text>
        {last ? <HealthFacts health={last} /> : <Text data-testid="health-never">{t('health.never')}</Text>}
        <ErrorAlert error={check.error} />
      </Stack>
    </Card>
  )
}

function HealthFacts({ health }: { health: HealthResult }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const took = health.ms < 1000 ? t('health.milliseconds', { value: formatNumber(health.ms, lang) }) : t('health.seconds', { value: formatNumber(health.ms / 1000, lang, 1) })
  return (
    <Stack gap="sm" mt={4}>
      {/* The result on a line of its own: a fault's detail is long. */}
      <Info label={t('health.result')}>
        <Text span fw={600} c={health.ok ? 'teal.8' : 'red.8'} style={{ overflowWrap: 'anywhere' }} data-testid="health-result">
          {health.ok ? t('health.ok') : t('health.fault', { detail: health.detail })}
        </Text>
      </Info>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" verticalSpacing="sm">
        <Info label={t('health.at')}>{formatDateTime(health.at)}</Info>
        <Info label={t('health.took')}>{took}</Info>
        <Info label={t('health.trigger')}>{t(`health.triggers.${health.trigger}`)}</Info>
      </SimpleGrid>
    </Stack>
  )
}

/** The later of two results (the one just run may be newer than the cached status). */
function newest(a: HealthResult | null, b: HealthResult | null): HealthResult | null {
  if (!a || !b) return a ?? b
  return a.at >= b.at ? a : b
}
