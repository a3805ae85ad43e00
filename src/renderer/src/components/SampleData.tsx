/**
 * The sample data, loaded after a question and removable again: the buttons the home
 * page, the empty lists and Settings share. What the load or the removal did is said in a
 * notification (and handed to `onDone` for a page that says it in place).
 */
import { useTranslation } from 'react-i18next'
import { call, queryClient } from '../api.ts'
import { ConfirmButton, notifySaved } from './ui.tsx'
import { useMayWrite } from '../app/session.tsx'

export function LoadSampleButton({ onDone }: { onDone?: (created: number) => void }) {
  const { t } = useTranslation()
  if (!useMayWrite()) return null
  return (
    <ConfirmButton
      label={t('sample.load')}
      title={t('sample.loadTitle')}
      question={t('sample.loadQuestion')}
      extra={t('sample.loadExtra')}
      confirmLabel={t('sample.loadConfirm')}
      color="indigo"
      testId="load-demo"
      onConfirm={async () => {
        const r = await call('demo.load')
        await queryClient.invalidateQueries()
        notifySaved(t('sample.loaded', { created: r.created }))
        onDone?.(r.created)
      }}
    />
  )
}

export function RemoveSampleButton({ onDone }: { onDone?: (r: { removed: number; kept: number }) => void }) {
  const { t } = useTranslation()
  if (!useMayWrite()) return null
  return (
    <ConfirmButton
      label={t('sample.remove')}
      title={t('sample.removeTitle')}
      question={t('sample.removeQuestion')}
      extra={t('sample.removeExtra')}
      confirmLabel={t('sample.removeConfirm')}
      color="red"
      testId="remove-demo"
      onConfirm={async () => {
        const r = await call('demo.remove')
        await queryClient.invalidateQueries()
        notifySaved(r.kept ? t('sample.removedKept', r) : t('sample.removed', r))
        onDone?.(r)
      }}
    />
  )
}
