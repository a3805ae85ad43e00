import { notifySaveWarnings } from '../components/saveWarnings.ts'
import { ActionIcon, Button, Checkbox, Divider, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import type { Agreement } from '../../../shared/domain/agreements.ts'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_SIDES } from '../../../shared/domain/labels.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { foldFilter } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'

const DATES = ['signedDate', 'validFrom', 'validUntil', 'mofaOpinionDate', 'pmReportSentDate', 'mofaCopySentDate']
const EMPTY = {
  kind: 'mou',
  status: 'proposed',
  titleVi: '',
  titleEn: '',
  titleJa: '',
  signedDate: '',
  signedPlace: '',
  summary: '',
  valueAmount: '' as number | '',
  valueCurrency: '',
  validFrom: '',
  validUntil: '',
  renewal: '',
  sources: '',
  mofaOpinionNo: '',
  mofaOpinionDate: '',
  shortenedProcedure: false,
  pmReportSentDate: '',
  mofaCopySentDate: '',
  sectors: [] as string[],
  parties: [] as Array<{ side: string; partner: string | null }>,
  signatories: [] as Array<{ side: string; person: string | null; titleAtSigning: string }>,
}
export type AgreementValues = typeof EMPTY
type Values = AgreementValues

function fromAgreement(a: Agreement | undefined): Values {
  const base = initialValues(EMPTY, a, DATES)
  if (!a) return base
  return {
    ...base,
    shortenedProcedure: a.shortenedProcedure,
    sectors: a.sectors,
    parties: a.parties.map((p) => ({ side: p.side, partner: p.localityId ? `locality:${p.localityId}` : `organization:${p.organizationId}` })),
    signatories: a.signatories.map((s) => ({ side: s.side, person: `person:${s.personId}`, titleAtSigning: s.titleAtSigning ?? '' })),
  }
}

function toAgreementInput(values: Values): Input<'agreements.create'> {
  const { parties, signatories, sectors, shortenedProcedure, ...rest } = values
  return {
    ...(toInput(rest, DATES) as Omit<Input<'agreements.create'>, 'parties' | 'signatories' | 'sectors' | 'shortenedProcedure'>),
    shortenedProcedure,
    sectors,
    parties: parties.map((p) => {
      const ref = decodePartner(p.partner)
      return { side: p.side as 'home', localityId: ref?.kind === 'locality' ? ref.id : null, organizationId: ref?.kind === 'organization' ? ref.id : null }
    }),
    signatories: signatories.filter((s) => s.person).map((s) => ({ side: s.side as 'home', personId: decodePartner(s.person)!.id, titleAtSigning: s.titleAtSigning || null })),
  }
}

