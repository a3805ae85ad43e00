import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../api.ts'
import { notifySaved } from './ui.tsx'

/** "Xuất gói dữ liệu" for one partner or one trip, with everything linked to it. */
export function PackButton(scope: { partnerId: string } | { tripId: string }) {
  const { t } = useTranslation()
  const pack = useApiMutation('packs.export')
  return (
    <Button
      variant="default"
      loading={pack.isPending}
      onClick={() => pack.mutate(scope, { onSuccess: (r) => r && notifySaved(t('settings.packWritten', { name: r.fileName })) })}
    >
      {t('common.exportPack')}
    </Button>
  )
}
