/** The rate table: one row per country and rank (air fare, per diem a day, lodging a night), edited in place or imported from .xlsx. */
import { ActionIcon, Alert, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TravelRate, TravelRateInput } from '../../../../shared/domain/approval.ts'
import { COUNTRIES } from '../../../../shared/domain/labels.ts'
import { useApiMutation } from '../../api.ts'
import { DeleteButton, ErrorAlert } from '../../components/ui.tsx'
import { call } from '../../api.ts'
import { useLabels } from '../../i18n/index.ts'

const EMPTY: TravelRateInput = { country: 'JP', rank: '', currency: 'USD', airfare: null, perDiem: null, lodging: null, notes: null }
const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN'))

function RateForm({ initial, onDone }: { initial: TravelRate | null; onDone: () => void }) {
  const { t } = useTranslation()
  const { options } = useLabels()
  const [form, setForm] = useState<TravelRateInput>(initial ?? EMPTY)
  const create = useApiMutation('approval.createRate')
  const update = useApiMutation('approval.updateRate')
  const error = create.error ?? update.error
  const set = (patch: Partial<TravelRateInput>) => setForm({ ...form, ...patch })
  const amount = (key: 'airfare' | 'perDiem' | 'lodging') => (
    <NumberInput size="xs" w={130} label={t(`approval.${key}`)} value={form[key] ?? ''} onChange={(v) => set({ [key]: v === '' ? null : Number(v) })} thousandSeparator="." decimalSeparator="," data-testid={`rate-${key}`} />
  )
  const submit = () =>
    initial ? update.mutate({ id: initial.id, ...form }, { onSuccess: onDone }) : create.mutate(form, { onSuccess: onDone })
  return (
    <Stack gap="xs" p="xs" bg="var(--mantine-color-default-hover)" data-testid="rate-form">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select size="xs" w={150} label={t('approval.country')} data={options(COUNTRIES)} value={form.country} onChange={(v) => v && set({ country: v })} allowDeselect={false} searchable />
        <TextInput size="xs" w={180} label={t('approval.rank')} value={form.rank} onChange={(e) => set({ rank: e.currentTarget.value })} lang="vi" data-testid="rate-rank" />
        <TextInput size="xs" w={80} label={t('approval.currency')} value={form.currency} onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} maxLength={3} data-testid="rate-currency" />
        {amount('airfare')}
        {amount('perDiem')}
        {amount('lodging')}
      </Group>
      <ErrorAlert error={error} />
      <Group gap="xs" justify="flex-end">
        <Button size="compact-sm" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="compact-sm" onClick={submit} loading={create.isPending || update.isPending} data-testid="save-rate">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  )
}

export function Rates({ rates }: { rates: TravelRate[] }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  const [editing, setEditing] = useState<TravelRate | 'new' | null>(null)
  const importer = useApiMutation('approval.importRates')
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Stack gap={0}>
          <Text fw={600}>{t('approval.rates')}</Text>
          <Text size="xs" c="dimmed">
            {t('approval.ratesHint')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => importer.mutate(undefined)} loading={importer.isPending} data-testid="import-rates">
            {t('approval.importRates')}
          </Button>
          <Button size="compact-sm" onClick={() => setEditing('new')} data-testid="add-rate">
            {t('approval.addRate')}
          </Button>
        </Group>
      </Group>
      {importer.data && <Alert color="teal" data-testid="rates-imported">{t('approval.ratesImported', { count: importer.data.imported })}</Alert>}
      <ErrorAlert error={importer.error} />
      {editing === 'new' && <RateForm initial={null} onDone={() => setEditing(null)} />}
      {rates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('approval.noRatesYet')}
        </Text>
      ) : (
        <Table striped verticalSpacing={4} fz="sm" data-testid="rates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('approval.country')}</Table.Th>
              <Table.Th>{t('approval.rank')}</Table.Th>
              <Table.Th>{t('approval.currency')}</Table.Th>
              <Table.Th ta="right">{t('approval.airfare')}</Table.Th>
              <Table.Th ta="right">{t('approval.perDiem')}</Table.Th>
              <Table.Th ta="right">{t('approval.lodging')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.map((r, i) =>
              editing !== 'new' && editing?.id === r.id ? (
                <Table.Tr key={r.id}>
                  <Table.Td colSpan={7}>
                    <RateForm initial={r} onDone={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{label(COUNTRIES, r.country)}</Table.Td>
                  <Table.Td lang="vi">
                    {r.rank}
                    {r.notes && (
                      <Text size="xs" c="dimmed" lang="vi">
                        {r.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.currency}</Table.Td>
                  <Table.Td ta="right">{money(r.airfare)}</Table.Td>
                  <Table.Td ta="right">{money(r.perDiem)}</Table.Td>
                  <Table.Td ta="right">{money(r.lodging)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon variant="subtle" onClick={() => setEditing(r)} aria-label={t('approval.editRateN', { n: i + 1 })}>
                        ✎
                      </ActionIcon>
                      <DeleteButton name={`${r.rank} (${r.country})`} onConfirm={() => call('approval.deleteRate', { id: r.id })} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
