import { Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import { COUNTRIES } from '../../../shared/domain/labels.ts'
import type { Person } from '../../../shared/domain/partners.ts'
import { call } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { useLabels } from '../i18n/index.ts'

const DATES = ['termStart', 'termEnd']
const EMPTY = {
  familyName: '',
  givenName: '',
  familyNameNative: '',
  givenNameNative: '',
  nameKana: '',
  nameVi: '',
  nameOrder: 'family_first',
  country: 'JP',
  title: '',
  organizationId: '',
  localityId: '',
  termStart: '',
  termEnd: '',
  bio: '',
  languages: '',
  protocolNotes: '',
  phone: '',
  email: '',
}

export function PersonForm({ person, onClose, onSaved, defaults }: { person?: Person; onClose: () => void; onSaved?: (id: string) => void; defaults?: Partial<typeof EMPTY> }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const form = useForm({ initialValues: { ...initialValues(EMPTY, person, DATES), ...defaults } })
  const save = async (values: typeof EMPTY) => {
    const input = toInput(values, DATES) as Input<'people.create'>
    if (person) await call('people.update', { id: person.id, expectedUpdatedAt: person.updatedAt, ...input })
    else {
      const { id } = await call('people.create', input)
      onSaved?.(id)
    }
  }
  return (
    <FormModal title={person ? t('people.edit') : t('people.new')} opened onClose={onClose} form={form} save={save}>
      <SimpleGrid cols={2}>
        <Select label={t('common.country')} data={options(COUNTRIES)} allowDeselect={false} {...form.getInputProps('country')} />
        <Select
          label={t('people.nameOrder')}
          allowDeselect={false}
          data={[
            { value: 'family_first', label: t('people.familyFirst') },
            { value: 'given_first', label: t('people.givenFirst') },
          ]}
          {...form.getInputProps('nameOrder')}
        />
        <TextInput label={t('people.familyName')} required data-autofocus {...form.getInputProps('familyName')} />
        <TextInput label={t('people.givenName')} {...form.getInputProps('givenName')} />
        <TextInput label={t('people.familyNameNative')} lang="ja" {...form.getInputProps('familyNameNative')} />
        <TextInput label={t('people.givenNameNative')} lang="ja" {...form.getInputProps('givenNameNative')} />
        <TextInput label={t('people.nameKana')} lang="ja" {...form.getInputProps('nameKana')} />
        <TextInput label={t('people.nameVi')} {...form.getInputProps('nameVi')} />
      </SimpleGrid>
      <TextInput label={t('people.personTitle')} {...form.getInputProps('title')} />
      <SimpleGrid cols={2}>
        <PartnerSelect
          kinds={['organization']}
          label={t('people.organization')}
          value={form.values.organizationId ? `organization:${form.values.organizationId}` : null}
          onChange={(v) => form.setFieldValue('organizationId', decodePartner(v)?.id ?? '')}
          error={form.errors.organizationId}
        />
        <PartnerSelect
          kinds={['locality']}
          label={t('people.locality')}
          value={form.values.localityId ? `locality:${form.values.localityId}` : null}
          onChange={(v) => form.setFieldValue('localityId', decodePartner(v)?.id ?? '')}
          error={form.errors.localityId}
          data-testid="person-locality"
        />
      </SimpleGrid>
      <Group>
        <DateField label={t('people.termStart')} {...form.getInputProps('termStart')} />
        <DateField label={t('people.termEnd')} {...form.getInputProps('termEnd')} />
        <TextInput label={t('people.languages')} style={{ flex: 1 }} {...form.getInputProps('languages')} />
      </Group>
      <SimpleGrid cols={2}>
        <TextInput label={t('people.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <TextInput label={t('people.email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
      </SimpleGrid>
      <Textarea label={t('people.bio')} autosize minRows={3} {...form.getInputProps('bio')} />
      <Textarea label={t('people.protocolNotes')} autosize minRows={2} {...form.getInputProps('protocolNotes')} />
    </FormModal>
  )
}
