import { Alert, Box, Card, Code, Container, Divider, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../shared/contract.ts'
import { call } from '../api.ts'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ConfirmButton, Info } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { wordReason } from '../../../shared/messages/index.ts'
import { BackupTable } from './BackupTable.tsx'
import { recovered } from './recovered.tsx'

type Damaged = Extract<AppStatus, { state: 'damaged' }>

/**
 * What the window shows instead of the register when the data file is damaged: what
 * happened, what a restore does (the damaged file is moved aside, never deleted), the
 * backups to choose from and, failing those, an empty register. Only the recovery
 * methods are called from here; every other one would be refused.
 */
export function RecoveryPage({ status }: { status: Damaged }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const hasBackups = status.backups.length > 0
  return (
    <Box mih="100%" bg="var(--mantine-color-default-hover)" py="xl" px="md" data-testid="recovery">
      <Container size={920}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text fw={750} size="lg" c="indigo.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch size="xs" />
        </Group>
        <Card withBorder padding="xl" component="main">
          <Stack gap="lg">
            <Stack gap="xs">
              <Title order={1} size="h2" c="red.8">
                {t('recovery.title')}
              </Title>
              <Text size="lg">
                {t('recovery.lead')}
                {hasBackups && ` ${t('recovery.leadRestore')}`}
              </Text>
            </Stack>
            <Info label={t('recovery.dataPath')}>
              <Code fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="recovery-path">
                {status.dataPath}
              </Code>
            </Info>
            <Info label={t('recovery.message')}>
              <Text span size="sm" c="dark.4" data-testid="recovery-message">
                {wordReason(status.problem.reason, status.problem.params, lang)}
              </Text>
            </Info>
            {hasBackups ? (
              <>
                <Alert color="blue" title={t('recovery.whatHappens')}>
                  {t('recovery.movedAside')} {t('recovery.sinceBackup')}
                </Alert>
                <Title order={2} size="h4">
                  {t('recovery.backups')} ({status.backups.length})
                </Title>
                <BackupTable backups={status.backups} />
                <Divider />
                <StartEmpty prompt={t('recovery.noneFit')} />
              </>
            ) : (
              <>
                <Alert color="yellow" title={t('recovery.noBackups')} data-testid="recovery-no-backups">
                  {t('recovery.noBackupsHint')}
                </Alert>
                <StartEmpty />
              </>
            )}
          </Stack>
        </Card>
      </Container>
    </Box>
  )
}

/** The last way out: an empty register (reference data only); the damaged file is kept aside. */
function StartEmpty({ prompt }: { prompt?: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" align="flex-start">
      {prompt && (
        <>
          <Text fw={600}>{prompt}</Text>
          <Text size="sm" c="dimmed">
            {t('recovery.startEmptyHint')}
          </Text>
        </>
      )}
      <ConfirmButton
        label={t('recovery.startEmpty')}
        question={t('recovery.startEmptyConfirm')}
        color="red"
        testId="start-empty"
        onConfirm={async () => {
          const { movedTo } = await call('recovery.startEmpty')
          await recovered(t('recovery.startedEmpty', { movedTo }))
        }}
      />
    </Stack>
  )
}
