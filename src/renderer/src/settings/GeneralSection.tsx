import { Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api.ts'
import { LoadSampleButton, RemoveSampleButton } from '../components/SampleData.tsx'
import { Info } from '../components/ui.tsx'

/** The data file, the version, and the sample data (loaded after a question, removable again). */
export function GeneralSection() {
  const { t } = useTranslation()
  const { data: info } = useApi('app.info')
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600}>{t('prefs.data')}</Text>
        <Info label={t('settings.dataPath')}>{info?.dataPath}</Info>
        <Info label={t('settings.version')}>{info && `${info.version} · ${t('settings.schema')} ${info.schemaVersion}`}</Info>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('settings.demo')}
          </Text>
          <Text size="sm">{t('home.demoHint')}</Text>
          {info && <Group mt={4}>{info.demoLoaded ? <RemoveSampleButton /> : <LoadSampleButton />}</Group>}
        </Stack>
      </Stack>
    </Card>
  )
}
