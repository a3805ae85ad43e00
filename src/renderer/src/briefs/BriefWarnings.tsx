import { Anchor, Badge, Group, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLabels } from '../i18n/index.ts'
import { groupWarnings, type BriefWarning } from '../../../shared/domain/briefs.ts'
import { BRIEF_WARNING_KINDS, labelOf } from '../../../shared/domain/labels.ts'

const ROUTES: Record<NonNullable<BriefWarning['record']>['kind'], string> = {
  agreement: '/agreements',
  person: '/people',
  locality: '/localities',
  organization: '/organizations',
  trip: '/trips',
}

/** What the officer should fix before the brief goes out: by kind, counted, each opening its record. */
export function BriefWarnings({ warnings }: { warnings: BriefWarning[] }) {
  const { t } = useTranslation()
  const { lang } = useLabels()
  if (warnings.length === 0) return <Text c="dimmed">{t('briefs.noWarnings')}</Text>
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Stack gap="sm" data-testid="brief-warnings">
        {groupWarnings(warnings).map((g) => (
          <Stack key={g.kind} gap={4} data-testid={`warnings-${g.kind}`}>
            <Group gap="xs">
              <Text size="sm" fw={600} c={g.level === 'warning' ? 'orange.9' : undefined}>
                {labelOf(BRIEF_WARNING_KINDS, g.kind, lang)}
              </Text>
              <Badge size="sm" variant="light" color={g.level === 'warning' ? 'orange' : 'gray'}>
                {g.warnings.length}
              </Badge>
            </Group>
            {g.warnings.map((w, i) =>
              w.record ? (
                <Anchor key={i} component={Link} to={`${ROUTES[w.record.kind]}/${w.record.id}`} size="sm">
                  {w.words[lang]}
                </Anchor>
              ) : (
                <Text key={i} size="sm">
                  {w.words[lang]}
                </Text>
              ),
            )}
          </Stack>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  )
}
