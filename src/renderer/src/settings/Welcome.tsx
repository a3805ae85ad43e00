/**
 * The first start: a fresh data folder asks once for the home province and the officer's
 * name (offered: the computer's user name), then never again. Both can be changed later in
 * Settings. The language can be switched here already.
 */
import { Button, Card, Center, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLabels } from '../i18n/index.ts'
import type { AppSettings } from '../../../shared/domain/settings.ts'
import { fieldErrors, useApiMutation } from '../api.ts'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ProvinceSelect } from '../components/ProvinceSelect.tsx'
import { ErrorAlert } from '../components/ui.tsx'

export function Welcome({ settings }: { settings: AppSettings }) {
  const { t } = useTranslation()
  const [province, setProvince] = useState<string | null>(settings.homeLocalityId)
  const [name, setName] = useState(settings.userName)
  const [missing, setMissing] = useState(false)
  const done = useApiMutation('settings.completeFirstStart')
  const { lang } = useLabels()
  const errors = fieldErrors(done.error, lang)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!province) {
      setMissing(true)
      return
    }
    done.mutate({ homeLocalityId: province, userName: name })
  }
  return (
    <Center mih="100%" p="md" bg="var(--mantine-color-default-hover)">
      <Card withBorder shadow="sm" padding="xl" maw={600} w="100%" component="main">
        <form onSubmit={submit} aria-label={t('welcome.formLabel')} data-testid="welcome">
          <Stack>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Title order={1} fz={26}>
                {t('welcome.title')}
              </Title>
              <LanguageSwitch size="xs" />
            </Group>
            <Text>{t('welcome.lead')}</Text>
            <ProvinceSelect
              label={t('welcome.province')}
              description={t('welcome.provinceHint')}
              placeholder={t('welcome.provincePlaceholder')}
              value={province}
              onChange={(v) => (setProvince(v), setMissing(false))}
              error={missing ? t('welcome.provinceRequired') : errors.homeLocalityId}
              withAsterisk
              data-autofocus
              data-testid="welcome-province"
            />
            <TextInput
              label={t('welcome.name')}
              description={t('welcome.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.userName}
              withAsterisk
              data-testid="welcome-name"
            />
            <ErrorAlert error={done.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={done.isPending} data-testid="welcome-start">
                {t('welcome.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Center>
  )
}
