/**
 * What arose from a meeting (issue 14), in its item form: the commitments (owner, due date)
 * held by the meeting when no agreement applies, and the agreements signed at it, the
 * agreement form prefilled with the parties, the place and the day.
 */
import { ActionIcon, Anchor, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ItineraryItem } from '../../../shared/domain/trips.ts'
import { formatDate, parseDate } from '../../../shared/text/dates.ts'
import { call, queryClient, useApi } from '../api.ts'
import { AgreementForm, type AgreementValues } from '../agreements/AgreementForm.tsx'
import { DateField } from '../components/DateField.tsx'
import { ErrorAlert } from '../components/ErrorAlert.tsx'
import { CommitmentBadge } from '../components/ui.tsx'

export function ItemFollowUp({ item }: { item: ItineraryItem }) {
  const { t } = useTranslation()
  const { data } = useApi('itinerary.followUp', { id: item.id })
  const { data: trip } = useApi('trips.get', { id: item.tripId })
  const [draft, setDraft] = useState({ action: '', owner: '', due: '' })
  const [error, setError] = useState<unknown>(null)
  const [signing, setSigning] = useState(false)

  const add = async () => {
    setError(null)
    const due = draft.due.trim() ? parseDate(draft.due) : null
    try {
      // A date that cannot be read goes to the core as typed, which says what is wrong with it.
      await call('commitments.create', { itineraryItemId: item.id, action: draft.action, owner: draft.owner || null, dueDate: due ?? (draft.due.trim() || null), status: 'open' })
      setDraft({ action: '', owner: '', due: '' })
      await queryClient.invalidateQueries()
    } catch (e) {
      setError(e)
    }
  }
  const remove = async (id: string) => {
    await call('commitments.delete', { id })
    await queryClient.invalidateQueries()
  }
  const prefill: Partial<AgreementValues> = {
    status: 'signed',
    signedDate: formatDate(item.start.slice(0, 10)),
    signedPlace: item.place ?? '',
    parties: [
      ...(trip?.homeLocalityId ? [{ side: 'home', partner: `locality:${trip.homeLocalityId}` }] : []),
      ...item.counterparts.flatMap((c) => (c.exists && (c.localityId || c.organizationId) ? [{ side: 'partner', partner: c.localityId ? `locality:${c.localityId}` : `organization:${c.organizationId}` }] : [])),
    ],
  }

  return (
    <Card withBorder data-testid="item-follow-up">
      <Stack gap="sm">
        <Text fw={600}>{t('outcomes.commitments')}</Text>
        {data && data.commitments.length > 0 ? (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {data.commitments.map((c) => (
                <Table.Tr key={c.id} data-testid="item-commitment">
                  <Table.Td>{c.action}</Table.Td>
                  <Table.Td w={220}>{c.owner}</Table.Td>
                  <Table.Td w={110}>{formatDate(c.dueDate)}</Table.Td>
                  <Table.Td w={120}>
                    <CommitmentBadge status={c.status} />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" onClick={() => void remove(c.id)} aria-label={`${t('common.remove')}: ${c.action}`}>
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('outcomes.noCommitments')}
          </Text>
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('outcomes.action')} style={{ flex: 2, minWidth: 220 }} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} data-testid="new-commitment-action" />
          <TextInput label={t('outcomes.owner')} style={{ flex: 1, minWidth: 160 }} value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.currentTarget.value })} data-testid="new-commitment-owner" />
          <DateField label={t('outcomes.due')} value={draft.due} onChange={(e) => setDraft({ ...draft, due: e.currentTarget.value })} data-testid="new-commitment-due" />
          <Button type="button" variant="light" onClick={() => void add()} data-testid="add-commitment">
            {t('outcomes.addCommitment')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        <Text fw={600} mt="xs">
          {t('outcomes.agreements')}
        </Text>
        {data?.agreements.map((a) => (
          <Anchor key={a.id} component={Link} to={`/agreements/${a.id}`} size="sm">
            {a.titleVi}
            {a.signedDate ? ` (${formatDate(a.signedDate)})` : ''}
          </Anchor>
        ))}
        {data && data.agreements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('outcomes.noAgreements')}
          </Text>
        )}
        <Group>
          <Button type="button" variant="default" size="xs" onClick={() => setSigning(true)} data-testid="record-agreement">
            {t('outcomes.recordAgreement')}
          </Button>
        </Group>
      </Stack>
      {/* The agreement's form is a modal of its own: its submit must not reach the item form around it. */}
      {signing && (
        <div onSubmit={(e) => e.stopPropagation()}>
          <AgreementForm prefill={{ values: prefill, itineraryItemId: item.id }} onClose={() => setSigning(false)} />
        </div>
      )}
    </Card>
  )
}
