import { ActionIcon, Button, Card, Divider, Group, MultiSelect, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../shared/contract.ts'
import { ITEM_KINDS } from '../../../shared/domain/labels.ts'
import type { ItineraryItem } from '../../../shared/domain/trips.ts'
import { formatDate, parseDate } from '../../../shared/text/dates.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { decodePartner, PartnerSelect } from '../components/pickers.tsx'
import { DeleteButton, foldFilter } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { ItemFollowUp } from './ItemFollowUp.tsx'
import { ItemTranslationsFields, translationInput, translationValues } from './ItemTranslationsFields.tsx'

const EMPTY = {
  kind: 'meeting',
  title: '',
  day: '',
  startTime: '09:00',
  endTime: '',
  place: '',
  counterparts: [] as Array<string | null>,
  sectors: [] as string[],
  attendees: '',
  purpose: '',
  talkingPoints: '',
  asks: '',
  offers: '',
  sensitivities: '',
  logistics: '',
  outcomes: '',
  tr: translationValues(undefined),
}
type Values = typeof EMPTY

function fromItem(item: ItineraryItem | undefined, defaultDay: string): Values {
  if (!item) return { ...EMPTY, day: formatDate(defaultDay) }
  const v = (s: string | null) => s ?? ''
  return {
    kind: item.kind,
    title: item.title,
    day: formatDate(item.start.slice(0, 10)),
    startTime: item.start.slice(11),
    endTime: item.end?.slice(11) ?? '',
    place: v(item.place),
    counterparts: item.counterparts.map((c) => (c.personId ? `person:${c.personId}` : c.organizationId ? `organization:${c.organizationId}` : `locality:${c.localityId}`)),
    sectors: item.sectors,
    attendees: v(item.attendees),
    purpose: v(item.purpose),
    talkingPoints: v(item.talkingPoints),
    asks: v(item.asks),
    offers: v(item.offers),
    sensitivities: v(item.sensitivities),
    logistics: v(item.logistics),
    outcomes: v(item.outcomes),
    tr: translationValues(item.translations),
  }
}

/** One activity of the programme; the talking-points library suggests what fits its counterparts and sectors. */
export function ItemForm({ tripId, item, defaultDay, onClose }: { tripId: string; item?: ItineraryItem; defaultDay: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { options, lang } = useLabels()
  const { data: sectors = [] } = useApi('reference.sectors')
  const form = useForm<Values>({ initialValues: fromItem(item, defaultDay) })
  const refs = form.values.counterparts.map(decodePartner).filter((r): r is NonNullable<typeof r> => !!r)
  const { data: suggestions = [] } = useApi('snippets.suggest', {
    counterparts: refs.map((r) => ({ [`${r.kind}Id`]: r.id })),
    sectors: form.values.sectors,
  })

  const save = async (v: Values) => {
    const day = parseDate(v.day) ?? ''
    const input: Input<'itinerary.create'> = {
      tripId,
      kind: v.kind as 'meeting',
      title: v.title,
      start: `${day}T${v.startTime}`,
      end: v.endTime ? `${day}T${v.endTime}` : null,
      place: v.place || null,
      counterparts: refs.map((r) => ({ localityId: r.kind === 'locality' ? r.id : null, organizationId: r.kind === 'organization' ? r.id : null, personId: r.kind === 'person' ? r.id : null })),
      sectors: v.sectors,
      attendees: v.attendees || null,
      purpose: v.purpose || null,
      talkingPoints: v.talkingPoints || null,
      asks: v.asks || null,
      offers: v.offers || null,
      sensitivities: v.sensitivities || null,
      logistics: v.logistics || null,
      outcomes: v.outcomes || null,
      translations: translationInput(v.tr),
    }
    if (item) await call('itinerary.update', { id: item.id, expectedUpdatedAt: item.updatedAt, ...input })
    else await call('itinerary.create', input)
  }
  // The core names "start"; show it beside the day field.
  const startError = form.errors.start

  return (
    <FormModal title={item ? t('trips.editItem') : t('trips.addItem')} opened onClose={onClose} form={form} save={save} size="80rem">
      <Group align="flex-start">
        <Select label={t('trips.kind')} data={options(ITEM_KINDS)} allowDeselect={false} w={200} {...form.getInputProps('kind')} />
        <DateField label={t('trips.day')} required {...form.getInputProps('day')} error={startError} />
        <TextInput label={t('trips.startTime')} w={110} placeholder="09:00" {...form.getInputProps('startTime')} />
        <TextInput label={t('trips.endTime')} w={110} placeholder="10:30" {...form.getInputProps('endTime')} error={form.errors.end} />
        <TextInput label={t('trips.place')} style={{ flex: 1 }} {...form.getInputProps('place')} />
      </Group>
      <TextInput label={t('trips.itemTitle')} required data-autofocus {...form.getInputProps('title')} />
      <Divider label={t('trips.counterparts')} labelPosition="left" />
      <Stack gap="xs">
        {form.values.counterparts.map((c, i) => (
          <Group key={i} wrap="nowrap">
            <PartnerSelect kinds={['locality', 'organization', 'person']} style={{ flex: 1 }} value={c} onChange={(v) => form.setFieldValue(`counterparts.${i}`, v)} />
            <ActionIcon variant="subtle" color="red" size="lg" onClick={() => form.removeListItem('counterparts', i)} aria-label={t('common.remove')}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('counterparts', null)}>
            {t('trips.addCounterpart')}
          </Button>
        </Group>
      </Stack>
      <MultiSelect label={t('trips.sectors')} data={sectors.map((s) => ({ value: s.code, label: s[lang] }))} searchable filter={foldFilter} {...form.getInputProps('sectors')} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Stack style={{ gridColumn: 'span 2' }}>
          <Textarea label={t('trips.purpose')} autosize minRows={2} {...form.getInputProps('purpose')} />
          <Textarea label={t('trips.talkingPoints')} autosize minRows={4} {...form.getInputProps('talkingPoints')} data-testid="talking-points" />
          <Textarea label={t('trips.asks')} autosize minRows={2} {...form.getInputProps('asks')} />
          <Textarea label={t('trips.offers')} autosize minRows={2} {...form.getInputProps('offers')} />
          <Textarea label={t('trips.sensitivities')} autosize minRows={2} {...form.getInputProps('sensitivities')} />
          <Textarea label={t('trips.attendees')} autosize minRows={1} {...form.getInputProps('attendees')} />
          <Textarea label={t('trips.logistics')} autosize minRows={1} {...form.getInputProps('logistics')} />
        </Stack>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('trips.suggestions')}
          </Text>
          <ScrollArea.Autosize mah={520}>
            <Stack gap="xs" data-testid="suggestions">
              {suggestions.length === 0 && <Text c="dimmed" size="sm">{t('common.none')}</Text>}
              {suggestions.map((s) => (
                <Card key={s.id} withBorder padding="xs">
                  <Text fw={600} size="sm">
                    {s.title}
                  </Text>
                  <Text size="sm">{s.text}</Text>
                  <Group justify="flex-end" mt={4}>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => form.setFieldValue('talkingPoints', [form.values.talkingPoints.trim(), s.text].filter(Boolean).join('\n'))}
                    >
                      {t('trips.insert')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Card>
      </SimpleGrid>
      <Divider label={t('outcomes.title')} labelPosition="left" />
      <Textarea label={t('outcomes.outcomes')} description={t('outcomes.outcomesHint')} autosize minRows={3} {...form.getInputProps('outcomes')} data-testid="item-outcomes" />
      {item && (item.kind === 'meeting' || item.kind === 'forum') && <ItemFollowUp item={item} />}
      <ItemTranslationsFields form={form} />
      {item && (
        <Group>
          <DeleteButton name={item.title} onConfirm={async () => (await call('itinerary.delete', { id: item.id }), onClose())} />
        </Group>
      )}
    </FormModal>
  )
}
