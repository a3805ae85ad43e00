/**
 * The home page's groups: what needs the officer's attention today, each item opening its
 * record, each group saying so when it is empty. The core decides the states
 * (src/shared/time); this only words them.
 */
import { Anchor, Badge, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AttentionSummary } from '../../../shared/domain/attention.ts'
import { formatDate, formatDateTime } from '../../../shared/text/dates.ts'

interface GroupProps {
  id: string
  title: string
  total: number
  empty: string
  /** A group that is a problem when not empty (red/orange), or merely for information. */
  tone?: 'alert' | 'info'
  children: ReactNode
}

function AttentionGroup({ id, title, total, empty, tone = 'alert', children }: GroupProps) {
  const { t } = useTranslation()
  return (
    <Card withBorder data-testid={`attention-${id}`} component="section" aria-labelledby={`attention-${id}-title`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} id={`attention-${id}-title`}>
          {title}
        </Text>
        {total > 0 && (
          <Badge color={tone === 'alert' ? 'orange' : 'gray'} variant="light">
            <span aria-hidden>{total}</span>
            <VisuallyHidden>{t('home.count', { count: total })}</VisuallyHidden>
          </Badge>
        )}
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`attention-${id}-empty`}>
          {empty}
        </Text>
      ) : (
        <Stack gap={6}>{children}</Stack>
      )}
      {total > 0 && total > countChildren(children) && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('home.more', { count: total - countChildren(children) })}
        </Text>
      )}
    </Card>
  )
}

const countChildren = (children: ReactNode) => (Array.isArray(children) ? children.flat().length : children ? 1 : 0)

function Item({ to, children, detail }: { to: string | null; children: ReactNode; detail?: ReactNode }) {
  return (
    <div>
      {to ? (
        <Anchor component={Link} to={to} size="sm" fw={500}>
          {children}
        </Anchor>
      ) : (
        <Text size="sm" fw={500}>
          {children}
        </Text>
      )}
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </div>
  )
}

const RECORD_ROUTES: Record<string, string> = { agreement: '/agreements', locality: '/localities', organization: '/organizations', person: '/people', engagement: '/engagements', trip: '/trips' }

export function AttentionGroups({ a }: { a: AttentionSummary }) {
  const { t } = useTranslation()
  const d = (iso: string) => formatDate(iso)
  return (
    <>
      <AttentionGroup id="trips" title={t('home.trips')} total={a.trips.items.length} empty={t('home.noTrips')} tone="info">
        {a.trips.items.map((x) => (
          <Item
            key={x.id}
            to={`/trips/${x.id}/brief`}
            detail={[
              `${d(x.startDate)}–${d(x.endDate)}`,
              x.phase === 'under_way' ? t('home.underWay') : t('home.daysToDeparture', { count: x.daysToDeparture }),
              x.toFix ? t('home.briefToFix', { count: x.toFix }) : t('home.briefReady'),
            ].join(' · ')}
          >
            {x.title}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="reports" title={t('home.reports')} total={a.reports.total} empty={t('home.noReports')}>
        {a.reports.items.map((x) => (
          <Item key={`${x.agreementId}-${x.which}`} to={`/agreements/${x.agreementId}`} detail={t(`home.report.${x.which}.${x.state}`, { days: x.days, count: x.days, due: d(x.due), signed: d(x.signedDate) })}>
            {x.title}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="trip-reports" title={t('report.homeTitle')} total={a.tripReports.total} empty={t('report.homeNone')}>
        {a.tripReports.items.map((x) => (
          <Item key={x.tripId} to={`/trips/${x.tripId}/report`} detail={t(x.state === 'late' ? 'report.homeLate' : 'report.homeDue', { count: x.days, due: d(x.due), end: d(x.endDate) })}>
            {x.title}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="commitments" title={t('home.commitments')} total={a.commitments.total} empty={t('home.noCommitments')}>
        {a.commitments.items.map((x) => (
          <Item
            key={x.id}
            to={x.agreementId ? `/agreements/${x.agreementId}` : x.tripId ? `/trips/${x.tripId}` : null}
            detail={[x.state === 'overdue' ? t('home.overdueBy', { count: x.days, due: d(x.due) }) : t('home.dueIn', { count: x.days, due: d(x.due) }), x.owner, x.agreementTitle].filter(Boolean).join(' · ')}
          >
            {x.action}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="expiring" title={t('home.expiring')} total={a.expiring.total} empty={t('home.noExpiring')}>
        {a.expiring.items.map((x) => (
          <Item key={x.agreementId} to={`/agreements/${x.agreementId}`} detail={t('home.expiresIn', { count: x.daysLeft, until: d(x.validUntil) })}>
            {x.title}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="contradicted" title={t('home.contradicted')} total={a.contradicted.total} empty={t('home.noContradicted')}>
        {a.contradicted.items.map((x) => (
          <Item key={x.agreementId} to={`/agreements/${x.agreementId}`} detail={t(`saveWarnings.${x.code}`, Object.fromEntries(Object.entries(x.params).map(([k, v]) => [k, d(v)])))}>
            {x.title}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="former" title={t('home.former')} total={a.formerCounterparts.total} empty={t('home.noFormer')}>
        {a.formerCounterparts.items.map((x) => (
          <Item key={`${x.tripId}-${x.personId}`} to={`/people/${x.personId}`} detail={t('home.formerDetail', { title: x.title ?? '', until: d(x.until), meeting: x.meeting })}>
            {x.name}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="figures" title={t('home.oldFigures')} total={a.oldFigures.total} empty={t('home.noOldFigures')} tone="info">
        {a.oldFigures.items.map((x) => (
          <Item key={`${x.tripId}-${x.id}`} to={x.localityId ? `/localities/${x.localityId}` : null} detail={[x.place, t('home.asOf', { date: d(x.asOf) })].filter(Boolean).join(' · ')}>
            {x.label}
          </Item>
        ))}
      </AttentionGroup>
      <AttentionGroup id="recent" title={t('home.recent')} total={a.recent.length} empty={t('home.noRecent')} tone="info">
        {a.recent.map((x) => (
          <Item
            key={x.id}
            to={RECORD_ROUTES[x.entity] && x.action !== 'delete' ? `${RECORD_ROUTES[x.entity]}/${x.entityId}` : null}
            detail={[formatDateTime(x.at), x.actor, t(`settings.entities.${x.entity}`, { defaultValue: x.entity })].join(' · ')}
          >
            {t(`settings.auditActions.${x.action}`, { defaultValue: x.action })}: {x.name ?? t(`settings.entities.${x.entity}`, { defaultValue: x.entity })}
          </Item>
        ))}
      </AttentionGroup>
    </>
  )
}
