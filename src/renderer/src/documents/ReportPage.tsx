/**
 * The post-trip report's builder (issue 14): the proposals to the leadership written here,
 * what is still missing (meetings without outcomes), and a preview of the same model the
 * Word file is made from, before it is exported and recorded among the trip's documents.
 */
import { Alert, Anchor, Box, Button, Card, Grid, Group, List, Paper, Stack, Table, Text, Textarea } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Block } from '../../../shared/domain/briefs.ts'
import type { ReportModel } from '../../../shared/domain/report.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { call, queryClient, useApi, useApiMutation } from '../api.ts'
import { ErrorAlert } from '../components/ErrorAlert.tsx'
import { Loading, PageHeader } from '../components/ui.tsx'

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", "IPAMincho", serif' }

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return (
        <Text fw={700} mt="sm" style={serif}>
          {block.text}
        </Text>
      )
    case 'fields':
      return (
        <Stack gap={2}>
          {block.rows.map(([l, v]) => (
            <Text key={l} style={serif} pl={36}>
              <b>{l}:</b> {v}
            </Text>
          ))}
        </Stack>
      )
    case 'table':
      return (
        <Table withTableBorder withColumnBorders my="xs" style={{ ...serif, fontSize: 13 }}>
          <Table.Thead>
            <Table.Tr bg="var(--mantine-color-default-hover)">
              {block.header.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {block.rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((c, k) => (
                  <Table.Td key={k}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )
    case 'paragraphs':
    case 'bullets':
      return (
        <Box>
          {block.label && (
            <Text fw={700} style={serif} pl={36} mt={6}>
              {block.label}
            </Text>
          )}
          {(block.type === 'paragraphs' ? block.text.split(/\n+/).filter(Boolean) : block.items.map((i) => `- ${i}`)).map((p, i) => (
            <Text key={i} style={{ ...serif, textAlign: 'justify', textIndent: 36 }}>
              {p}
            </Text>
          ))}
        </Box>
      )
  }
}

function ReportPreview({ model }: { model: ReportModel }) {
  return (
    <Paper withBorder p="xl" shadow="xs" data-testid="report-preview" lang="vi" style={serif}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0} align="center" w="40%">
          <Text size="sm">{model.header.parentAgency}</Text>
          <Text size="sm" fw={700}>
            {model.header.agency}
          </Text>
          <Text size="sm" mt={6}>
            {model.header.number}
          </Text>
        </Stack>
        <Stack gap={0} align="center" w="60%">
          <Text size="sm" fw={700}>
            {model.header.nationalName}
          </Text>
          <Text size="sm" fw={700} td="underline">
            {model.header.motto}
          </Text>
          <Text size="sm" fs="italic" mt="xs">
            {model.header.placeDate}
          </Text>
        </Stack>
      </Group>
      <Stack align="center" gap={2} my="lg">
        <Text fw={700}>{model.title}</Text>
        <Text fw={700} ta="center">
          {model.subtitle}
        </Text>
      </Stack>
      {model.sections.map((s) => (
        <Stack key={s.id} gap={4} mb="md" data-testid={`report-${s.id}`}>
          <Text fw={700} style={serif}>
            {s.title}
          </Text>
          {s.blocks.map((b, i) => (
            <BlockView key={i} block={b} />
          ))}
        </Stack>
      ))}
      <Group justify="space-between" align="flex-start" wrap="nowrap" mt="lg">
        <Stack gap={0} w="45%">
          <Text size="sm" fw={700} fs="italic">
            Nơi nhận:
          </Text>
          {model.recipients.map((r) => (
            <Text key={r} size="xs">
              - {r}
            </Text>
          ))}
        </Stack>
        <Stack gap={0} align="center" w="55%">
          <Text fw={700}>{model.signature.authority}</Text>
          {model.signature.title && <Text fw={700}>{model.signature.title}</Text>}
          <Text fw={700} mt={60}>
            {model.signature.name}
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}

export function ReportPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { data, error } = useApi('tripReport.get', { tripId: id })
  const { data: trip } = useApi('trips.get', { id })
  const { data: exports = [] } = useApi('briefs.exports', { tripId: id })
  const exportReport = useApiMutation('tripReport.export')
  const [proposals, setProposals] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<unknown>(null)
  useEffect(() => {
    if (data && proposals === null) setProposals(data.proposals ?? '')
  }, [data, proposals])
  const save = useDebouncedCallback(async (text: string) => {
    setSaveError(null)
    try {
      await call('tripReport.save', { tripId: id, proposals: text || null })
      await queryClient.invalidateQueries({ queryKey: ['tripReport.get'] })
    } catch (e) {
      setSaveError(e)
    }
  }, 400)

  if (error) return <ErrorAlert error={error} />
  if (!data || proposals === null) return <Loading />
  const reports = exports.filter((e) => e.document === 'report')
  return (
    <Stack>
      <PageHeader
        title={t('report.title')}
        subtitle={
          trip && (
            <Anchor component={Link} to={`/trips/${id}`}>
              {trip.title}
            </Anchor>
          )
        }
        actions={
          <Button onClick={() => exportReport.mutate({ tripId: id })} loading={exportReport.isPending} data-testid="export-report">
            {t('report.export')}
          </Button>
        }
      />
      {exportReport.data && (
        <Alert color="teal" data-testid="report-exported">
          <Group justify="space-between">
            <Text>{t('briefs.exported', { name: exportReport.data.fileName })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void call('briefs.showInFolder', { path: exportReport.data!.path })}>
              {t('briefs.showFolder')}
            </Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={exportReport.error ?? saveError} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              <Stack gap="xs">
                <Textarea
                  label={t('report.proposals')}
                  description={t('report.proposalsHint')}
                  autosize
                  minRows={5}
                  value={proposals}
                  onChange={(e) => {
                    setProposals(e.currentTarget.value)
                    save(e.currentTarget.value)
                  }}
                  data-testid="report-proposals-input"
                />
              </Stack>
            </Card>
            <Card withBorder data-testid="report-missing">
              <Text fw={600} mb="xs">
                {t('report.toFill')}
              </Text>
              {data.model.missing.outcomes.length === 0 && !data.model.missing.proposals ? (
                <Text size="sm" c="dimmed">
                  {t('report.complete')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.model.missing.outcomes.map((m) => (
                    <List.Item key={m}>{t('report.noOutcomes', { meeting: m })}</List.Item>
                  ))}
                  {data.model.missing.proposals && <List.Item>{t('report.noProposals')}</List.Item>}
                </List>
              )}
              <Text size="xs" c="dimmed" mt="xs">
                {t('report.counts', { meetings: data.model.counts.meetings, agreements: data.model.counts.agreements, commitments: data.model.counts.commitments })}
              </Text>
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('report.exports')}
              </Text>
              {reports.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('report.notExported')}
                </Text>
              ) : (
                reports.map((e) => (
                  <Text key={e.id} size="sm">
                    {formatDateTime(e.at)} · {e.fileName}
                  </Text>
                ))
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ReportPreview model={data.model} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
