/**
 * The approval request as the page will show it: the same ApprovalModel the Word file is
 * made from, laid out like the document (heading, kind and subject, "Kính gửi", legal
 * bases, parts, "Nơi nhận" beside the signature). The document is Vietnamese in either UI.
 */
import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core'
import type { ApprovalBlock, ApprovalModel } from '../../../../shared/domain/approval.ts'

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", serif' }

function Block({ b }: { b: ApprovalBlock }) {
  switch (b.type) {
    case 'para':
      return <Text style={{ textIndent: '1.27cm', textAlign: 'justify', ...serif }}>{b.text}</Text>
    case 'label':
      return <Text fw={700} style={{ textIndent: '1.27cm', ...serif }}>{b.text}</Text>
    case 'bullet':
      return <Text style={{ textIndent: '1.27cm', textAlign: 'justify', ...serif }}>- {b.text}</Text>
    case 'table':
      return (
        <Table withTableBorder withColumnBorders verticalSpacing={2} fz="sm" style={serif} my="xs">
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
            {b.rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((c, k) => (
                  <Table.Td key={k} style={{ whiteSpace: 'pre-line' }} ta={/^[\d.—]+$/.test(c) && k > 1 ? 'right' : undefined}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )
  }
}

export function ApprovalPreview({ model: m }: { model: ApprovalModel }) {
  const centre = { textAlign: 'center' as const, ...serif }
  return (
    <Paper withBorder shadow="xs" p="xl" lang="vi" data-testid="approval-preview" style={{ ...serif, maxWidth: 800 }}>
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={0} w="42%" style={centre}>
          <Text size="sm" tt="uppercase" style={centre}>
            {m.header.parentAgency}
          </Text>
          <Text size="sm" fw={700} tt="uppercase" style={centre}>
            {m.header.agency}
          </Text>
          <Box mx="auto" w="30%" style={{ borderBottom: '1px solid currentColor' }} />
          <Text size="sm" mt={6} style={centre} data-testid="approval-number">
            {m.header.number}
          </Text>
        </Stack>
        <Stack gap={0} style={{ flex: 1, ...centre }}>
          <Text size="sm" fw={700} style={centre}>
            {m.header.nationalName}
          </Text>
          <Text size="sm" fw={700} style={centre}>
            {m.header.motto}
          </Text>
          <Box mx="auto" w="60%" style={{ borderBottom: '1px solid currentColor' }} />
          <Text size="sm" fs="italic" mt={6} style={centre}>
            {m.header.placeDate}
          </Text>
        </Stack>
      </Group>
      <Text fw={700} mt="lg" style={centre}>
        {m.title}
      </Text>
      <Text fw={700} style={centre}>
        {m.subject}
      </Text>
      <Box mx="auto" w="25%" mb="sm" style={{ borderBottom: '1px solid currentColor' }} />
      <Text style={centre} mb="sm">
        Kính gửi: {m.recipient}.
      </Text>
      <Stack gap={6} data-testid="approval-bases">
        {m.legalBases.map((b, i) => (
          <Text key={i} fs="italic" style={{ textIndent: '1.27cm', textAlign: 'justify', ...serif }}>
            {/^căn cứ/i.test(b) ? b.replace(/[;.]$/, '') : `Căn cứ ${b.replace(/[;.]$/, '')}`};
          </Text>
        ))}
      </Stack>
      {m.sections.map((s) => (
        <Stack key={s.title} gap={6} mt="sm">
          <Text fw={700} style={{ textIndent: '1.27cm', ...serif }}>
            {s.title}
          </Text>
          {s.blocks.map((b, i) => (
            <Block key={i} b={b} />
          ))}
        </Stack>
      ))}
      <Text mt="sm" style={{ textIndent: '1.27cm', textAlign: 'justify', ...serif }}>
        {m.closing}
      </Text>
      <Group align="flex-start" justify="space-between" wrap="nowrap" mt="md">
        <Stack gap={0} w="45%">
          <Text size="sm" fw={700} fs="italic" style={serif}>
            Nơi nhận:
          </Text>
          {m.recipients.map((r, i) => (
            <Text key={i} size="xs" style={serif}>
              - {r.replace(/[;.]$/, '')}
              {i === m.recipients.length - 1 ? '.' : ';'}
            </Text>
          ))}
        </Stack>
        <Stack gap={0} style={{ flex: 1, ...centre }} data-testid="approval-signature">
          <Text fw={700} tt="uppercase" style={centre}>
            {m.signature.authority}
          </Text>
          <Text fw={700} tt="uppercase" style={centre}>
            {m.signature.title}
          </Text>
          <Text fw={700} mt={60} style={centre}>
            {m.signature.name}
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}
