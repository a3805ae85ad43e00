import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, queryClient, useApi, useApiMutation } from '../api.ts'
import { ConfirmButton, ErrorAlert, Info, notifySaved, PageHeader } from '../components/ui.tsx'
import { setLanguage, useLabels } from '../i18n/index.ts'
import { fieldLabel } from '../../../shared/domain/fields.ts'

export function SettingsPage() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const { data: info } = useApi('app.info')
  const { data: audit = [] } = useApi('audit.list')
  const setUser = useApiMutation('settings.setUserName')
  const demo = useApiMutation('demo.load')
  const [name, setName] = useState('')
  useEffect(() => setName(info?.userName ?? ''), [info?.userName])
  return (
    <Stack maw={900}>
      <PageHeader title={t('settings.title')} />
      <Card withBorder>
        <Stack>
          <Group align="flex-end">
            <TextInput label={t('settings.userName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={360} error={setUser.error?.details[0]?.message} />
            <Button onClick={() => setUser.mutate({ userName: name }, { onSuccess: () => notifySaved(t('common.saved')) })} loading={setUser.isPending}>
              {t('common.save')}
            </Button>
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.language')}
            </Text>
            <SegmentedControl
              w={260}
              value={lang}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'vi')}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
          <Info label={t('settings.dataPath')}>{info?.dataPath}</Info>
          <Info label={t('settings.version')}>{info && `${info.version} · ${t('settings.schema')} ${info.schemaVersion}`}</Info>
          <Group>
            <Button variant="light" onClick={() => demo.mutate(undefined)} loading={demo.isPending}>
              {t('home.loadDemo')}
            </Button>
            {demo.data && <Text c="teal">{t('home.demoLoaded', { created: demo.data.created })}</Text>}
          </Group>
          <ErrorAlert error={demo.error} />
        </Stack>
      </Card>
      <PacksCard />
      <BackupsCard />
      <Text fw={600}>{t('settings.audit')}</Text>
      <Table striped>
        <Table.Tbody>
          {audit.slice(0, 30).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{new Date(a.at).toLocaleString('vi-VN')}</Table.Td>
              <Table.Td>{a.actor}</Table.Td>
              <Table.Td>{t(`settings.auditActions.${a.action}`, { defaultValue: a.action })}</Table.Td>
              <Table.Td>{t(`settings.entities.${a.entity}`, { defaultValue: a.entity })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function BackupsCard() {
  const { t } = useTranslation()
  const { data: backups = [] } = useApi('backups.list')
  const create = useApiMutation('backups.create')
  const [restored, setRestored] = useState<string | null>(null)
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.backups')}</Text>
          <Button variant="light" onClick={() => create.mutate(undefined)} loading={create.isPending} data-testid="backup-now">
            {t('settings.backupNow')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.backupHint')}
        </Text>
        {create.data && <Alert color="teal">{t('settings.backupDone', { name: create.data.fileName })}</Alert>}
        {restored && <Alert color="teal">{t('settings.restored', { name: restored })}</Alert>}
        <ErrorAlert error={create.error} />
        <Table striped data-testid="backups">
          <Table.Tbody>
            {backups.slice(0, 20).map((b) => (
              <Table.Tr key={b.fileName}>
                <Table.Td>{new Date(b.at).toLocaleString('vi-VN')}</Table.Td>
                <Table.Td>{t(`settings.reason.${b.reason}`, { defaultValue: b.reason })}</Table.Td>
                <Table.Td>{Math.round(b.bytes / 1024).toLocaleString('vi-VN')} KB</Table.Td>
                <Table.Td align="right">
                  <ConfirmButton
                    label={t('settings.restore')}
                    question={t('settings.restoreConfirm', { at: new Date(b.at).toLocaleString('vi-VN') })}
                    onConfirm={async () => {
                      const safety = await call('backups.restore', { fileName: b.fileName })
                      await queryClient.invalidateQueries()
                      setRestored(safety.fileName)
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  )
}

function PacksCard() {
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
