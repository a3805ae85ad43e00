import { Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import { COUNTRIES, LOCALITY_LEVELS } from '../../../shared/domain/labels.ts'
import type { Locality } from '../../../shared/domain/partners.ts'
import { call } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { useLabels } from '../i18n/index.ts'

const DATES = ['validFrom', 'validTo']
const EMPTY = {
  country: 'JP',
  level: 'province',
  designationVi: 'tỉnh',
  nameVi: '',
  nameEn: '',
  nameNative: '',
  nameKana: '',
  region: '',
  capital: '',
  code: '',
  population: '' as number | '',
  areaKm2: '' as number | '',
  gdp: '',
  leader: '',
  industries: '',
  notes: '',
  validFrom: '',
  validTo: '',
}
type Values = typeof EMPTY

export function LocalityForm({ locality, opened, onClose, onSaved }: { locality?: Locality; opened: boolean; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const form = useForm<Values>({ initialValues: initialValues(EMPTY, locality, DATES) })

  const save = async (values: Values) => {
    const input = toInput(values, DATES) as Input<'localities.create'>
    if (locality) {
      await call('localities.update', { id: locality.id, expectedUpdatedAt: locality.updatedAt, ...input })
      onSaved?.(locality.id)
    } else {
      const { id } = await call('localities.create', input)
      onSaved?.(id)
    }
  }

  return (
    <FormModal title={locality ? t('localities.edit') : t('localities.new')} opened={opened} onClose={onClose} form={form} save={save}>
      <SimpleGrid cols={3}>
        <Select label={t('common.country')} data={options(COUNTRIES)} allowDeselect={false} {...form.getInputProps('country')} />
        <Select label={t('localities.level')} data={options(LOCALITY_LEVELS)} allowDeselect={false} {...form.getInputProps('level')} />
        <TextInput label={t('localities.designationVi')} {...form.getInputProps('designationVi')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('localities.nameVi')} required data-autofocus {...form.getInputProps('nameVi')} />
        <TextInput label={t('localities.nameEn')} {...form.getInputProps('nameEn')} />
        <TextInput label={t('localities.nameNative')} lang="ja" {...form.getInputProps('nameNative')} />
        <TextInput label={t('localities.nameKana')} lang="ja" {...form.getInputProps('nameKana')} />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput label={t('localities.region')} {...form.getInputProps('region')} />
        <TextInput label={t('localities.capital')} {...form.getInputProps('capital')} />
        <TextInput label={t('localities.code')} {...form.getInputProps('code')} />
        <NumberInput label={t('localities.population')} thousandSeparator="." decimalSeparator="," min={0} {...form.getInputProps('population')} />
        <NumberInput label={t('localities.areaKm2')} thousandSeparator="." decimalSeparator="," min={0} {...form.getInputProps('areaKm2')} />
        <TextInput label={t('localities.gdp')} {...form.getInputProps('gdp')} />
      </SimpleGrid>
      <TextInput label={t('localities.leader')} {...form.getInputProps('leader')} />
      <Textarea label={t('localities.industries')} autosize minRows={2} {...form.getInputProps('industries')} />
      <Textarea label={t('common.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
      <Group>
        <DateField label={t('localities.validFrom')} {...form.getInputProps('validFrom')} />
        <DateField label={t('localities.validTo')} {...form.getInputProps('validTo')} />
      </Group>
    </FormModal>
  )
}

