import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors, useApi, useApiMutation } from '../api.ts'
import { useLabels } from '../i18n/index.ts'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ErrorAlert, Info, notifySaved } from '../components/ui.tsx'

/** Who works here and on what: the user name, the language, the data file, the version, the sample data. */
export function GeneralSection() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: info } = useApi('app.info')
  const setUser = useApiMutation('settings.setUserName')
  const demo = useApiMutation('demo.load')
  const [name, setName] = useState('')
  useEffect(() => setName(info?.userName ?? ''), [info?.userName])
  return (
    <Card withBorder>
      <Stack>
        <Group align="flex-end">
          <TextInput label={t('settings.userName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={360} error={fieldErrors(setUser.error, lang).userName} />
          <Button onClick={() => setUser.mutate({ userName: name }, { onSuccess: () => notifySaved(t('common.saved')) })} loading={setUser.isPending}>
            {t('common.save')}
          </Button>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('settings.language')}
          </Text>
          <LanguageSwitch w={260} />
        </Stack>
        <Info label={t('settings.dataPath')}>{info?.dataPath}</Info>
        <Info label={t('settings.version')}>{info && `${info.version} · ${t('settings.schema')} ${info.schemaVersion}`}</Info>
        <Group>
          <Button variant="light" onClick={() => demo.mutate(undefined)} loading={demo.isPending}>
            {t('home.loadDemo')}
          </Button>
          {demo.data && <Text c="teal">{t('home.demoLoaded', { created: demo.data.created })}</Text>}
        </Group>
        <ErrorAlert error={demo.error} />
      </Stack>
    </Card>
  )
}
