/**
 * A refusal, worded in the UI's language: why (the reason), then every field's problem,
 * each naming its field; with `onField`, each problem is a button that goes to its field.
 */
import { Alert, Anchor, List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { wordIssue, wordReason } from '../../../shared/messages/index.ts'
import { fieldLabel } from '../../../shared/domain/fields.ts'
import { ApiCallError } from '../api.ts'
import { useLabels } from '../i18n/index.ts'

export function ErrorAlert({ error, onField }: { error: unknown; onField?: (field: string) => void }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  if (!error) return null
  if (!(error instanceof ApiCallError)) {
    return (
      <Alert color="red" title={t('common.error')} role="alert" data-testid="form-error">
        {error instanceof Error ? error.message : String(error)}
      </Alert>
    )
  }
  const { reason, params, details = [] } = error.error
  return (
    <Alert color="red" title={t('common.error')} role="alert" data-testid="form-error">
      <Text size="sm">{wordReason(reason, params, lang)}</Text>
      {details.length > 0 && (
        <List size="sm" mt={4} data-testid="form-error-list">
          {details.map((d, i) => {
            const field = d.field ? fieldLabel(d.field, lang) : null
            const what = wordIssue(d, lang)
            return (
              <List.Item key={`${d.field}-${i}`}>
                {field && onField ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onField(d.field)}>
                    {field}
                  </Anchor>
                ) : (
                  field
                )}
                {field ? `: ${what}` : what}
              </List.Item>
            )
          })}
        </List>
      )}
    </Alert>
  )
}
