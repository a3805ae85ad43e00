import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { fieldLabel } from '../../../shared/domain/fields.ts'

/** Data packs: export everything, open a colleague's pack, weigh its conflicts, apply it. */
export function PacksSection() {
  const { t, i18n } = useTranslation()
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
            <Button variant="light" onClick={() => (apply.reset(), setChoices({}), open.mutate(undefined))} loading={open.isPending} data-testid="open-pack">
              {t('settings.openPack')}
            </Button>
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
              {analysis.fileName} – {t('settings.packFrom', { by: analysis.exportedBy, at: new Date(analysis.createdAt).toLocaleString('vi-VN') })}
            </Text>
            <Text size="sm">{t('settings.packCounts', analysis)}</Text>
            {analysis.conflicts.length > 0 && (
              <>
                <Text size="sm" fw={600} c="orange.8">
                  {t('settings.conflicts', { count: analysis.conflicts.length })}
                </Text>
                {analysis.conflicts.map((c) => (
                  <Card key={c.key} withBorder padding="xs" data-testid="conflict">
                    <Group justify="space-between" mb={4}>
                      <Text size="sm" fw={600}>
                        {c.name}
                      </Text>
                      <SegmentedControl
                        size="xs"
                        value={choices[c.key] ?? 'mine'}
                        onChange={(v) => setChoices((x) => ({ ...x, [c.key]: v as 'mine' | 'theirs' }))}
                        data={[
                          { value: 'mine', label: t('settings.keepMine') },
                          { value: 'theirs', label: t('settings.takeTheirs') },
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
                        {c.fields.map(([field, mine, theirs]) => (
                          <Table.Tr key={field}>
                            <Table.Td>{i18n.language === 'vi' ? fieldLabel(field) : field}</Table.Td>
                            <Table.Td>{mine}</Table.Td>
                            <Table.Td>{theirs}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Card>
                ))}
              </>
            )}
            <Group justify="flex-end">
              <Button onClick={() => apply.mutate({ token: analysis.token, choices })} loading={apply.isPending} data-testid="apply-pack">
                {t('settings.applyPack')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
