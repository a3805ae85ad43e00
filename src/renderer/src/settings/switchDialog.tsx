/**
 * Asking before the window shows another register: which one it will show, and that
 * nothing is copied between the two. Once the core has switched, every cached query is
 * dropped and fetched again from the new register, and the home page is shown.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { OfficeServerInput } from '../../../shared/domain/office.ts'
import { call, queryClient } from '../api.ts'
import { ErrorAlert, notifySaved } from '../components/ui.tsx'

export type SwitchRequest = { to: 'server'; where: string; input: OfficeServerInput } | { to: 'file'; file: string; where: string }

export function useSwitchRegister() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [request, setRequest] = useState<SwitchRequest | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  return {
    request,
    error,
    busy,
    ask: (r: SwitchRequest) => {
      setError(null)
      setRequest(r)
    },
    cancel: () => setRequest(null),
    async confirm() {
      if (!request) return
      setBusy(true)
      setError(null)
      try {
        if (request.to === 'server') await call('office.connect', request.input)
        else await call('office.useFile')
        setRequest(null)
        // The other register: nothing cached from the one before may show.
        navigate('/')
        queryClient.clear()
        await queryClient.resetQueries()
        notifySaved(request.to === 'server' ? t('server.switchedServer', { where: request.where }) : t('server.switchedFile'))
      } catch (e) {
        setError(e)
        // A refusal of a field goes back to the form, where the field says it.
        setRequest(null)
      } finally {
        setBusy(false)
      }
    },
  }
}

export function SwitchDialog({ switcher }: { switcher: ReturnType<typeof useSwitchRegister> }) {
  const { t } = useTranslation()
  const r = switcher.request
  return (
    <>
      <ErrorAlert error={switcher.request ? null : switcher.error} />
      <Modal opened={!!r} onClose={switcher.cancel} title={r?.to === 'file' ? t('server.confirmFileTitle') : t('server.confirmServerTitle')} centered>
        {r && (
          <Stack>
            <Text data-testid="switch-question">{r.to === 'server' ? t('server.confirmServer', { where: r.where }) : t('server.confirmFile', { file: r.file, where: r.where })}</Text>
            <Text c="dimmed">{t('server.nothingCopied')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={switcher.cancel}>
                {t('common.cancel')}
              </Button>
              <Button loading={switcher.busy} onClick={() => void switcher.confirm()} data-autofocus data-testid="switch-confirm">
                {t('server.switchConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}
