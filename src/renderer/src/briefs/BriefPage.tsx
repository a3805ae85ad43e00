import { Alert, Anchor, Button, Card, Grid, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type BriefSettings } from '../../../shared/domain/briefs.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { call, queryClient, useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, Loading, PageHeader } from '../components/ui.tsx'
import { Preview } from './Preview.tsx'
import { SectionList } from './SectionList.tsx'
import { BriefWarnings } from './BriefWarnings.tsx'
import { AlsoOpen } from './AlsoOpen.tsx'
import { useShortcut } from '../app/shortcuts.ts'
import { useMayWrite } from '../app/session.tsx'

/** The brief builder: settings and sections on the left, the live preview on the right. */
export function BriefPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { data, error } = useApi('briefs.get', { tripId: id })
  const { data: trip } = useApi('trips.get', { id })
  const mayWrite = useMayWrite()
  const { data: exports = [] } = useApi('briefs.exports', { tripId: id })
  const [settings, setSettings] = useState<BriefSettings | null>(null)
  const [saveError, setSaveError] = useState<unknown>(null)
  const exportOne = useApiMutation('briefs.export')
  const exportMany = useApiMutation('briefs.exportMeetings')
  const letterhead = useApiMutation('briefs.setLetterhead')
  useShortcut('export', () => !exportOne.isPending && exportOne.mutate({ tripId: id }))
  // The core stores a newly chosen template in the settings: take them up from there.
  const chooseLetterhead = () =>
    letterhead.mutate({ tripId: id }, { onSuccess: async (r) => r && setSettings((await call('briefs.get', { tripId: id })).settings) })
  useEffect(() => {
    if (data && !settings) setSettings(data.settings)
  }, [data, settings])

  const persist = async (next: BriefSettings) => {
    setSaveError(null)
    try {
      await call('briefs.save', { tripId: id, settings: next })
      await queryClient.invalidateQueries({ queryKey: ['briefs.get'] })
    } catch (e) {
      setSaveError(e)
    }
  }
  const persistSoon = useDebouncedCallback(persist, 400)
  const update = (patch: Partial<BriefSettings>, soon = false) => {
    if (!settings) return
    const next = { ...settings, ...patch }
    setSettings(next)
    if (soon) persistSoon(next)
    else void persist(next)
  }

  if (error) return <ErrorAlert error={error} />
  if (!data || !settings) return <Loading />
  const model = data.model
  const overrides = (blockId: string, text: string | null) => {
    const next = { ...settings.overrides }
    if (text === null) delete next[blockId]
    else next[blockId] = text
    update({ overrides: next })
  }

  return (
    <Stack>
      <PageHeader
        title={t('briefs.title')}
        subtitle={
          trip && (
            <Anchor component={Link} to={`/trips/${id}`}>
              {trip.title}
            </Anchor>
          )
        }
        actions={
          <>
            <Button variant="default" onClick={() => exportMany.mutate({ tripId: id })} loading={exportMany.isPending}>
              {t('briefs.exportMeetings')}
            </Button>
            <Button onClick={() => exportOne.mutate({ tripId: id })} loading={exportOne.isPending} data-testid="export-brief">
              {t('briefs.export')}
            </Button>
          </>
        }
      />
      <AlsoOpen tripId={id} />
      {exportOne.data && (
        <Alert color="teal" data-testid="exported">
          <Group justify="space-between">
            <Text>{t('briefs.exported', { name: exportOne.data.fileName })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void call('briefs.showInFolder', { path: exportOne.data!.path })}>
              {t('briefs.showFolder')}
            </Button>
          </Group>
        </Alert>
      )}
      {exportMany.data && <Alert color="teal">{t('briefs.exportedMany', { count: exportMany.data.files.length, folder: exportMany.data.folder })}</Alert>}
      <ErrorAlert error={exportOne.error ?? exportMany.error ?? saveError} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* A viewer's login sees the settings and changes none (app/session.tsx). */}
          <fieldset disabled={!mayWrite} className="plain-fieldset">
            <Stack>
              <Card withBorder>
                <Stack gap="xs">
                  <Text fw={600}>{t('briefs.settings')}</Text>
                  <SegmentedControl
                    value={settings.language}
                    onChange={(v) => update({ language: v === 'en' ? 'en' : 'vi' })}
                    data={[
                      { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
                      { value: 'en', label: <span lang="en">English</span> },
                    ]}
                    aria-label={t('briefs.language')}
                  />
                  <TextInput label={t('briefs.parentAgency')} value={settings.parentAgency} onChange={(e) => update({ parentAgency: e.currentTarget.value }, true)} />
                  <TextInput label={t('briefs.agency')} value={settings.agency} onChange={(e) => update({ agency: e.currentTarget.value }, true)} />
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {t('briefs.letterhead')}
                    </Text>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" c={settings.letterhead ? undefined : 'dimmed'} style={{ flex: 1 }} truncate data-testid="letterhead-name">
                        {settings.letterhead?.fileName ?? t('briefs.generatedCover')}
                      </Text>
                      <Button size="compact-sm" variant="light" onClick={chooseLetterhead} loading={letterhead.isPending}>
                        {t('briefs.chooseLetterhead')}
                      </Button>
                      {settings.letterhead && (
                        <Button size="compact-sm" variant="subtle" onClick={() => update({ letterhead: null })}>
                          {t('briefs.clearLetterhead')}
                        </Button>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('briefs.letterheadHint')}
                    </Text>
                    <ErrorAlert error={letterhead.error} />
                  </Stack>
                  <Group grow>
                    <TextInput label={t('briefs.place')} value={settings.place} onChange={(e) => update({ place: e.currentTarget.value }, true)} />
                    <TextInput label={t('briefs.circulation')} value={settings.circulation} onChange={(e) => update({ circulation: e.currentTarget.value }, true)} />
                  </Group>
                </Stack>
              </Card>
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('briefs.sections')}
                </Text>
                <Stack gap={6} data-testid="section-list">
                  <SectionList sections={settings.sections} onChange={(sections) => update({ sections })} />
                </Stack>
              </Card>
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('briefs.warnings')} ({model.warnings.length})
                </Text>
                <BriefWarnings warnings={model.warnings} />
              </Card>
              {exports.length > 0 && (
                <Card withBorder>
                  <Text fw={600} mb="xs">
                    {t('briefs.history')}
                  </Text>
                  {exports.slice(0, 8).map((e) => (
                    <Text key={e.id} size="sm">
                      {formatDateTime(e.at)} · {e.fileName} · <code>{e.sha256.slice(0, 10)}</code>
                    </Text>
                  ))}
                </Card>
              )}
            </Stack>
          </fieldset>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Text fw={600} mb="xs">
            {t('briefs.preview')}
          </Text>
          <Preview model={model} onOverride={overrides} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