/** `prefill`: a new agreement signed at a trip's meeting (issue 14): its parties and date, linked back to the item. */
export function AgreementForm({
  agreement,
  onClose,
  onSaved,
  prefill,
}: {
  agreement?: Agreement
  onClose: () => void
  onSaved?: (id: string) => void
  prefill?: { values: Partial<Values>; itineraryItemId: string }
}) {
  const { t } = useTranslation()
  const { options, lang } = useLabels()
  const { data: sectors = [] } = useApi('reference.sectors')
  const form = useForm<Values>({ initialValues: { ...fromAgreement(agreement), ...(!agreement && prefill?.values) } })
  const save = async (values: Values) => {
    const input = { ...toAgreementInput(values), ...(!agreement && prefill && { itineraryItemId: prefill.itineraryItemId }) }
    if (agreement) notifySaveWarnings((await call('agreements.update', { id: agreement.id, expectedUpdatedAt: agreement.updatedAt, ...input })).warnings)
    else {
      const { id, warnings } = await call('agreements.create', input)
      notifySaveWarnings(warnings)
      onSaved?.(id)
    }
  }
  const partyError = form.errors.parties ?? Object.entries(form.errors).find(([k]) => k.startsWith('parties.'))?.[1]

  return (
    <FormModal title={agreement ? t('agreements.edit') : t('agreements.new')} opened onClose={onClose} form={form} save={save} size="80rem">
      <SimpleGrid cols={2}>
        <Select label={t('agreements.kind')} data={options(AGREEMENT_KINDS)} allowDeselect={false} {...form.getInputProps('kind')} />
        <Select label={t('agreements.status')} data={options(AGREEMENT_STATUSES)} allowDeselect={false} {...form.getInputProps('status')} data-testid="agreement-status" />
      </SimpleGrid>
      <TextInput label={t('agreements.titleVi')} required data-autofocus {...form.getInputProps('titleVi')} />
      <SimpleGrid cols={2}>
        <TextInput label={t('agreements.titleEn')} {...form.getInputProps('titleEn')} />
        <TextInput label={t('agreements.titleJa')} lang="ja" {...form.getInputProps('titleJa')} />
      </SimpleGrid>
      <Group align="flex-start">
        <DateField label={t('agreements.signedDate')} {...form.getInputProps('signedDate')} />
        <TextInput label={t('agreements.signedPlace')} style={{ flex: 1 }} {...form.getInputProps('signedPlace')} />
      </Group>

      <Divider label={t('agreements.parties')} labelPosition="left" />
      <Stack gap="xs" data-testid="parties">
        {form.values.parties.length === 0 && (
          <Text c={partyError ? 'red' : 'dimmed'} size="sm" data-testid="parties-error">
            {partyError ?? t('agreements.noParties')}
          </Text>
        )}
        {form.values.parties.map((_, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <Select label={t('agreements.side')} data={options(PARTY_SIDES)} allowDeselect={false} w={170} {...form.getInputProps(`parties.${i}.side`)} />
            <PartnerSelect
              kinds={['locality', 'organization']}
              label={`${t('agreements.party')} ${i + 1}`}
              placeholder={t('agreements.partyPlaceholder')}
              style={{ flex: 1 }}
              value={form.values.parties[i]!.partner}
              onChange={(v) => form.setFieldValue(`parties.${i}.partner`, v)}
              error={form.errors[`parties.${i}.localityId`]}
              data-testid={`party-${i}`}
            />
            <Button variant="subtle" color="red" onClick={() => form.removeListItem('parties', i)}>
              {t('common.remove')}
            </Button>
          </Group>
        ))}
        {partyError && form.values.parties.length > 0 && (
          <Text c="red" size="sm">
            {partyError}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('parties', { side: form.values.parties.length === 0 ? 'home' : 'partner', partner: null })} data-testid="add-party">
            {t('agreements.addParty')}
          </Button>
        </Group>
      </Stack>

      <Divider label={t('agreements.signatories')} labelPosition="left" />
      <Stack gap="xs">
        {form.values.signatories.map((_, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <Select label={t('agreements.side')} data={options(PARTY_SIDES)} allowDeselect={false} w={170} {...form.getInputProps(`signatories.${i}.side`)} />
            <PartnerSelect kinds={['person']} label={t('nav.people')} style={{ flex: 1 }} value={form.values.signatories[i]!.person} onChange={(v) => form.setFieldValue(`signatories.${i}.person`, v)} />
            <TextInput label={t('agreements.titleAtSigning')} style={{ flex: 1 }} {...form.getInputProps(`signatories.${i}.titleAtSigning`)} />
            <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('signatories', i)} aria-label={t('common.remove')}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('signatories', { side: 'home', person: null, titleAtSigning: '' })}>
            {t('agreements.addSignatory')}
          </Button>
        </Group>
      </Stack>

      <Divider />
      <MultiSelect label={t('agreements.sectors')} data={sectors.map((s) => ({ value: s.code, label: s[lang] }))} searchable filter={foldFilter} {...form.getInputProps('sectors')} />
      <Textarea label={t('agreements.summary')} autosize minRows={3} {...form.getInputProps('summary')} />
      <Group align="flex-start">
        <NumberInput label={t('agreements.value')} thousandSeparator="." decimalSeparator="," min={0} w={220} {...form.getInputProps('valueAmount')} />
        <TextInput label={t('agreements.currency')} w={120} {...form.getInputProps('valueCurrency')} />
        <DateField label={t('agreements.validFrom')} {...form.getInputProps('validFrom')} />
        <DateField label={t('agreements.validUntil')} {...form.getInputProps('validUntil')} />
        <TextInput label={t('agreements.renewal')} style={{ flex: 1 }} {...form.getInputProps('renewal')} />
      </Group>

      <Divider label={t('agreements.law')} labelPosition="left" />
      <Group align="flex-start">
        <TextInput label={t('agreements.mofaOpinionNo')} w={260} {...form.getInputProps('mofaOpinionNo')} />
        <DateField label={t('agreements.mofaOpinionDate')} {...form.getInputProps('mofaOpinionDate')} />
        <DateField label={t('agreements.pmReportSentDate')} w={220} {...form.getInputProps('pmReportSentDate')} />
        <DateField label={t('agreements.mofaCopySentDate')} w={240} {...form.getInputProps('mofaCopySentDate')} />
      </Group>
      <Checkbox label={t('agreements.shortenedProcedure')} {...form.getInputProps('shortenedProcedure', { type: 'checkbox' })} />
      <Textarea label={t('common.sources')} autosize minRows={2} {...form.getInputProps('sources')} />
    </FormModal>
  )
}
