/**
 * Settings > "Máy chủ của cơ quan": the office's PostgreSQL server as this computer
 * connects to it. "Kiểm tra kết nối" says what the server is (its schema version, the
 * login's role) or why it cannot be used; connecting, and going back to the file, ask first
 * (switchDialog.tsx), then the window shows the other register from its home page.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionReport, OfficeServerInput, OfficeServerView } from '../../../shared/domain/office.ts'
import { call, fieldErrors, useApi } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { ServerFields } from './ServerFields.tsx'
import { SwitchDialog, useSwitchRegister } from './switchDialog.tsx'

export type Form = Required<Omit<OfficeServerInput, 'caFile'>> & { caFile: string }

const formOf = (v: OfficeServerView | undefined): Form => ({
  host: v?.server?.host ?? '',
  port: v?.server?.port ?? 5432,
  database: v?.server?.database ?? 'hanh_trang',
  user: v?.server?.user ?? '',
  password: '',
  tls: v?.server?.tls ?? 'verify-full',
  caFile: v?.server?.caFile ?? '',
  acceptWeakSecret: false,
})

const inputOf = (f: Form): OfficeServerInput => ({ ...f, caFile: f.tls === 'verify-full' && f.caFile.trim() ? f.caFile.trim() : null })

export function ServerSection() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: view } = useApi('office.get')
  const [form, setForm] = useState<Form>(() => formOf(view))
  useEffect(() => setForm(formOf(view)), [view])
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const [report, setReport] = useState<ConnectionReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [testing, setTesting] = useState(false)
  const switcher = useSwitchRegister()
  const errors = fieldErrors(error ?? switcher.error, lang)
  if (!view) return null
  const weak = view.secrets.strength !== 'strong'
  const where = `${form.host}:${form.port}/${form.database}`

  const test = async () => {
    setTesting(true)
    setError(null)
    setReport(null)
    try {
      setReport(await call('office.test', inputOf(form)))
    } catch (e) {
      setError(e)
    } finally {
      setTesting(false)
    }
  }
  const chooseCa = async () => {
    const chosen = await call('office.chooseCa').catch((e: unknown) => (setError(e), null))
    if (chosen) set({ caFile: chosen.path })
  }

  return (
    <Card withBorder>
      <form
        aria-label={t('server.title')}
        data-testid="server-settings"
        onSubmit={(e) => {
          e.preventDefault()
          void test()
        }}
      >
        <Stack>
          <Stack gap={2}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{t('server.title')}</Text>
              <Badge variant="light" color={view.use === 'server' ? 'indigo' : 'gray'} data-testid="server-in-use" style={{ textTransform: 'none' }}>
                {view.use === 'server' ? t('server.nowServer', { where: view.server ? `${view.server.host}/${view.server.database}` : '' }) : t('server.nowFile', { file: view.fileName })}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('server.hint')}
            </Text>
            {view.setBy === 'environment' && (
              <Text size="sm" c="dimmed">
                {t('server.byEnvironment')}
              </Text>
            )}
          </Stack>
          <ServerFields view={view} form={form} set={set} errors={errors} onChooseCa={() => void chooseCa()} />
          {report && <ReportAlert report={report} />}
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="xs">
            {view.use === 'server' && (
              <Button variant="subtle" onClick={() => switcher.ask({ to: 'file', file: view.fileName, where: view.server ? `${view.server.host}/${view.server.database}` : '' })} data-testid="server-use-file">
                {t('server.useFile')}
              </Button>
            )}
            <Button type="submit" variant="default" loading={testing} data-testid="server-test">
              {t('server.test')}
            </Button>
            <Button
              onClick={() => switcher.ask({ to: 'server', where, input: inputOf(form) })}
              disabled={weak && form.password !== '' && !form.acceptWeakSecret}
              data-testid="server-connect"
            >
              {t('server.connect')}
            </Button>
          </Group>
        </Stack>
      </form>
      <SwitchDialog switcher={switcher} />
    </Card>
  )
}

function ReportAlert({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation()
  const differs = report.serverSchema !== report.appSchema
  return (
    <Alert color={differs ? 'orange' : report.mayWrite ? 'green' : 'blue'} title={t('server.ok', { where: report.where })} role="status" data-testid="server-report">
      <Stack gap={4}>
        <Text size="sm">{t(`server.role_${report.role}`, { login: report.login })}</Text>
        <Text size="sm">{t('server.okSchema', { server: report.serverSchema, app: report.appSchema })}</Text>
        {differs && (
          <Text size="sm" fw={600}>
            {t('server.schemaDiffers', { server: report.serverSchema, app: report.appSchema })}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}
