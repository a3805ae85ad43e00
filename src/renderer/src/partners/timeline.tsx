import { Anchor, Badge, Group, Stack, Text, Timeline, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementRow } from '../../../shared/domain/agreements.ts'
import type { EngagementRow } from '../../../shared/domain/engagements.ts'
import type { PersonRow } from '../../../shared/domain/partners.ts'
import type { TripMention } from '../../../shared/domain/trips.ts'
import { AGREEMENT_KINDS, ENGAGEMENT_KINDS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { StatusBadge } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'

type Entry = { type: 'engagement'; row: EngagementRow } | { type: 'trip'; row: TripMention }

/** Engagements and trips, newest first: what the office did with this partner or person. */
export function EngagementTimeline({ rows, trips = [], limit }: { rows: EngagementRow[]; trips?: TripMention[]; limit?: number }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  const entries: Entry[] = [...rows.map((row) => ({ type: 'engagement' as const, row })), ...trips.map((row) => ({ type: 'trip' as const, row }))]
    .sort((a, b) => b.row.startDate.localeCompare(a.row.startDate))
    .slice(0, limit)
  if (entries.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  const dates = (start: string, end: string | null) => formatDate(start) + (end && end !== start ? ` – ${formatDate(end)}` : '')
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="engagement-timeline">
      {entries.map((e) =>
        e.type === 'engagement' ? (
          <Timeline.Item key={e.row.id} title={<Anchor component={Link} to={`/engagements/${e.row.id}`} fw={600}>{e.row.title}</Anchor>}>
            <Text size="sm" c="dimmed">
              {[dates(e.row.startDate, e.row.endDate), label(ENGAGEMENT_KINDS, e.row.kind), e.row.place].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ) : (
          <Timeline.Item key={e.row.id} color="grape" title={<Anchor component={Link} to={`/trips/${e.row.id}`} fw={600}>{e.row.title}</Anchor>} data-testid="timeline-trip">
            <Text size="sm" c="dimmed">
              {[dates(e.row.startDate, e.row.endDate), t('trips.single'), e.row.destinations, e.row.roles.map((r) => t(r === 'destination' && e.row.direction === 'in' ? 'trips.mention.origin' : `trips.mention.${r}`)).join(', ')].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ),
      )}
    </Timeline>
  )
}

export function AgreementList({ rows }: { rows: AgreementRow[] }) {
  const { t } = useTranslation()
  const { label, name } = useLabels()
  if (rows.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Stack gap="xs" data-testid="agreement-list">
      {rows.map((a) => (
        <UnstyledButton key={a.id} component={Link} to={`/agreements/${a.id}`} p="sm" className="clickable-row" style={{ display: 'flex', flexDirection: 'column', gap: 2, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{a.titleVi}</Text>
            <StatusBadge status={a.effectiveStatus} />
          </Group>
          <Text size="sm" c="dimmed">
            {[label(AGREEMENT_KINDS, a.kind), a.signedDate && formatDate(a.signedDate), name(a.partiesText)].filter(Boolean).join(' · ')}
          </Text>
          <Group gap="xs">
            {a.viaPredecessor && (
              <Badge size="sm" color="gray" variant="outline">
                {t('localities.viaPredecessor', { name: a.viaPredecessor })}
              </Badge>
            )}
            {a.openCommitments > 0 && <Badge size="sm" variant="light">{`${t('agreements.openCommitments')}: ${a.openCommitments}`}</Badge>}
            {a.overdueCommitments > 0 && <Badge size="sm" color="red">{`${t('agreements.overdue')}: ${a.overdueCommitments}`}</Badge>}
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  )
}

export function PeopleList({ rows }: { rows: PersonRow[] }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Stack gap="xs" data-testid="people-list">
      {rows.map((p) => (
        <Group key={p.id} gap="xs">
          <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
            {p.displayName}
          </Anchor>
          {p.nativeName && <Text lang="ja">({p.nativeName})</Text>}
          {p.title && <Text c="dimmed">– {p.title}</Text>}
        </Group>
      ))}
    </Stack>
  )
}
