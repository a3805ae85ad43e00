/**
 * The import wizard: kind and file, then the columns as recognised (changeable), a legacy
 * encoding or a wrong code page offered for conversion with before/after, every row with
 * its problems and what will happen to it; nothing is written before "Nhập", then all in
 * one go.
 */
import { Alert, Badge, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../shared/contract.ts'
import { importKinds, type TextEncoding } from '../../../shared/domain/exchange.ts'
import { wordProblem } from '../../../shared/messages/index.ts'
import { call, queryClient } from '../api.ts'
import { useLabels } from '../i18n/index.ts'
import { ErrorAlert, PageHeader } from '../components/ui.tsx'
import { VirtualTable, type Column } from '../components/VirtualTable.tsx'
import { Writable } from '../app/session.tsx'

type Kind = ImportPreview['kind']
type Row = ImportPreview['rows'][number] & { id: string }
type Action = Row['action']

export function ImportPage() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const [kind, setKind] = useState<Kind>('agreements')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [actions, setActions] = useState<Record<string, Action>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ created: number; updated: number; unchanged: number; skipped: number; indexing: number } | null>(null)

  const run = async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const open = () =>
    run(async () => {
      const p = await call('import.open', { kind })
      if (p) {
        setPreview(p)
        setActions({})
        setDone(null)
      }
    })
  const refresh = (patch: { sheet?: string; mapping?: Record<string, number | null>; encoding?: TextEncoding | null }) =>
    run(async () => {
      if (!preview) return
      setPreview(await call('import.preview', { token: preview.token, kind, sheet: preview.sheet, mapping: preview.mapping, encoding: preview.encoding, ...patch }))
    })
  const actionOf = (r: Row): Action => actions[r.row] ?? r.action
  const commit = () =>
    run(async () => {
      if (!preview) return
      const result = await call('import.commit', { token: preview.token, kind, sheet: preview.sheet, mapping: preview.mapping, encoding: preview.encoding, actions })
      await queryClient.invalidateQueries()
      setDone(result)
      setPreview(null)
    })

  const rows: Row[] = (preview?.rows ?? []).map((r) => ({ ...r, id: String(r.row) }))
  const errors = rows.filter((r) => r.problems.some((p) => p.level === 'error')).length
  const warnings = rows.reduce((n, r) => n + r.problems.filter((p) => p.level === 'warning').length, 0)
  const toWrite = rows.filter((r) => actionOf(r) !== 'skip').length
  // A sheet sent back with statuses brought up to date matches on every row: one click, not hundreds.
  const matched = rows.filter((r) => r.match && !r.match.unchanged && !r.problems.some((p) => p.level === 'error'))
  const updateAll = () => setActions((a) => ({ ...a, ...Object.fromEntries(matched.map((r) => [r.row, 'update' as const])) }))
  const firstField = preview?.fields[0]?.key ?? ''

  const columns: Column<Row>[] = [
    { key: 'row', header: t('importer.row'), width: 70, render: (r) => r.row },
    {
      key: 'values',
      header: preview?.fields.find((f) => f.key === firstField)?.[lang] ?? '',
      width: '34%',
      render: (r) => (
        <Stack gap={0}>
          <Text fw={600} size="sm" lineClamp={1}>
            {r.values[firstField] || r.values.fullName || r.values.familyName || '—'}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {Object.entries(r.values)
              .filter(([k, v]) => k !== firstField && v)
              .map(([, v]) => v)
              .join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'problems',
      header: t('importer.problems'),
      render: (r) => (
        <Stack gap={2} data-testid="row-problems">
          {r.problems.map((p, i) => (
            <Text key={i} size="xs" c={p.level === 'error' ? 'red.8' : p.level === 'warning' ? 'orange.8' : 'dimmed'}>
              {p.column ? `[${p.column}] ` : ''}
              {wordProblem(p, lang)}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: t('importer.action'),
      width: 190,
      render: (r) => {
        const hasError = r.problems.some((p) => p.level === 'error')
        return (
          <Select
            size="xs"
            allowDeselect={false}
            disabled={hasError}
            value={actionOf(r)}
            onChange={(v) => setActions((a) => ({ ...a, [r.row]: (v as Action) ?? 'skip' }))}
            data={(['create', 'update', 'skip'] as const).filter((a) => a !== 'update' || r.match).map((a) => ({ value: a, label: t(`importer.actions.${a}`) }))}
            aria-label={`${t('importer.action')} ${r.row}`}
          />
        )
      },
    },
  ]

  return (
    <Stack>
      <PageHeader title={t('importer.title')} subtitle={t('importer.intro')} />
      <Card withBorder>
        <Group align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('importer.kind')}
            </Text>
            <SegmentedControl
              data-testid="import-kind"
              value={kind}
              onChange={(v) => {
                setKind(v as Kind)
                setPreview(null)
              }}
              data={importKinds.map((k) => ({ value: k, label: t(`importer.kinds.${k}`) }))}
            />
          </Stack>
          <Writable>
            <Button onClick={open} loading={busy && !preview} data-testid="choose-file">
              {t('importer.choose')}
            </Button>
          </Writable>
          {preview && <Text c="dimmed">{preview.fileName}</Text>}
        </Group>
      </Card>
      <ErrorAlert error={error} />
      {done && (
        <Alert color="teal" data-testid="import-done">
          {t('importer.done', done)}
          {done.indexing > 0 && ` ${t('importer.indexing', { count: done.indexing })}`}
        </Alert>
      )}
      {preview && (
        <>
          {preview.encodingSuspected && (
            <Alert color="yellow" data-testid="encoding-alert">
              <Stack gap="xs">
                <Text>{t(`importer.encodings.${preview.encodingSuspected}`)}</Text>
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('importer.before')}</Table.Th>
                      <Table.Th>{t('importer.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.encodingSample.map((s, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{s.before}</Table.Td>
                        <Table.Td>{s.after}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group>
                  {preview.encoding ? (
                    <Button size="xs" variant="default" onClick={() => refresh({ encoding: null, mapping: undefined })}>
                      {t('importer.undoConvert')}
                    </Button>
                  ) : (
                    <Button size="xs" onClick={() => refresh({ encoding: preview.encodingSuspected, mapping: undefined })} data-testid="convert-encoding">
                      {t('importer.convert')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Alert>
          )}
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('importer.mapping')}</Text>
              {preview.sheets.length > 1 && (
                <Select size="xs" label={t('importer.sheet')} data={preview.sheets} value={preview.sheet} onChange={(v) => v && refresh({ sheet: v, mapping: undefined })} />
              )}
            </Group>
            <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="mapping">
              {preview.fields.map((f) => (
                <Select
                  key={f.key}
                  size="xs"
                  label={f[lang]}
                  required={f.required}
                  clearable
                  placeholder={t('importer.notMapped')}
                  value={preview.mapping[f.key] === null || preview.mapping[f.key] === undefined ? null : String(preview.mapping[f.key])}
                  data={preview.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))}
                  onChange={(v) => refresh({ mapping: { ...preview.mapping, [f.key]: v === null ? null : Number(v) } })}
                />
              ))}
            </SimpleGrid>
          </Card>
          <Group justify="space-between">
            <Group gap="xs">
              <Badge variant="light">{t('importer.rows', { count: rows.length })}</Badge>
              {errors > 0 && <Badge color="red">{t('importer.errors', { count: errors })}</Badge>}
              {warnings > 0 && <Badge color="orange">{t('importer.warnings', { count: warnings })}</Badge>}
            </Group>
            <Group gap="xs">
              {matched.length > 0 && (
                <Button variant="default" onClick={updateAll} disabled={matched.every((r) => actionOf(r) === 'update')} data-testid="update-all">
                  {t('importer.updateAll', { count: matched.length })}
                </Button>
              )}
              <Button onClick={commit} loading={busy} disabled={toWrite === 0} data-testid="commit-import">
                {t('importer.commit', { count: toWrite })}
              </Button>
            </Group>
          </Group>
          {matched.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="update-hint">
              {t('importer.updateHint')}
            </Text>
          )}
          <VirtualTable rows={rows} columns={columns} height="calc(100vh - 420px)" testId="import-rows" />
        </>
      )}
    </Stack>
  )
}
