/**
 * Who the window works as (`session.get`): which register is open and whether this login
 * may write. A viewer's window hides every write control (`<Writable>`), the header says
 * "Chỉ xem", and the sidebar names the register; the server refuses a viewer's writes anyway.
 */
import { Badge, Box, Text, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { SessionInfo } from '../../../shared/domain/office.ts'
import { useApi } from '../api.ts'

export const useSession = () => useApi('session.get', undefined, { staleTime: 5 * 60_000 })

/** Whether the window may offer writes: false for a viewer's login or a server at another schema version. */
export function useMayWrite(): boolean {
  const { data } = useSession()
  return data?.mayWrite ?? true
}

/** Its children only where this login may write (new, edit, delete, import, restore…). */
export function Writable({ children }: { children: ReactNode }) {
  return useMayWrite() ? <>{children}</> : null
}

export function registerName(s: SessionInfo, t: TFunction): string {
  return s.mode === 'file' ? t('server.onFile', { file: s.where }) : t('server.onServer', { where: `${s.host}/${s.database}` })
}

/** "Chỉ xem" in the header, with why. */
export function ReadOnlyBadge() {
  const { t } = useTranslation()
  const { data } = useSession()
  if (!data || data.mayWrite) return null
  const why = data.readOnly === 'schema' ? t('server.readOnlySchema') : t('server.readOnlyViewer', { login: data.login })
  return (
    <Tooltip label={why} multiline w={280} withArrow>
      <Badge color="orange" variant="light" size="lg" tabIndex={0} aria-label={`${t('server.readOnly')}: ${why}`} data-testid="read-only-badge" style={{ flexShrink: 0 }}>
        {t('server.readOnly')}
      </Badge>
    </Tooltip>
  )
}

/** Which register the window shows, at the foot of the sidebar. */
export function RegisterPlace() {
  const { t } = useTranslation()
  const { data } = useSession()
  if (!data) return null
  return (
    <Box mt="auto" pt="md" px="sm" pb={4} data-testid="register-place">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {t('server.register')}
      </Text>
      <Text size="xs" c={data.mode === 'server' ? 'indigo.8' : 'dimmed'} style={{ overflowWrap: 'anywhere' }} title={data.where}>
        {registerName(data, t)}
        {data.mode === 'server' && ` · ${data.login}`}
      </Text>
    </Box>
  )
}
