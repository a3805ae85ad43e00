import { TextInput, type TextInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * Dates are typed as dd/MM/yyyy. The text is passed to the core as it is (converted to
 * ISO shape), so an impossible day such as 31/02/2025 comes back as a refusal shown
 * beside this field.
 */
export function DateField(props: TextInputProps) {
  const { t } = useTranslation()
  return <TextInput placeholder={t('common.datePlaceholder')} maxLength={10} w={160} {...props} />
}
