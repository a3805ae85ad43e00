import { Badge, Group, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../shared/contract.ts'
import { formatDateTime } from '../../../shared/text/dates.ts'
import { call } from '../api.ts'
import { ConfirmButton } from '../components/ui.tsx'
import { useLabels } from '../i18n/index.ts'
import { formatMegabytes } from '../i18n/format.ts'
import { recovered } from './recovered.tsx'

type Backup = Extract<AppStatus, { state: 'damaged' }>['backups'][number]

/** The backups of the damaged file, newest first (the core's order), each restorable after a confirmation. */
export function BackupTable({ backups }: { backups: Backup[] }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="sm" aria-label={t('recovery.backupsLabel')} data-testid="recovery-backups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('recovery.at')}</Table.Th>
            <Table.Th>{t('recovery.kind')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('recovery.size')}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b, i) => {
            const at = formatDateTime(b.at)
            return (
              <Table.Tr key={b.fileName} data-testid="row">
                <Table.Td>
                  <Group gap="xs">
                    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{at}</span>
                    {i === 0 && (
                      <Badge variant="light" color="teal" size="sm" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
                        {t('recovery.newest')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`settings.reason.${b.reason}`, { defaultValue: b.reason })}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {formatMegabytes(b.bytes, lang)}
                </Table.Td>
                <Table.Td ta="right">
                  <ConfirmButton
                    label={t('recovery.restoreThis')}
                    ariaLabel={t('recovery.restoreThisLabel', { at })}
                    title={t('recovery.restoreTitle')}
                    confirmLabel={t('recovery.restore')}
                    question={t('recovery.restoreConfirm', { at })}
                    extra={t('recovery.sinceBackup')}
                    testId="restore-backup"
                    onConfirm={async () => {
                      const { movedTo } = await call('recovery.restore', { fileName: b.fileName })
                      await recovered(t('recovery.restored', { movedTo }))
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
