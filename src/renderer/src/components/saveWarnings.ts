/** A save that went through may still say something the officer should look at: shown as a notice, in the UI's language. */
import { notifications } from '@mantine/notifications'
import i18n from 'i18next'
import type { SaveWarning } from '../../../shared/domain/common.ts'
import { formatDate } from '../../../shared/text/dates.ts'

export function notifySaveWarnings(warnings: readonly SaveWarning[]) {
  for (const w of warnings) {
    const params = Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v]))
    notifications.show({
      title: i18n.t('saveWarnings.title'),
      message: i18n.t(`saveWarnings.${w.code}`, { ...params, defaultValue: w.code }),
      color: 'orange',
      autoClose: 12_000,
      withBorder: true,
    })
  }
}
