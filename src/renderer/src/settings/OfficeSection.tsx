/**
 * Who works here and for which province: the officer's name (the audit log's and every
 * record's `updated_by`), the home province (the default sending province of trips) and
 * the agency names a new brief's cover carries. Kept in the data file by the core.
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppSettings } from '../../../shared/domain/settings.ts'
import { fieldErrors, useApi, useApiMutation } from '../api.ts'
import { ProvinceSelect } from '../components/ProvinceSelect.tsx'
import { ErrorAlert, notifySaved } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { Writable } from '../app/session.tsx'

const formOf = (s: AppSettings | undefined) => ({
  userName: s?.userName ?? '',
  homeLocalityId: s?.homeLocalityId ?? null,
  parentAgency: s?.parentAgency ?? '',
  agency: s?.agency ?? '',
})

export function OfficeSection() {
  const { t } = useTranslation()
  const { data: settings } = useApi('settings.get')
  const save = useApiMutation('settings.update')
  const [form, setForm] = useState(() => formOf(settings))
  useEffect(() => setForm(formOf(settings)), [settings])
  const { lang } = useLabels()
  const errors = fieldErrors(save.error, lang)
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const { homeLocalityId, ...rest } = form
    save.mutate({ ...rest, ...(homeLocalityId && { homeLocalityId }) }, { onSuccess: () => notifySaved(t('common.saved')) })
  }
  return (
    <Card withBorder>
      <form onSubmit={submit} aria-label={t('prefs.office')} data-testid="office-settings">
        <Stack>
          <Stack gap={2}>
            <Text fw={600}>{t('prefs.office')}</Text>
            <Text size="sm" c="dimmed">
              {t('prefs.officeHint')}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('prefs.userName')} description={t('prefs.userNameHint')} value={form.userName} onChange={(e) => set({ userName: e.currentTarget.value })} error={errors.userName} withAsterisk data-testid="settings-user-name" />
            <ProvinceSelect
              label={t('prefs.homeProvince')}
              description={t('prefs.homeProvinceHint')}
              value={form.homeLocalityId}
              onChange={(v) => v && set({ homeLocalityId: v })}
              allowDeselect={false}
              error={errors.homeLocalityId}
              data-testid="settings-home-province"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('prefs.parentAgency')}
              placeholder={settings?.defaults.parentAgency}
              value={form.parentAgency}
              onChange={(e) => set({ parentAgency: e.currentTarget.value })}
              error={errors.parentAgency}
              // An agency's name as the brief's header prints it: Vietnamese in either UI.
              lang="vi"
              data-testid="settings-parent-agency"
            />
            <TextInput
              label={t('prefs.agency')}
              placeholder={settings?.defaults.agency}
              value={form.agency}
              onChange={(e) => set({ agency: e.currentTarget.value })}
              error={errors.agency}
              lang="vi"
              data-testid="settings-agency"
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt={-8}>
            {t('prefs.agencyHint')}
          </Text>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Writable>
              <Button type="submit" loading={save.isPending} data-testid="save-settings">
                {t('common.save')}
              </Button>
            </Writable>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
