/** Settings > the post-trip report's rule (issue 14): due this many days after the delegation's return. */
import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useApiMutation } from '../api.ts'
import { ErrorAlert } from '../components/ErrorAlert.tsx'
import { notifySaved } from '../components/ui.tsx'

export function ReportRuleSection() {
  const { t } = useTranslation()
  const { data } = useApi('tripReport.rule')
  const save = useApiMutation('tripReport.setRule')
  const [days, setDays] = useState<number | string>('')
  useEffect(() => {
    if (data) setDays(data.dueDays)
  }, [data])
  return (
    <Card withBorder data-testid="report-rule">
      <Stack gap="xs">
        <Text fw={600}>{t('report.ruleTitle')}</Text>
        <Group align="flex-end">
          <NumberInput label={t('report.ruleDays')} w={220} min={1} max={120} allowDecimal={false} value={days} onChange={setDays} data-testid="report-due-days" />
          <Button variant="light" onClick={() => save.mutate({ dueDays: Number(days) }, { onSuccess: () => notifySaved(t('common.saved')) })} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('report.ruleHint')}
        </Text>
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  )
}
