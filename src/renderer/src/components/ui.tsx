import { Badge, Button, Group, Modal, Stack, Text, Title, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { AGREEMENT_STATUSES, COMMITMENT_STATUSES } from '../../../shared/domain/labels.ts'
import { fold } from '../../../shared/text/fold.ts'
import { ApiCallError, queryClient } from '../api.ts'
import { useLabels } from '../i18n/index.ts'
import { ErrorAlert } from './ErrorAlert.tsx'
import { useMayWrite } from '../app/session.tsx'

/**
 * A page's title (its one h1, which takes the focus after navigation: app/focusTitle.ts)
 * with its buttons. When the window is narrow (200 % zoom) the buttons wrap below the
 * title rather than squeezing it to a word per line.
 */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
        <Title order={1} size="h2" tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </Stack>
      {actions && (
        <Group gap="xs" style={{ flex: '0 1 auto' }}>
          {actions}
        </Group>
      )}
    </Group>
  )
}

/** A label over a value; renders nothing when the value is empty. */
export function Info({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </Stack>
  )
}

export { ErrorAlert } from './ErrorAlert.tsx'

export function notifySaved(message: string) {
  notifications.show({ message, color: 'teal', autoClose: 2500 })
}

/**
 * A button that asks first; a refusal from the core is shown in the dialog, which stays open.
 * The dialog is titled `title` (else `label`) and opens with its confirm button focused.
 */
export function ConfirmButton({
  label,
  question,
  extra,
  onConfirm,
  color = 'blue',
  done,
  title,
  confirmLabel,
  ariaLabel,
  testId,
}: {
  label: string
  question: string
  extra?: string
  onConfirm: () => Promise<unknown>
  color?: string
  done?: string
  /** The dialog's title, when the button's label does not read as one. */
  title?: string
  /** The confirm button's label, when it differs from the button's. */
  confirmLabel?: string
  /** The button's accessible name, when its label alone is the same on every row. */
  ariaLabel?: string
  testId?: string
}) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      close()
      if (done) notifySaved(done)
    } catch (e) {
      setError(e instanceof ApiCallError ? e : new Error(String(e)))
    } finally {
      setBusy(false)
    }
  }
  const cancel = () => {
    setError(null)
    close()
  }
  return (
    <>
      <Button variant="light" color={color} onClick={open} aria-label={ariaLabel} data-testid={testId}>
        {label}
      </Button>
      <Modal opened={opened} onClose={cancel} title={title ?? label} centered>
        <Stack>
          <Text>{question}</Text>
          {extra && <Text c="dimmed">{extra}</Text>}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={busy} onClick={confirm} data-autofocus data-testid="confirm-delete">
              {confirmLabel ?? label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/** Asks before deleting; a refusal from the core (the record is still in use) is shown in the dialog. */
export function DeleteButton({ name, onConfirm, extra }: { name: string; onConfirm: () => Promise<unknown>; extra?: string }) {
  const { t } = useTranslation()
  // A viewer's login deletes nothing (app/session.tsx); the server would refuse anyway.
  if (!useMayWrite()) return null
  return (
    <ConfirmButton
      label={t('common.delete')}
      question={t('common.confirmDelete', { name })}
      extra={extra}
      color="red"
      done={t('common.deleted')}
      onConfirm={async () => {
        await onConfirm()
        // Lists that showed the record refresh; the page that showed it has been left by onConfirm.
        await queryClient.invalidateQueries()
      }}
    />
  )
}

/** Select filtering that forgives missing diacritics: "thanh hoa" matches "Thanh Hóa". */
export const foldFilter: OptionsFilter = ({ options, search }) => {
  const q = fold(search.trim())
  if (!q) return options
  const match = (item: ComboboxItem) => fold(item.label).includes(q)
  return options
    .map((o: ComboboxParsedItem) => ('group' in o ? { ...o, items: o.items.filter(match) } : o))
    .filter((o: ComboboxParsedItem) => ('group' in o ? o.items.length > 0 : match(o)))
}

export function StatusBadge({ status }: { status: string }) {
  const { label } = useLabels()
  const color = { proposed: 'gray', negotiating: 'yellow', signed: 'blue', in_force: 'teal', expired: 'orange', terminated: 'red' }[status] ?? 'gray'
  return (
    <Badge color={color} variant="light">
      {label(AGREEMENT_STATUSES, status)}
    </Badge>
  )
}

export function CommitmentBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  if (overdue) return <Badge color="red">{t('agreements.overdue')}</Badge>
  const color = { open: 'gray', in_progress: 'yellow', done: 'teal', cancelled: 'dark' }[status] ?? 'gray'
  return (
    <Badge color={color} variant="light">
      {label(COMMITMENT_STATUSES, status)}
    </Badge>
  )
}

export function Loading() {
  const { t } = useTranslation()
  return <Text c="dimmed">{t('common.loading')}</Text>
}

/** The Edit and Delete buttons of a record's page; deleting asks first, then leaves for `listPath`. */
export function RecordActions({
  name,
  onEdit,
  onDelete,
  listPath,
  extra,
}: {
  name: string
  onEdit: () => void
  onDelete: () => Promise<unknown>
  listPath: string
  extra?: string
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  if (!useMayWrite()) return null
  return (
    <>
      <Button variant="light" onClick={onEdit} data-testid="edit">
        {t('common.edit')}
      </Button>
      <DeleteButton
        name={name}
        extra={extra}
        onConfirm={async () => {
          await onDelete()
          navigate(listPath)
        }}
      />
    </>
  )
}
