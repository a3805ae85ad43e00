/** The window's own preferences: its language and light or dark colours (kept in its local storage). */
import { Card, Group, SegmentedControl, Stack, Text, useMantineColorScheme } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'

export function DisplaySection() {
  const { t } = useTranslation()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600}>{t('prefs.display')}</Text>
        <Group gap="xl" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settings-language">
              {t('settings.language')}
            </Text>
            <LanguageSwitch w={260} aria-labelledby="settings-language" />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settings-theme">
              {t('prefs.theme')}
            </Text>
            <SegmentedControl
              w={200}
              aria-labelledby="settings-theme"
              value={colorScheme === 'dark' ? 'dark' : 'light'}
              onChange={(v) => setColorScheme(v === 'dark' ? 'dark' : 'light')}
              data={[
                { value: 'light', label: t('prefs.light') },
                { value: 'dark', label: t('prefs.dark') },
              ]}
              data-testid="theme-switch"
            />
          </Stack>
        </Group>
      </Stack>
    </Card>
  )
}
