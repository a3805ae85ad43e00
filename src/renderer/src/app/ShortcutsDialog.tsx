import { Group, Kbd, Modal, Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCAL_KEYS, SHORTCUTS } from './shortcuts.ts'

function Keys({ keys }: { keys: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <Text span size="sm" aria-hidden>+</Text>}
          <Kbd size="sm">{k}</Kbd>
        </Fragment>
      ))}
    </Group>
  )
}

/** What `?` shows: every shortcut of the registry, then the keys that work where the focus is. */
export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const rows = [...SHORTCUTS.map((s) => ({ keys: s.keys, label: s.label })), ...LOCAL_KEYS]
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg" data-testid="shortcuts">
      <Table verticalSpacing={6} data-testid="shortcut-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="35%">{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.does')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.keys.join('+')}>
              <Table.Td>
                <Keys keys={r.keys} />
              </Table.Td>
              <Table.Td>{t(r.label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        {t('shortcuts.hint')}
      </Text>
    </Modal>
  )
}
