/**
 * Gifts and protocol history of a counterpart (issue 14): given and received, the date, the
 * occasion (in words, or one of the trips), a description. The brief's meeting outline lists
 * them, so that the next visit does not repeat a gift.
 */
import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Gift } from '../../../shared/domain/gifts.ts'
import { GIFT_DIRECTIONS } from '../../../shared/domain/gifts.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { call, useApi } from '../api.ts'
import { DateField } from '../components/DateField.tsx'
import { FormModal } from '../components/FormModal.tsx'
import { initialValues, toInput } from '../components/forms.ts'
import { DeleteButton } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'

type Counterpart = { personId: string } | { organizationId: string } | { localityId: string }
const EMPTY = { direction: 'given', date: '', occasion: '', tripId: '' as string | null, description: '', notes: '' }

function GiftForm({ counterpart, gift, onClose }: { counterpart: Counterpart; gift?: Gift; onClose: () => void }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: trips = [] } = useApi('trips.list')
  const form = useForm({ initialValues: initialValues(EMPTY, gift, ['date']) })
  const save = async (values: typeof EMPTY) => {
    const input = { ...counterpart, ...(toInput(values, ['date']) as Omit<typeof EMPTY, 'direction'>), direction: values.direction as 'given', tripId: values.tripId || null }
    if (gift) await call('gifts.update', { id: gift.id, expectedUpdatedAt: gift.updatedAt, ...input })
    else await call('gifts.create', input)
  }
  return (
    <FormModal title={gift ? t('gifts.edit') : t('gifts.new')} opened onClose={onClose} form={form} save={save}>
      <Group grow align="flex-start">
        <Select label={t('gifts.direction')} data={Object.entries(GIFT_DIRECTIONS).map(([value, l]) => ({ value, label: l[lang] }))} allowDeselect={false} {...form.getInputProps('direction')} />
        <DateField label={t('gifts.date')} required {...form.getInputProps('date')} />
      </Group>
      <TextInput label={t('gifts.description')} required data-autofocus {...form.getInputProps('description')} data-testid="gift-description" />
      <TextInput label={t('gifts.occasion')} {...form.getInputProps('occasion')} />
      <Select label={t('gifts.trip')} data={trips.map((x) => ({ value: x.id, label: x.title }))} clearable searchable {...form.getInputProps('tripId')} />
      <Textarea label={t('gifts.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      {gift && (
        <Group>
          <DeleteButton name={gift.description} onConfirm={async () => (await call('gifts.delete', { id: gift.id }), onClose())} />
        </Group>
      )}
    </FormModal>
  )
}

export function GiftsCard({ counterpart, counterpartId }: { counterpart: Counterpart; counterpartId: string }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: gifts = [] } = useApi('gifts.list', { counterpartId })
  const [open, setOpen] = useState<Gift | 'new' | null>(null)
  return (
    <Card withBorder data-testid="gifts">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('gifts.title')}</Text>
          <Button variant="light" size="xs" onClick={() => setOpen('new')} data-testid="add-gift">
            {t('gifts.new')}
          </Button>
        </Group>
        {gifts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('gifts.none')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('gifts.date')}</Table.Th>
                <Table.Th w={110}>{t('gifts.direction')}</Table.Th>
                <Table.Th>{t('gifts.description')}</Table.Th>
                <Table.Th>{t('gifts.occasion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gifts.map((g) => (
                <Table.Tr key={g.id} data-testid="gift-row">
                  <Table.Td>{formatDate(g.date)}</Table.Td>
                  <Table.Td>{GIFT_DIRECTIONS[g.direction][lang]}</Table.Td>
                  <Table.Td>
                    <button type="button" className="link-button" onClick={() => setOpen(g)} style={{ all: 'unset', cursor: 'pointer' }}>
                      {g.description}
                    </button>
                  </Table.Td>
                  <Table.Td>{g.occasion ?? g.occasionTitle}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {open && <GiftForm counterpart={counterpart} gift={open === 'new' ? undefined : open} onClose={() => setOpen(null)} />}
    </Card>
  )
}
