/**
 * What the window shows at start when the saved choice is the office's server and it does
 * not answer: what happened, and the two ways on (try again, or use the file on this
 * computer). Never a silent fall back to the file: the officer would take one register
 * for the other.
 */
import { Alert, Box, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../shared/contract.ts'
import { wordReason } from '../../../shared/messages/index.ts'
import { call, queryClient } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useLabels } from '../i18n/index.ts'

type Unreachable = Extract<AppStatus, { state: 'unreachable' }>

export function ServerUnreachable({ status }: { status: Unreachable }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const [busy, setBusy] = useState<'retry' | 'file' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const run = (which: 'retry' | 'file') => async () => {
    setBusy(which)
    setError(null)
    try {
      await call(which === 'retry' ? 'office.reconnect' : 'office.useFile')
      await queryClient.resetQueries()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Box mih="100%" bg="var(--mantine-color-default-hover)" py="xl" px="md" data-testid="server-unreachable">
      <Container size={760}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text fw={750} size="lg" c="indigo.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch size="xs" />
        </Group>
        <Card withBorder padding="xl" component="main">
          <Stack gap="lg">
            <Title order={1} size="h2" c="orange.9">
              {t('server.unreachableTitle')}
            </Title>
            <Text size="lg">{t('server.unreachableLead', { where: status.where })}</Text>
            <Alert color="orange" data-testid="server-unreachable-message">
              {wordReason(status.problem.reason, status.problem.params, lang)}
            </Alert>
            <Text>{t('server.unreachableWhat', { file: status.fileName })}</Text>
            <ErrorAlert error={error} />
            <Group>
              <Button onClick={run('retry')} loading={busy === 'retry'} disabled={busy !== null} data-testid="server-retry">
                {t('server.retry')}
              </Button>
              <Button variant="light" onClick={run('file')} loading={busy === 'file'} disabled={busy !== null} data-testid="server-use-file">
                {t('server.useFile')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Container>
    </Box>
  )
}
