/** A visit received: our participants (from the register or typed in), their titles and their part. */
import { ActionIcon, Button, Divider, Group, Select, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { HOST_ROLES } from '../../../shared/domain/labels.ts'
import { PartnerSelect } from '../components/pickers.tsx'
import { useLabels } from '../i18n/index.ts'

export interface HostValues {
  person: string | null
  name: string
  title: string
  role: string
}

export function HostsFields<V extends { hosts: HostValues[] }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const hosts = form.values.hosts
  // Only the first row shows the column labels; every field still says which row it is in.
  const rowLabel = (field: string, i: number) => `${field} · ${t('incoming.hostRow', { n: i + 1 })}`
  const path = (i: number, field: keyof HostValues) => `hosts.${i}.${field}` as never
  return (
    <>
      <Divider label={t('incoming.hosts')} labelPosition="left" />
      <Stack gap="xs" data-testid="hosts">
        {hosts.map((h, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <PartnerSelect kinds={['person']} label={i === 0 ? t('incoming.hostPerson') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('incoming.hostPerson'), i)} style={{ flex: 2 }} value={h.person} onChange={(v) => form.setFieldValue(path(i, 'person'), v as never)} />
            <TextInput label={i === 0 ? t('incoming.hostName') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('incoming.hostName'), i)} style={{ flex: 2 }} disabled={!!h.person} {...form.getInputProps(path(i, 'name'))} />
            <TextInput label={i === 0 ? t('incoming.hostTitle') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('incoming.hostTitle'), i)} style={{ flex: 2 }} {...form.getInputProps(path(i, 'title'))} />
            <Select label={i === 0 ? t('incoming.hostRole') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('incoming.hostRole'), i)} data={options(HOST_ROLES)} allowDeselect={false} w={180} {...form.getInputProps(path(i, 'role'))} />
            <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('hosts' as never, i)} aria-label={rowLabel(t('common.remove'), i)}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" data-testid="add-host" onClick={() => form.insertListItem('hosts' as never, { person: null, name: '', title: '', role: hosts.length ? 'attendee' : 'chair' } as never)}>
            {t('incoming.addHost')}
          </Button>
        </Group>
      </Stack>
    </>
  )
}
