/**
 * Settings > the approval request ("Tờ trình đoàn ra"): the office's symbol in
 * "Số: …/TTr-SNgV", the signature block, the exchange rates the estimate states, the rate
 * table (edited here or imported from .xlsx) and the ordered list of legal bases.
 */
import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalOffice } from '../../../shared/domain/approval.ts'
import { fieldErrors, useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, notifySaved } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { LegalBases } from './approval/LegalBases.tsx'
import { Rates } from './approval/Rates.tsx'

export function ApprovalSection() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data } = useApi('approval.settings')
  const save = useApiMutation('approval.updateOffice')
  const [form, setForm] = useState<ApprovalOffice | null>(null)
  useEffect(() => setForm(data?.office ?? null), [data])
  if (!data || !form) return null
  const errors = fieldErrors(save.error, lang)
  // Every currency of the rate table but đồng needs its rate; those already stated stay listed.
  const currencies = [...new Set([...data.rates.map((r) => r.currency).filter((c) => c !== 'VND'), ...Object.keys(form.exchangeRates)])].sort()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const exchangeRates = Object.fromEntries(Object.entries(form.exchangeRates).filter(([, v]) => v > 0))
    save.mutate({ ...form, exchangeRates }, { onSuccess: () => notifySaved(t('common.saved')) })
  }
  const set = (patch: Partial<ApprovalOffice>) => setForm({ ...form, ...patch })
  return (
    <Card withBorder data-testid="approval-settings">
      <Stack>
        <Stack gap={2}>
          <Text fw={600}>{t('approval.settingsTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('approval.settingsHint')}
          </Text>
        </Stack>
        <form onSubmit={submit} aria-label={t('approval.settingsTitle')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('approval.symbol')} description={t('approval.symbolHint', { symbol: form.symbol || 'SNgV' })} value={form.symbol} onChange={(e) => set({ symbol: e.currentTarget.value })} error={errors.symbol} lang="vi" data-testid="approval-symbol" />
              <TextInput label={t('approval.signerName')} value={form.signerName} onChange={(e) => set({ signerName: e.currentTarget.value })} error={errors.signerName} lang="vi" data-testid="approval-signer-name" />
              <TextInput label={t('approval.signerAuthority')} value={form.signerAuthority} onChange={(e) => set({ signerAuthority: e.currentTarget.value })} error={errors.signerAuthority} lang="vi" />
              <TextInput label={t('approval.signerTitle')} value={form.signerTitle} onChange={(e) => set({ signerTitle: e.currentTarget.value })} error={errors.signerTitle} lang="vi" />
            </SimpleGrid>
            {currencies.length > 0 && (
              <Group gap="sm" align="flex-end">
                {currencies.map((c) => (
                  <NumberInput
                    key={c}
                    label={t('approval.exchangeRate', { currency: c })}
                    value={form.exchangeRates[c] ?? ''}
                    onChange={(v) => set({ exchangeRates: { ...form.exchangeRates, [c]: Number(v) || 0 } })}
                    thousandSeparator="."
                    decimalSeparator=","
                    min={0}
                    w={200}
                    error={form.exchangeRates[c] ? undefined : t('approval.exchangeMissing')}
                    data-testid={`exchange-${c}`}
                  />
                ))}
              </Group>
            )}
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="save-approval-office">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Rates rates={data.rates} />
        <LegalBases bases={data.legalBases} />
      </Stack>
    </Card>
  )
}
