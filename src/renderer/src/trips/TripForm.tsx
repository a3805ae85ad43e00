import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Divider, ActionIcon, SegmentedControl, Input as Field } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import { MEMBER_ROLES, TRIP_DIRECTIONS } from '../../../shared/domain/labels.ts'
import type { Trip } from '../../../shared/domain/trips.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { ProvinceSelect } from '../components/ProvinceSelect.tsx'
import { foldFilter } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { HostsFields, type HostValues } from './HostsFields.tsx'

const DATES = ['startDate', 'endDate']
const EMPTY = {
  title: '',
  homeLocalityId: '',
  startDate: '',
  endDate: '',
  objectives: '',
  notes: '',
  destinationIds: [] as string[],
  members: [] as Array<{ person: string | null; name: string; title: string; role: string }>,
  direction: 'out',
  hosts: [] as HostValues[],
}
type Values = typeof EMPTY

export function TripForm({ trip, onClose, onSaved }: { trip?: Trip; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const { data: localities = [] } = useApi('localities.list', {})
  const localityOptions = useMemo(() => localities.map((l) => ({ value: l.id, label: l.nameNative ? `${l.nameVi} · ${l.nameNative}` : l.nameVi })), [localities])
  const home = useApi('settings.get').data?.homeLocalityId ?? null
  const form = useForm<Values>({
    initialValues: trip
      ? {
          ...initialValues(EMPTY, trip, DATES),
          destinationIds: trip.destinations.map((d) => d.id),
          members: trip.members.map((m) => ({ person: m.personId ? `person:${m.personId}` : null, name: m.personId ? '' : m.name, title: m.title ?? '', role: m.role })),
          direction: trip.direction,
          hosts: trip.hosts.map((h) => ({ person: h.personId ? `person:${h.personId}` : null, name: h.personId ? '' : h.name, title: h.title ?? '', role: h.role })),
        }
      : { ...EMPTY, homeLocalityId: home ?? '' },
  })
  const incoming = form.values.direction === 'in'
  // Only the first member row shows the column labels; every field still says which row it is in.
  const rowLabel = (field: string, i: number) => `${field} · ${t('a11y.member', { n: i + 1 })}`
  // A new trip is sent by the home province (Settings), once Settings has answered.
  useEffect(() => {
    if (!trip && home && !form.isTouched('homeLocalityId') && !form.getValues().homeLocalityId) form.setFieldValue('homeLocalityId', home)
  }, [home])
  const save = async ({ members, destinationIds, direction, hosts, ...rest }: Values) => {
    const input: Input<'trips.create'> = {
      ...(toInput(rest, DATES) as Omit<Input<'trips.create'>, 'members' | 'destinationIds'>),
      direction: direction as 'out' | 'in',
      // Kept whatever the direction: switching a trip back and forth loses nothing.
      hosts: hosts.map((h) => ({ personId: decodePartner(h.person)?.id ?? null, name: h.name || null, title: h.title || null, role: h.role as 'chair' })),
      destinationIds,
      members: members.map((m) => ({ personId: decodePartner(m.person)?.id ?? null, name: m.name || null, title: m.title || null, role: m.role as 'member' })),
    }
    if (trip) await call('trips.update', { id: trip.id, expectedUpdatedAt: trip.updatedAt, ...input })
    else {
      const { id } = await call('trips.create', input)
      onSaved?.(id)
    }
  }
  return (
    <FormModal title={trip ? t('trips.edit') : t('trips.new')} opened onClose={onClose} form={form} save={save} size="70rem">
      <TextInput label={t('trips.tripTitle')} required data-autofocus {...form.getInputProps('title')} />
      <Field.Wrapper label={t('incoming.direction')}>
        <SegmentedControl
          display="flex"
          w="fit-content"
          data-testid="trip-direction"
          data={options(TRIP_DIRECTIONS)}
          {...form.getInputProps('direction')}
        />
      </Field.Wrapper>
      <Group align="flex-start">
        <ProvinceSelect
          label={incoming ? t('incoming.receivingHome') : t('trips.home')}
          clearable
          w={260}
          current={trip?.homeLocalityId && trip.homeLocalityName ? { id: trip.homeLocalityId, name: trip.homeLocalityName } : null}
          data-testid="trip-home-province"
          {...form.getInputProps('homeLocalityId')}
        />
        <DateField label={incoming ? t('incoming.arrives') : t('trips.startDate')} required {...form.getInputProps('startDate')} />
        <DateField label={incoming ? t('incoming.leaves') : t('trips.endDate')} required {...form.getInputProps('endDate')} />
      </Group>
      <MultiSelect label={incoming ? t('incoming.comingFrom') : t('trips.destinations')} data={localityOptions} searchable filter={foldFilter} {...form.getInputProps('destinationIds')} />
      <Textarea label={t('trips.objectives')} autosize minRows={3} {...form.getInputProps('objectives')} />
      <Divider label={incoming ? t('incoming.visitors') : t('trips.members')} labelPosition="left" />
      <Stack gap="xs">
        {form.values.members.map((m, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <PartnerSelect kinds={['person']} label={i === 0 ? t('trips.memberPerson') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('trips.memberPerson'), i)} style={{ flex: 2 }} value={m.person} onChange={(v) => form.setFieldValue(`members.${i}.person`, v)} />
            <TextInput label={i === 0 ? t('trips.memberName') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('trips.memberName'), i)} style={{ flex: 2 }} disabled={!!m.person} {...form.getInputProps(`members.${i}.name`)} />
            <TextInput label={i === 0 ? t('trips.memberTitle') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('trips.memberTitle'), i)} style={{ flex: 2 }} {...form.getInputProps(`members.${i}.title`)} />
            <Select label={i === 0 ? t('trips.role') : undefined} aria-label={i === 0 ? undefined : rowLabel(t('trips.role'), i)} data={options(MEMBER_ROLES)} allowDeselect={false} w={160} {...form.getInputProps(`members.${i}.role`)} />
            <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('members', i)} aria-label={rowLabel(t('common.remove'), i)}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('members', { person: null, name: '', title: '', role: form.values.members.length ? 'member' : 'head' })}>
            {t('trips.addMember')}
          </Button>
        </Group>
      </Stack>
      {incoming && <HostsFields form={form} />}
      <SimpleGrid cols={1}>
        <Textarea label={t('trips.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      </SimpleGrid>
    </FormModal>
  )
}
