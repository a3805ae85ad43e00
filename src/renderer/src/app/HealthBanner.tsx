import { Alert, Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { HealthResult } from '../../../shared/contract.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'

/** Over every page while the last check of the data file found faults; nothing when it did not. */
export function HealthBanner({ health }: { health: HealthResult | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  if (!health || health.ok) return null
  return (
    <Alert color="red" variant="light" title={t('health.bannerTitle')} mb="md" role="alert" data-testid="health-banner">
      <Text size="sm">{t('health.banner', { at: formatDateTime(health.at) })}</Text>
      <Anchor component="button" type="button" size="sm" fw={600} mt={6} onClick={() => navigate('/settings', { state: { section: 'health' } })}>
        {t('health.openSettings')}
      </Anchor>
    </Alert>
  )
}
