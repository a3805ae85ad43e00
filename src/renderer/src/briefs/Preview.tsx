/**
 * The live preview: the same BriefModel the Word file is made from, laid out like the
 * page. Generated text can be edited in place; the edit is stored as an override of that
 * block, and the register is not changed.
 */
import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Block, BriefModel } from '../../../shared/domain/briefs.ts'
import { Writable } from '../app/session.tsx'

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", "IPAMincho", serif' }

function EditableBlock({ block, onSave, onReset, children }: { block: Extract<Block, { id: string }>; onSave: (text: string) => void; onReset: () => void; children: React.ReactNode }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const current = block.type === 'paragraphs' ? block.text : block.items.join('\n')
  if (editing !== null) {
    return (
      <Stack gap={4} my={6}>
        <Textarea autosize minRows={3} value={editing} onChange={(e) => setEditing(e.currentTarget.value)} data-testid={`edit-${block.id}`} />
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => (onSave(editing), setEditing(null))} data-testid="save-block">
            {t('briefs.saveText')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    )
  }
  // The tools stand beside the text, always visible: an officer need not hover to find them.
  return (
    <Group className="brief-block" data-block={block.id} data-edited={block.edited || undefined} gap="xs" align="flex-start" wrap="nowrap">
      <Box flex={1} miw={0}>
        {children}
      </Box>
      <Stack gap={4} align="flex-end" className="brief-block-tools">
        <Writable>
          <Tooltip label={t('briefs.editText')}>
            <ActionIcon size="md" variant="light" onClick={() => setEditing(current)} aria-label={`${t('briefs.editText')}: ${block.label ?? block.id}`} data-testid={`edit-button-${block.id}`}>
              ✎
            </ActionIcon>
          </Tooltip>
        </Writable>
        {block.edited && (
          <Tooltip label={t('briefs.resetText')}>
            <Badge component="button" type="button" size="sm" color="orange" variant="light" style={{ cursor: 'pointer', border: 0 }} onClick={onReset} data-testid={`reset-${block.id}`}>
              {t('briefs.edited')} ↺
            </Badge>
          </Tooltip>
        )}
      </Stack>
    </Group>
  )
}

function BlockView({ block, onOverride }: { block: Block; onOverride: (id: string, text: string | null) => void }) {
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
      return block.rows.length ? (
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
                  <Table.Td key={k} style={{ whiteSpace: 'pre-wrap' }}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null
    case 'paragraphs':
    case 'bullets':
      return (
        <EditableBlock block={block} onSave={(text) => onOverride(block.id, text)} onReset={() => onOverride(block.id, null)}>
          {block.label && (
            <Text fw={700} style={serif} pl={36} mt={6}>
              {block.label}
            </Text>
          )}
          {block.type === 'paragraphs'
            ? block.text
                .split(/\n+/)
                .filter(Boolean)
                .map((p, i) => (
                  <Text key={i} style={{ ...serif, textAlign: 'justify', textIndent: 36 }}>
                    {p}
                  </Text>
                ))
            : block.items.map((item, i) => (
                <Text key={i} style={serif} pl={item.startsWith('  ') ? 72 : 48}>
                  {item.startsWith('  ') ? '+ ' : '- '}
                  {item.trim()}
                </Text>
              ))}
        </EditableBlock>
      )
  }
}

export function Preview({ model, onOverride }: { model: BriefModel; onOverride: (id: string, text: string | null) => void }) {
  return (
    <Stack gap="md" data-testid="brief-preview" lang={model.language}>
      {model.includeCover && (
        <Paper withBorder p="xl" shadow="xs" style={serif}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={0} align="center" w="40%">
              <Text size="sm">{model.cover.parentAgency}</Text>
              <Text size="sm" fw={700}>
                {model.cover.agency}
              </Text>
            </Stack>
            <Stack gap={0} align="center" w="60%">
              <Text size="sm" fw={700}>
                {model.cover.nationalName}
              </Text>
              <Text size="sm" fw={700} td="underline">
                {model.cover.motto}
              </Text>
              <Text size="sm" fs="italic" mt="xs">
                {model.cover.placeDate}
              </Text>
            </Stack>
          </Group>
          <Stack align="center" gap={4} mt={40}>
            <Title order={4} ta="center" style={serif}>
              {model.cover.title}
            </Title>
            <Text fw={700} ta="center">
              {model.cover.subtitle}
            </Text>
            <Text fs="italic">{model.cover.dates}</Text>
            <Box mt="lg" px="md" py={4} style={{ border: '1px solid black' }}>
              <Text fw={700}>{model.cover.circulation}</Text>
            </Box>
          </Stack>
        </Paper>
      )}
      {model.sections.map((s) => (
        <Paper key={s.id} withBorder p="xl" shadow="xs" data-testid={`preview-${s.id}`}>
          <Text fw={700} mb="xs" style={serif} data-testid="preview-heading">
            {s.title}
          </Text>
          <Stack gap={4}>
            {s.blocks.map((b, i) => (
              <BlockView key={'id' in b ? b.id : i} block={b} onOverride={onOverride} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}
