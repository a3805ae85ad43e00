import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import { COUNTRIES, ORGANIZATION_KINDS } from '../../../shared/domain/labels.ts'
import type { Organization } from '../../../shared/domain/partners.ts'
import { call } from '../api.ts'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { decodePartner, encodePartner, PartnerSelect } from '../components/pickers.tsx'
import { useLabels } from '../i18n/index.ts'

const EMPTY = { kind: 'agency', nameVi: '', nameEn: '', nameNative: '', abbreviation: '', country: 'JP', localityId: '', website: '', notes: '' }

export function OrganizationForm({ organization, onClose, onSaved }: { organization?: Organization; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const form = useForm({ initialValues: initialValues(EMPTY, organization) })
  const save = async (values: typeof EMPTY) => {
    const input = toInput(values) as Input<'organizations.create'>
    if (organization) await call('organizations.update', { id: organization.id, expectedUpdatedAt: organization.updatedAt, ...input })
    else {
      const { id } = await call('organizations.create', input)
      onSaved?.(id)
    }
  }
  return (
    <FormModal title={organization ? t('organizations.edit') : t('organizations.new')} opened onClose={onClose} form={form} save={save}>
      <SimpleGrid cols={3}>
        <Select label={t('common.kind')} data={options(ORGANIZATION_KINDS)} allowDeselect={false} {...form.getInputProps('kind')} />
        <Select label={t('common.country')} data={options(COUNTRIES)} allowDeselect={false} {...form.getInputProps('country')} />
        <TextInput label={t('organizations.abbreviation')} {...form.getInputProps('abbreviation')} />
      </SimpleGrid>
      <TextInput label={t('localities.nameVi')} required data-autofocus {...form.getInputProps('nameVi')} />
      <SimpleGrid cols={2}>
        <TextInput label={t('localities.nameEn')} {...form.getInputProps('nameEn')} />
        <TextInput label={t('localities.nameNative')} lang="ja" {...form.getInputProps('nameNative')} />
      </SimpleGrid>
      <PartnerSelect
        kinds={['locality']}
        label={t('organizations.locality')}
        value={encodePartner(form.values.localityId ? { kind: 'locality', id: form.values.localityId } : null)}
        onChange={(v) => form.setFieldValue('localityId', decodePartner(v)?.id ?? '')}
        error={form.errors.localityId}
      />
      <TextInput label={t('organizations.website')} {...form.getInputProps('website')} />
      <Textarea label={t('common.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
    </FormModal>
  )
}
