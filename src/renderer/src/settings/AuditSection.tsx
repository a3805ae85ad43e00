import { Anchor, Button, Group, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { AuditEntry, AuditRecordKind } from '../../../shared/contract.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { useApi } from '../api.ts'
import { openable } from '../components/openable.ts'

/** The page a change-log row opens. */
const ROUTES: Record<AuditRecordKind, (id: string) => string> = {
  agreement: (id) => `/agreements/${id}`,
  locality: (id) => `/localities/${id}`,
  organization: (id) => `/organizations/${id}`,
  person: (id) => `/people/${id}`,
  engagement: (id) => `/engagements/${id}`,
  trip: (id) => `/trips/${id}`,
  brief: (id) => `/trips/${id}/brief`,
  snippet: () => '/snippets',
}

/**
 * The 30 most recent changes: when, who, what was done to which record; a row opens its
 * record. A sample load (or removal) is one line, which unfolds into the rows it wrote.
 */
export function AuditSection() {
  const { t } = useTranslation()
  const { data: audit = [], isSuccess } = useApi('audit.list')
  return (
    <>
      <Text fw={600}>{t('settings.audit')}</Text>
      {isSuccess && audit.length === 0 && <Text c="dimmed">{t('auditLog.empty')}</Text>}
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped highlightOnHover aria-label={t('settings.auditLabel')} data-testid="audit-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('auditLog.at')}</Table.Th>
              <Table.Th w={170}>{t('auditLog.actor')}</Table.Th>
              <Table.Th w={110}>{t('auditLog.action')}</Table.Th>
              <Table.Th>{t('auditLog.record')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.slice(0, 30).map((a) => (a.entity === 'demo' ? <SampleRows key={a.id} entry={a} /> : <Row key={a.id} entry={a} />))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  )
}

function Row({ entry: a, nested = false }: { entry: AuditEntry; nested?: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const to = a.record ? ROUTES[a.record.kind](a.record.id) : null
  return (
    <Table.Tr {...(to ? openable(() => navigate(to)) : {})} data-testid={nested ? 'audit-sample-row' : 'audit-row'}>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} c={nested ? 'dimmed' : undefined}>
        {formatDateTime(a.at)}
      </Table.Td>
      <Table.Td>{a.actor}</Table.Td>
      <Table.Td>{actionLabel(a, t)}</Table.Td>
      <Table.Td pl={nested ? 'xl' : undefined}>
        <What entry={a} to={to} />
      </Table.Td>
    </Table.Tr>
  )
}

/** A sample load's line, folded; unfolded, the rows it wrote follow it. */
function SampleRows({ entry: a }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const { data: rows = [] } = useApi('audit.list', { event: a.id }, { enabled: open })
  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(a.at)}</Table.Td>
        <Table.Td>{a.actor}</Table.Td>
        <Table.Td>{actionLabel(a, t)}</Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="wrap">
            <What entry={a} to={null} />
            {(a.count ?? 0) > 0 && (
              <Button variant="subtle" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="audit-sample-toggle">
                {open ? t('auditLog.collapse') : t('auditLog.expand', { count: a.count ?? 0 })}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && rows.map((r) => <Row key={r.id} entry={r} nested />)}
    </>
  )
}

type T = ReturnType<typeof useTranslation>['t']

function actionLabel(a: AuditEntry, t: T): string {
  if (a.action === 'first_start') return t('auditLog.first_start')
  return t(`settings.auditActions.${a.action}`, { defaultValue: a.action })
}

/** Which record, by its kind and name; a sample load says how many records it wrote. */
function What({ entry: a, to }: { entry: AuditEntry; to: string | null }) {
  const { t } = useTranslation()
  if (a.entity === 'demo') return <Text span fw={500}>{t('auditLog.sample', { count: a.count ?? 0 })}</Text>
  if (a.entity === 'settings') {
    const fields = a.detail ? a.detail.split(',').map((f) => t(`prefs.fields.${f}`, { defaultValue: f })) : []
    return (
      <Text span>
        {t('auditLog.settings')}
        {fields.length > 0 && `: ${fields.join(', ')}`}
      </Text>
    )
  }
  const kind = t(`settings.entities.${a.entity}`, { defaultValue: a.entity })
  const name = a.name ?? a.detail
  return (
    <Text span>
      <Text span c="dimmed" size="sm">
        {kind}
        {name ? ': ' : ''}
      </Text>
      {name &&
        (to ? (
          <Anchor component={Link} to={to} onClick={(e) => e.stopPropagation()} fw={500}>
            {name}
          </Anchor>
        ) : (
          <Text span fw={500}>
            {name}
          </Text>
        ))}
      {a.name && a.detail && (
        <Text span size="sm" c="dimmed">
          {' '}
          – {a.detail}
        </Text>
      )}
      {a.source?.startsWith('pack:') && (
        <Text span size="sm" c="dimmed">
          {' '}
          ({t('settings.viaPack')})
        </Text>
      )}
    </Text>
  )
}
