/**
 * The programme for the other side: the language chosen (English or Japanese), the page as
 * the Word file will have it, what is still in Vietnamese, and the export. The preview is
 * the same ProgrammeModel the .docx is made from.
 */
import { Alert, Anchor, Button, Card, Grid, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { ProgrammeLanguage, ProgrammeModel } from '../../../shared/domain/programme.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { call, useApi, useApiMutation } from '../api.ts'
import { ErrorAlert, Loading, PageHeader } from '../components/ui.tsx'

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", "IPAMincho", serif' }

function ProgrammePreview({ model }: { model: ProgrammeModel }) {
  return (
    <Paper withBorder shadow="xs" p="xl" lang={model.language} style={serif} data-testid="programme-preview">
      <Stack gap={2} align="center" w="55%">
        {model.agency.map((a, i) => (
          <Text key={i} size="sm" fw={i === model.agency.length - 1 ? 700 : 400} ta="center" style={serif}>
            {a}
          </Text>
        ))}
      </Stack>
      <Title order={2} ta="center" mt="lg" size="h4" style={serif}>
        {model.title}
      </Title>
      <Text ta="center" mb="md" style={serif}>
        {model.dates}
      </Text>
      {model.sections.map((s) => (
        <Stack key={s.title} gap="xs" mt="md">
          <Text fw={700} tt={model.language === 'en' ? 'uppercase' : undefined} style={serif}>
            {s.title}
          </Text>
          {s.blocks.map((b, i) =>
            b.type === 'day' ? (
              <Text key={i} fw={700} mt="xs" style={serif} data-testid="programme-day-heading">
                {b.text}
              </Text>
            ) : b.type === 'paragraph' ? (
              <Text key={i} style={{ ...serif, textIndent: '1.27cm', textAlign: 'justify' }}>
                {b.text}
              </Text>
            ) : (
              <Table key={i} withTableBorder withColumnBorders fz="sm" style={serif}>
                <Table.Thead bg="gray.1">
                  <Table.Tr>
                    {b.header.map((h) => (
                      <Table.Th key={h} ta="center">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.rows.map((r, k) => (
                    <Table.Tr key={k}>
                      {r.map((c, j) => (
                        <Table.Td key={j} style={{ whiteSpace: j === 0 ? 'nowrap' : 'pre-line', overflowWrap: 'anywhere' }}>
                          {c}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ),
          )}
        </Stack>
      ))}
      <Text ta="right" fs="italic" mt="lg" style={serif}>
        {model.placeDate}
      </Text>
    </Paper>
  )
}

export function ProgrammePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const [language, setLanguage] = useState<ProgrammeLanguage>('ja')
  const { data: model, error } = useApi('programme.get', { tripId: id, language })
  const { data: trip } = useApi('trips.get', { id })
  const { data: exports = [] } = useApi('briefs.exports', { tripId: id })
  const exporting = useApiMutation('programme.export')
  const done = exporting.data
  return (
    <Stack>
      <PageHeader
        title={t('incoming.programmeTitle')}
        subtitle={
          trip && (
            <Anchor component={Link} to={`/trips/${id}`}>
              {trip.title}
            </Anchor>
          )
        }
        actions={
          <Button onClick={() => exporting.mutate({ tripId: id, language })} loading={exporting.isPending} disabled={!model} data-testid="export-programme">
            {t('incoming.export')}
          </Button>
        }
      />
      {done && (
        <Alert color="teal" data-testid="programme-exported">
          <Group justify="space-between">
            <Text>{t('incoming.exported', { fileName: done.fileName })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void call('briefs.showInFolder', { path: done.path })}>
              {t('briefs.showFolder')}
            </Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={error ?? exporting.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('incoming.programmeHint')}
                </Text>
                <SegmentedControl
                  value={language}
                  onChange={(v) => setLanguage(v === 'en' ? 'en' : 'ja')}
                  aria-label={t('incoming.language')}
                  data-testid="programme-language"
                  data={[
                    { value: 'ja', label: <span lang="ja">日本語</span> },
                    { value: 'en', label: <span lang="en">English</span> },
                  ]}
                />
              </Stack>
            </Card>
            <Card withBorder data-testid="programme-warnings">
              <Text fw={600} mb="xs">
                {t('incoming.warnings')} ({model?.warnings.length ?? 0})
              </Text>
              {model && model.warnings.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('incoming.noWarnings')}
                </Text>
              )}
              <List size="sm" spacing={4}>
                {model?.warnings.map((w, i) => (
                  <List.Item key={i}>{t(`incoming.warning.${w.code}`, { subject: w.subject })}</List.Item>
                ))}
              </List>
            </Card>
            {exports.some((e) => e.document === 'programme') && (
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('briefs.history')}
                </Text>
                {exports
                  .filter((e) => e.document === 'programme')
                  .slice(0, 8)
                  .map((e) => (
                    <Text key={e.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {formatDateTime(e.at)} · {e.fileName} · <code>{e.sha256.slice(0, 10)}</code>
                    </Text>
                  ))}
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Text fw={600} mb="xs">
            {t('incoming.preview')}
          </Text>
          {model ? <ProgrammePreview model={model} /> : !error && <Loading />}
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
