/**
 * The trip page's part of issue 14: the post-trip report's builder, and "Ghi nhận vào sổ",
 * which after the delegation's return makes its meetings engagements of the register (once).
 */
import { Button, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiMutation } from '../api.ts'
import { ErrorAlert } from '../components/ErrorAlert.tsx'
import { formatDate } from '../../../shared/text/dates.ts'

export function TripOutcomesActions({ tripId, endDate }: { tripId: string; endDate: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const record = useApiMutation('trips.recordInRegister')
  const run = () =>
    record.mutate(
      { tripId },
      { onSuccess: (r) => notifications.show({ color: 'teal', message: t('outcomes.recorded', { created: r.created, existing: r.existing }) }) },
    )
  return (
    <>
      <Button variant="light" onClick={() => navigate(`/trips/${tripId}/report`)} data-testid="open-report">
        {t('report.open')}
      </Button>
      {/* The core decides whether the delegation is back, and says so when it is not. */}
      <Tooltip label={t('outcomes.recordHint', { date: formatDate(endDate) })}>
        <Button variant="default" onClick={run} loading={record.isPending} data-testid="record-in-register">
          {t('outcomes.record')}
        </Button>
      </Tooltip>
      {record.error && <ErrorAlert error={record.error} />}
    </>
  )
}
