import { Group, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Output } from '../../../shared/contract.ts'
import { call } from '../api.ts'

/** How often an open brief says it is still open (the core forgets a page after 45 s unheard). */
export const HEARTBEAT_MS = 15_000

type Others = Output<'briefs.presence'>

/**
 * Says every 15 s that this page has the trip's brief open, and goodbye when it closes;
 * returns the others who have it open (colleagues, or this officer's other windows).
 * A failed heartbeat shows nobody: the banner is a courtesy, never an error.
 */
export function useBriefPresence(tripId: string): Others {
  const [others, setOthers] = useState<Others>([])
  useEffect(() => {
    const session = crypto.randomUUID()
    let live = true
    const beat = () =>
      call('briefs.presence', { tripId, session }).then(
        (seen) => live && setOthers(seen),
        () => live && setOthers([]),
      )
    const leave = () => void call('briefs.presence', { tripId, session, leave: true }).catch(() => {})
    void beat()
    const timer = setInterval(beat, HEARTBEAT_MS)
    window.addEventListener('pagehide', leave)
    return () => {
      live = false
      clearInterval(timer)
      window.removeEventListener('pagehide', leave)
      leave()
    }
  }, [tripId])
  return others
}

/** "Đang mở cùng lúc: Nguyễn Văn A" / "Also open: …", beside the brief's title; nothing when alone. */
export function AlsoOpen({ tripId }: { tripId: string }) {
  const { t, i18n } = useTranslation()
  const others = useBriefPresence(tripId)
  if (others.length === 0) return null
  const names = [...new Set(others.map((o) => (o.sameOfficer ? t('presence.ownWindow', { name: o.login }) : o.login)))]
  const list = new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { type: 'conjunction' }).format(names)
  return (
    <Tooltip label={t('presence.alsoOpenHint')} multiline w={320} withArrow>
      {/* Just under the page's title (the header keeps a margin below it). */}
      <Group gap={6} wrap="nowrap" role="status" data-testid="also-open" mt={-20} style={{ alignSelf: 'flex-start' }}>
        <ThemeIcon size={10} radius="xl" color="orange" aria-hidden />
        <Text size="sm" c="orange.9" fw={500}>
          {t('presence.alsoOpen', { names: list })}
        </Text>
      </Group>
    </Tooltip>
  )
}
