import { Button, Divider, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import type { Engagement } from '../../../shared/domain/engagements.ts'
import { ENGAGEMENT_KINDS } from '../../../shared/domain/labels.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { foldFilter } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { PersonForm } from '../partners/PersonForm.tsx'

const DATES = ['startDate', 'endDate']
const EMPTY = {
  kind: 'meeting',
  title: '',
  startDate: '',
  endDate: '',
  place: '',
  summary: '',
  outcomes: '',
  sources: '',
  participants: [] as Array<{ partner: string | null; role: string }>,
  agreementIds: [] as string[],
}
type Values = typeof EMPTY

function fromEngagement(e: Engagement | undefined): Values {
  const base = initialValues(EMPTY, e, DATES)
  if (!e) return base
  return {
    ...base,
    participants: e.participants.map((p) => ({
      partner: p.localityId ? `locality:${p.localityId}` : p.organizationId ? `organization:${p.organizationId}` : `person:${p.personId}`,
      role: p.role ?? '',
    })),
    agreementIds: e.agreements.map((a) => a.id),
  }
}

export function EngagementForm({ engagement, onClose, onSaved }: { engagement?: Engagement; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const { data: agreements } = useApi('agreements.list', { limit: 1000 })
  const form = useForm<Values>({ initialValues: fromEngagement(engagement) })
  const [creatingPerson, setCreatingPerson] = useState(false)
  const save = async ({ participants, agreementIds, ...rest }: Values) => {
    const input: Input<'engagements.create'> = {
      ...(toInput(rest, DATES) as Omit<Input<'engagements.create'>, 'participants' | 'agreementIds'>),
      agreementIds,
      participants: participants.map((p) => {
        const ref = decodePartner(p.partner)
        return {
          localityId: ref?.kind === 'locality' ? ref.id : null,
          organizationId: ref?.kind === 'organization' ? ref.id : null,
          personId: ref?.kind === 'person' ? ref.id : null,
          role: p.role || null,
        }
      }),
    }
    if (engagement) await call('engagements.update', { id: engagement.id, ...input })
    else {
      const { id } = await call('engagements.create', input)
      onSaved?.(id)
    }
  }
  return (
    <>
      <FormModal title={engagement ? t('engagements.edit') : t('engagements.new')} opened onClose={onClose} form={form} save={save} size="70rem">
        <Group align="flex-start">
          <Select label={t('common.kind')} data={options(ENGAGEMENT_KINDS)} allowDeselect={false} w={220} {...form.getInputProps('kind')} />
          <DateField label={t('engagements.startDate')} required {...form.getInputProps('startDate')} />
          <DateField label={t('engagements.endDate')} {...form.getInputProps('endDate')} />
          <TextInput label={t('engagements.place')} style={{ flex: 1 }} {...form.getInputProps('place')} />
        </Group>
        <TextInput label={t('engagements.eventTitle')} required data-autofocus {...form.getInputProps('title')} />
        <Textarea label={t('engagements.summary')} autosize minRows={3} {...form.getInputProps('summary')} />
        <Textarea label={t('engagements.outcomes')} autosize minRows={3} {...form.getInputProps('outcomes')} />
        <Divider label={t('engagements.participants')} labelPosition="left" />
        <Stack gap="xs">
          {form.values.participants.map((p, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <PartnerSelect
                kinds={['locality', 'organization', 'person']}
                placeholder={t('engagements.participantPlaceholder')}
                style={{ flex: 2 }}
                value={p.partner}
                onChange={(v) => form.setFieldValue(`participants.${i}.partner`, v)}
                error={form.errors[`participants.${i}.localityId`]}
              />
              <TextInput placeholder={t('common.role')} style={{ flex: 1 }} {...form.getInputProps(`participants.${i}.role`)} />
              <Button variant="subtle" color="red" onClick={() => form.removeListItem('participants', i)}>
                {t('common.remove')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('participants', { partner: null, role: '' })}>
              {t('engagements.addParticipant')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => setCreatingPerson(true)} data-testid="new-counterpart">
              {t('engagements.newCounterpart')}
            </Button>
          </Group>
        </Stack>
        <MultiSelect
          label={t('engagements.linkedAgreements')}
          searchable
          filter={foldFilter}
          data={(agreements?.rows ?? []).map((a) => ({ value: a.id, label: a.titleVi }))}
          {...form.getInputProps('agreementIds')}
        />
        <Textarea label={t('common.sources')} autosize minRows={2} {...form.getInputProps('sources')} />
      </FormModal>
      {/* Beside the dialog, not inside its form: a submit would bubble through the portal into the engagement's. */}
      {creatingPerson && (
        <PersonForm
          onClose={() => setCreatingPerson(false)}
          onSaved={(id) => form.insertListItem('participants', { partner: `person:${id}`, role: '' })}
        />
      )}
    </>
  )
}
