import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { fieldLabel } from '../../../shared/domain/fields.ts'
import { formatDate, formatDateTime } from '../../../shared/text/dates.ts'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, COMMITMENT_STATUSES, COUNTRIES, ENGAGEMENT_KINDS, ITEM_KINDS, LOCALITY_LEVELS, ORGANIZATION_KINDS, labelOf, type Label, type Lang } from '../../../shared/domain/labels.ts'
import { Writable } from '../app/session.tsx'

const ENUMS: Record<string, Record<string, Record<string, Label>>> = {
  agreement: { kind: AGREEMENT_KINDS, status: AGREEMENT_STATUSES },
  commitment: { status: COMMITMENT_STATUSES },
  organization: { kind: ORGANIZATION_KINDS, country: COUNTRIES },
  locality: { level: LOCALITY_LEVELS, country: COUNTRIES },
  person: { country: COUNTRIES },
  engagement: { kind: ENGAGEMENT_KINDS },
  itinerary_item: { kind: ITEM_KINDS },
}

/** A stored value as the officer reads it: labels for kinds and statuses, dd/MM/yyyy for dates, yes/no for flags. */
function shown(table: string, field: string, value: string, lang: Lang, yes: string, no: string): string {
  const labels = ENUMS[table]?.[field]
  if (labels) return labelOf(labels, value, lang)
  if (field === 'shortenedProcedure') return value === '1' ? yes : no
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value
}

/** Data packs: export everything, open a colleague's pack, weigh its conflicts, apply it. */
export function PacksSection() {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi'
  const exportAll = useApiMutation('packs.export')
  const open = useApiMutation('packs.open')
  const apply = useApiMutation('packs.apply')
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({})
  const analysis = open.data
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.packs')}</Text>
          <Group gap="xs">
            <Button variant="light" onClick={() => exportAll.mutate(undefined)} loading={exportAll.isPending}>
              {t('settings.exportPack')}
            </Button>
            <Writable>
              <Button variant="light" onClick={() => (apply.reset(), setChoices({}), open.mutate(undefined))} loading={open.isPending} data-testid="open-pack">
                {t('settings.openPack')}
              </Button>
            </Writable>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.packsHint')}
        </Text>
        {exportAll.data && <Alert color="teal">{t('settings.packWritten', { name: exportAll.data.fileName })}</Alert>}
        <ErrorAlert error={exportAll.error ?? open.error ?? apply.error} />
        {apply.data && (
          <Alert color="teal" data-testid="pack-applied">
            {t('settings.packApplied', apply.data)}
            {apply.data.indexing > 0 && ` ${t('importer.indexing', { count: apply.data.indexing })}`}
          </Alert>
        )}
        {analysis && !apply.data && (
          <Stack gap="xs" data-testid="pack-analysis">
            <Text size="sm" fw={500}>
              {analysis.fileName} – {t('settings.packFrom', { by: analysis.exportedBy, at: formatDateTime(analysis.createdAt) })}
            </Text>
            <Text size="sm">{t('settings.packCounts', analysis)}</Text>
            {analysis.conflicts.length > 0 && (
              <>
                <Text size="sm" fw={600} c="orange.8">
                  {t('settings.conflicts', { count: analysis.conflicts.length })}
                </Text>
                {analysis.conflicts.map((c) => (
                  <Card key={c.key} withBorder padding="xs" data-testid="conflict">
                    <Group justify="space-between" mb={4} wrap="wrap">
                      <div>
                        <Text size="sm" fw={600}>
                          {c.name}
                        </Text>
                        {c.deletedBy && (
                          <Text size="xs" c="orange.9" data-testid="conflict-deleted">
                            <b>{t(c.deletedBy === 'theirs' ? 'settings.deletedThere' : 'settings.deletedHere')}</b> – {t(c.deletedBy === 'theirs' ? 'settings.deletedThereHint' : 'settings.deletedHereHint')}
                          </Text>
                        )}
                      </div>
                      <SegmentedControl
                        size="xs"
                        aria-label={c.name}
                        value={choices[c.key] ?? 'mine'}
                        onChange={(v) => setChoices((x) => ({ ...x, [c.key]: v as 'mine' | 'theirs' }))}
                        data={[
                          { value: 'mine', label: t(c.deletedBy === 'mine' ? 'settings.keepDeleted' : 'settings.keepMine') },
                          { value: 'theirs', label: t(c.deletedBy === 'theirs' ? 'settings.takeDeletion' : c.deletedBy === 'mine' ? 'settings.bringBack' : 'settings.takeTheirs') },
                        ]}
                      />
                    </Group>
                    <Table withColumnBorders fz="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('settings.field')}</Table.Th>
                          <Table.Th>{t('settings.mine')}</Table.Th>
                          <Table.Th>{t('settings.theirs')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {c.fields
                          // A deleted record is shown by what identifies it, not by its empty flags.
                          .filter(([, mine, theirs]) => !c.deletedBy || !['0', 'false', '[]'].includes(c.deletedBy === 'theirs' ? mine : theirs))
                          .map(([field, rawMine, rawTheirs]) => [field, shown(c.table, field, rawMine, lang, t('common.yes'), t('common.no')), shown(c.table, field, rawTheirs, lang, t('common.yes'), t('common.no'))] as const)
                          .map(([field, mine, theirs]) => (
                          <Table.Tr key={field}>
                            <Table.Td>{i18n.language === 'vi' ? fieldLabel(field) : field}</Table.Td>
                            <Table.Td>{c.deletedBy === 'mine' ? <Text span fz="xs" fs="italic">{t('settings.deletedHere')}</Text> : mine}</Table.Td>
                            <Table.Td>{c.deletedBy === 'theirs' ? <Text span fz="xs" fs="italic">{t('settings.deletedThere')}</Text> : theirs}</Table.Td>
                          </Table.Tr>
                          ))}
                      </Table.Tbody>
                    </Table>
                  </Card>
                ))}
              </>
            )}
            <Group justify="flex-end">
              {/* Every conflict is answered: one left at "keep mine" is a decision, not asked again for the same version. */}
              <Button onClick={() => apply.mutate({ token: analysis.token, choices: Object.fromEntries(analysis.conflicts.map((c) => [c.key, choices[c.key] ?? 'mine'])) })} loading={apply.isPending} data-testid="apply-pack">
                {t('settings.applyPack')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
