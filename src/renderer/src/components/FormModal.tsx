import { Button, Group, Modal, Stack } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient } from '../api.ts'
import { applyErrors } from './forms.ts'
import { ErrorAlert, notifySaved } from './ui.tsx'

/**
 * The chrome of every edit dialog: the core's refusal is shown beside the fields it names
 * and above the buttons; on success every cached read is refreshed and the dialog closes.
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
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const submit = form.onSubmit(async (values) => {
    setError(null)
    setBusy(true)
    try {
      await save(values)
      await queryClient.invalidateQueries()
      notifySaved(t('common.saved'))
      onClose()
    } catch (e) {
      applyErrors(form, e)
      setError(e)
      focusFirstInvalid(formRef.current)
    } finally {
      setBusy(false)
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {children}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/**
 * After a refusal the focus goes to the first field marked invalid (which scrolls it into
 * view, and a screen reader reads its label and message); when the refusal names no field
 * of the form, to the error box. Waits a frame for the marks to be drawn.
 */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    if (!form?.isConnected) return
    const field = form.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])')
    const target = field ?? form.querySelector<HTMLElement>('[role="alert"]')
    if (!target) return
    if (!field && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target.focus()
  })
}
