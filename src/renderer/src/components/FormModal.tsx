import { Button, Group, Modal, Stack } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient } from '../api.ts'
import { useLabels } from '../i18n/index.ts'
import { applyErrors, goToFirstError, goToInput, inputOf } from './forms.ts'
import { ErrorAlert, notifySaved } from './ui.tsx'
import { useMayWrite } from '../app/session.tsx'

/**
 * The chrome of every edit dialog: the core's refusal is shown beside the fields it names
 * and, every problem listed, above the buttons; the first field in error comes into view
 * with the focus (a screen reader reads its label and message), or the error box when the
 * refusal names no field of the form (forms.ts goToFirstError). On success every cached read is refreshed and the dialog closes.
 * (A `save` must await its call outside any `onSaved?.(…)`: an optional call does not
 * evaluate its argument when the callback is absent.)
 */
export function FormModal<V extends Record<string, unknown>>({
  title,
  opened,
  onClose,
  form,
  save,
  size = 'xl',
  children,
}: {
  title: string
  opened: boolean
  onClose: () => void
  form: UseFormReturnType<V>
  save: (values: V) => Promise<unknown>
  size?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const body = useRef<HTMLFormElement>(null)
  // Each refusal, once its messages are on the fields, brings the first of them into view.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals) goToFirstError(body.current)
  }, [refusals])
  // A viewer's login sees the form, and saves nothing (app/session.tsx).
  const mayWrite = useMayWrite()
  const submit = form.onSubmit(async (values) => {
    if (!mayWrite) return
    setError(null)
    setBusy(true)
    try {
      await save(values)
      await queryClient.invalidateQueries()
      notifySaved(t('common.saved'))
      onClose()
    } catch (e) {
      applyErrors(form, e, lang)
      setError(e)
      setRefusals((n) => n + 1)
    } finally {
      setBusy(false)
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate ref={body}>
        <Stack>
          {children}
          <ErrorAlert error={error} onField={(field) => goToInput(inputOf(body.current ?? document, field))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            {mayWrite && (
              <Button type="submit" loading={busy} data-testid="save">
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

