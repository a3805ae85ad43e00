import { Anchor, Badge, Group, Stack, Text, Timeline, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementRow } from '../../../shared/domain/agreements.ts'
import type { EngagementRow } from '../../../shared/domain/engagements.ts'
import type { PersonRow } from '../../../shared/domain/partners.ts'
import { AGREEMENT_KINDS, ENGAGEMENT_KINDS } from '../../../shared/domain/labels.ts'
import { formatDate } from '../../../shared/text/dates.ts'
import { StatusBadge } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'

export function EngagementTimeline({ rows }: { rows: EngagementRow[] }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  if (rows.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="engagement-timeline">
      {rows.map((e) => (
        <Timeline.Item key={e.id} title={<Anchor component={Link} to={`/engagements/${e.id}`} fw={600}>{e.title}</Anchor>}>
          <Text size="sm" c="dimmed">
            {[formatDate(e.startDate) + (e.endDate ? ` – ${formatDate(e.endDate)}` : ''), label(ENGAGEMENT_KINDS, e.kind), e.place].filter(Boolean).join(' · ')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

export function AgreementList({ rows }: { rows: AgreementRow[] }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  if (rows.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Stack gap="xs" data-testid="agreement-list">
      {rows.map((a) => (
        <UnstyledButton key={a.id} component={Link} to={`/agreements/${a.id}`} p="sm" className="clickable-row" style={{ display: 'flex', flexDirection: 'column', gap: 2, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{a.titleVi}</Text>
            <StatusBadge status={a.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {[label(AGREEMENT_KINDS, a.kind), a.signedDate && formatDate(a.signedDate), a.partiesText].filter(Boolean).join(' · ')}
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
