/**
 * Settings > "Máy chủ của cơ quan": the office's PostgreSQL server as this computer
 * connects to it. "Kiểm tra kết nối" says what the server is (its schema version, the
 * login's role) or why it cannot be used; connecting, and going back to the file, ask first
 * (switchDialog.tsx), then the window shows the other register from its home page.
 */
import { Alert, Badge, Button, Card, Checkbox, Grid, Group, NumberInput, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionReport, OfficeServerInput, OfficeServerView } from '../../../shared/domain/office.ts'
import { call, fieldErrors, useApi } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { SwitchDialog, useSwitchRegister } from './switchDialog.tsx'

type Form = Required<Omit<OfficeServerInput, 'caFile'>> & { caFile: string }

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

/** Hints under their fields, so that the fields of a row line up whether or not they have one. */
const BELOW: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'description', 'error']

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
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('server.host')}
              description={t('server.hostHint')}
              inputWrapperOrder={BELOW}
              value={form.host}
              onChange={(e) => set({ host: e.currentTarget.value })}
              error={errors.host}
              withAsterisk
              autoComplete="off"
              spellCheck={false}
              data-testid="server-host"
            />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput label={t('server.port')} value={form.port} onChange={(v) => set({ port: Number(v) || 0 })} min={1} max={65535} allowDecimal={false} error={errors.port} withAsterisk data-testid="server-port" />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('server.database')} value={form.database} onChange={(e) => set({ database: e.currentTarget.value })} error={errors.database} withAsterisk spellCheck={false} data-testid="server-database" />
            <TextInput label={t('server.user')} value={form.user} onChange={(e) => set({ user: e.currentTarget.value })} error={errors.user} withAsterisk autoComplete="username" spellCheck={false} data-testid="server-user" />
            <PasswordInput
              label={t('server.password')}
              description={view.server?.passwordSaved ? t('server.passwordSaved') : weak ? undefined : t('server.passwordHint')}
              inputWrapperOrder={BELOW}
              value={form.password}
              onChange={(e) => set({ password: e.currentTarget.value })}
              error={errors.password}
              autoComplete="current-password"
              data-testid="server-password"
            />
          </SimpleGrid>
          <Radio.Group label={t('server.tls')} value={form.tls} onChange={(v) => set({ tls: v as Form['tls'] })}>
            <Stack gap={6} mt={4}>
              <Radio value="verify-full" label={t('server.tlsVerify')} data-testid="server-tls-verify" />
              <Radio value="disable" label={t('server.tlsNone')} data-testid="server-tls-none" />
            </Stack>
          </Radio.Group>
          {form.tls === 'verify-full' && (
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={t('server.caFile')}
                description={t('server.caFileHint')}
                value={form.caFile}
                onChange={(e) => set({ caFile: e.currentTarget.value })}
                error={errors.caFile}
                spellCheck={false}
                style={{ flex: 1 }}
                data-testid="server-ca-file"
              />
              <Button variant="default" onClick={() => void chooseCa()} data-testid="server-choose-ca">
                {t('server.chooseCa')}
              </Button>
            </Group>
          )}
          {weak && form.password !== '' && (
            <Alert color="orange" title={t('server.weakTitle')} data-testid="server-weak-secret">
              <Stack gap="xs">
                <Text size="sm">{t('server.weakBody', { backend: view.secrets.backend })}</Text>
                <Checkbox label={t('server.weakAgree')} checked={form.acceptWeakSecret} onChange={(e) => set({ acceptWeakSecret: e.currentTarget.checked })} error={errors.acceptWeakSecret} data-testid="server-weak-agree" />
              </Stack>
            </Alert>
          )}
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
