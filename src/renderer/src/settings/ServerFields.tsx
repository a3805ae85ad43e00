/**
 * The fields of Settings > "Máy chủ của cơ quan": where the server is, as whom, over which
 * TLS (verify-full with a CA file, or none for a loopback or test server), and, where this
 * computer has no keyring, the warning that a saved password is only obfuscated and the
 * officer's agreement to it.
 */
import { Alert, Button, Checkbox, Grid, Group, NumberInput, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OfficeServerView } from '../../../shared/domain/office.ts'
import type { Form } from './ServerSection.tsx'

/** Hints under their fields, so that the fields of a row line up whether or not they have one. */
const BELOW: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'description', 'error']

export function ServerFields({
  view,
  form,
  set,
  errors,
  onChooseCa,
}: {
  view: OfficeServerView
  form: Form
  set: (patch: Partial<Form>) => void
  errors: Record<string, string>
  onChooseCa: () => void
}) {
  const { t } = useTranslation()
  const weak = view.secrets.strength !== 'strong'
  return (
    <>
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
          <Button variant="default" onClick={onChooseCa} data-testid="server-choose-ca">
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
    </>
  )
}
